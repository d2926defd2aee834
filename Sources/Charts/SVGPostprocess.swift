/// Rewrites cairo's SVG so it is accessible and byte-identical across runs and processes.
enum SVGPostprocess {
    /// Renumbers cairo's process-wide `surfaceN` ids from 1 in order of appearance (with every
    /// reference), gives the root element `role="img"` and `aria-labelledby`, and inserts
    /// `<title>` and `<desc>` as its first children.
    static func finish(_ svg: [UInt8], title: String, description: String) -> [UInt8] {
        let renumbered = renumberSurfaces(svg)
        let open = Array("<svg".utf8)
        guard let start = firstIndex(of: open, in: renumbered),
            let close = renumbered[start...].firstIndex(of: UInt8(ascii: ">"))
        else { return renumbered }
        let attributes = Array(#" role="img" aria-labelledby="title desc""#.utf8)
        let children = Array("\n<title id=\"title\">\(escape(title))</title>\n<desc id=\"desc\">\(escape(description))</desc>".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(renumbered.count + attributes.count + children.count)
        output += renumbered[..<close]
        output += attributes
        output.append(UInt8(ascii: ">"))
        output += children
        output += renumbered[(close + 1)...]
        return output
    }

    /// Text safe inside an XML element: markup characters escaped, and characters XML 1.0
    /// forbids (most C0 controls) dropped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }

    /// Replaces each `surface<digits>` that follows `"` or `#` (an id or a reference) with a
    /// number assigned in order of first appearance.
    static func renumberSurfaces(_ svg: [UInt8]) -> [UInt8] {
        let word = Array("surface".utf8)
        var numbers: [ArraySlice<UInt8>: Int] = [:]
        var output: [UInt8] = []
        output.reserveCapacity(svg.count)
        var i = 0
        while i < svg.count {
            if i > 0, svg[i - 1] == UInt8(ascii: "\"") || svg[i - 1] == UInt8(ascii: "#"),
                svg[i] == word[0], svg.count - i > word.count, svg[i..<(i + word.count)].elementsEqual(word)
            {
                var end = i + word.count
                while end < svg.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(svg[end]) { end += 1 }
                if end > i + word.count {
                    let digits = svg[(i + word.count)..<end]
                    let number = numbers[digits] ?? (numbers.count + 1)
                    numbers[digits] = number
                    output += word
                    output += Array(String(number).utf8)
                    i = end
                    continue
                }
            }
            output.append(svg[i])
            i += 1
        }
        return output
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        return (0...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
