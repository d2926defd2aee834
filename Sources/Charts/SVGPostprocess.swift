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
    /// number assigned in order of first appearance. Copies the text between matches in
    /// bulk: the SVG of a dense figure is about a megabyte.
    static func renumberSurfaces(_ svg: [UInt8]) -> [UInt8] {
        let word = Array("surface".utf8)
        let (quote, hash, zero, nine) = (UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "0"), UInt8(ascii: "9"))
        var numbers: [ArraySlice<UInt8>: Int] = [:]
        var output: [UInt8] = []
        output.reserveCapacity(svg.count)
        var copied = 0
        var i = 1
        while i + word.count < svg.count {
            guard svg[i] == word[0], svg[i - 1] == quote || svg[i - 1] == hash, svg[i..<(i + word.count)].elementsEqual(word) else {
                i += 1
                continue
            }
            var end = i + word.count
            while end < svg.count, svg[end] >= zero, svg[end] <= nine { end += 1 }
            guard end > i + word.count else {
                i += 1
                continue
            }
            let digits = svg[(i + word.count)..<end]
            let number = numbers[digits] ?? (numbers.count + 1)
            numbers[digits] = number
            output += svg[copied..<(i + word.count)]
            output += Array(String(number).utf8)
            copied = end
            i = end
        }
        output += svg[copied...]
        return output
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        return (0...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
