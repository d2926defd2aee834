/// Just enough HTML reading for the page tests. The page is machine-written, with every
/// attribute double-quoted, and the validator test vouches for its syntax, so patterns suffice
/// where a full parser would be a dependency.
enum HTMLTags {
    struct Tag {
        let name: String
        let attributes: [String: String]

        /// What the tag links to or loads: href, src, and each URL of a srcset.
        var targets: [String] {
            var targets = [attributes["href"], attributes["src"]].compactMap { $0 }
            if let srcset = attributes["srcset"] {
                targets += srcset.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
            }
            return targets
        }
    }

    /// Every start tag, in order.
    static func parse(_ html: String) -> [Tag] {
        html.matches(of: /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>\/]+(?:="[^"]*")?)*)\s*\/?>/).map { match in
            var attributes: [String: String] = [:]
            for attribute in String(match.output.2).matches(of: /([^\s=]+)(?:="([^"]*)")?/) {
                attributes[String(attribute.output.1)] = attribute.output.2.map { decode(String($0)) } ?? ""
            }
            return Tag(name: String(match.output.1).lowercased(), attributes: attributes)
        }
    }

    /// Each stretch of `html` from an occurrence of `start` to the next `end`, both included.
    static func elements(_ html: String, start: String, end: String) -> [String] {
        var found: [String] = []
        var rest = Substring(html)
        while let open = rest.range(of: start), let close = rest[open.upperBound...].range(of: end) {
            found.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The words a reader sees in `<main>`, formulas left out.
    static func text(_ html: String) -> String {
        let main = elements(html, start: "<main>", end: "</main>").first ?? html
        return main.replacing(/<math[\s\S]*?<\/math>/, with: " ").replacing(/<[^>]*>/, with: " ")
    }

    private static func decode(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
