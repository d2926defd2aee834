import TextSupport

/// Rewrites cairo's SVG so it is accessible and byte-identical across runs and processes.
public enum SVGPostprocess {
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
        let children = Array(
            "\n<title id=\"title\">\(XMLText.escape(title))</title>\n<desc id=\"desc\">\(XMLText.escape(description))</desc>".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(renumbered.count + attributes.count + children.count)
        output += renumbered[..<close]
        output += attributes
        output.append(UInt8(ascii: ">"))
        output += children
        output += renumbered[(close + 1)...]
        return output
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

    /// The SVG with `prefix` put before every id and every reference to one (`id="…"`,
    /// `href="#…"`, `url(#…)`, `aria-labelledby`), so that several figures inlined into one page
    /// keep their own glyphs and labels: cairo names them alike (`glyph0-1`) in every figure.
    public static func prefixingIDs(_ svg: [UInt8], with prefix: String) -> [UInt8] {
        let labels = Array(#"aria-labelledby="title desc""#.utf8)
        let prefixed = Array("aria-labelledby=\"\(prefix)title \(prefix)desc\"".utf8)
        let tokens = [Array(" id=\"".utf8), Array("href=\"#".utf8), Array("url(#".utf8)]
        let insertion = Array(prefix.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(svg.count + svg.count / 20)
        var copied = 0
        var i = 0
        while i < svg.count {
            if svg[i] == labels[0], svg[i...].starts(with: labels) {
                output += svg[copied..<i]
                output += prefixed
                i += labels.count
                copied = i
                continue
            }
            guard let token = tokens.first(where: { svg[i] == $0[0] && svg[i...].starts(with: $0) }) else {
                i += 1
                continue
            }
            i += token.count
            output += svg[copied..<i]
            output += insertion
            copied = i
        }
        output += svg[copied...]
        return output
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        return (0...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
