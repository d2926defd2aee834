import Foundation
import TextSupport

/// The h2 and h3 headings of the prose, numbered across all sections (2, 2.1, …). Each gets an
/// id, its `{#sec:id}` label or else a slug of its text, which the contents and `@sec:`
/// references link to.
struct SectionHeadings {
    struct Heading {
        let id: String
        let level: Int
        let number: String
        /// The heading's inner HTML; while the prose is being numbered, it still holds the
        /// scanner's tokens for math and numbers.
        let html: String
        /// The content file the heading is in.
        let section: String
    }

    private(set) var headings: [Heading] = []
    private var taken: Set<String>

    /// `reserved`: ids the page already uses outside the prose.
    init(reserved: Set<String>) {
        taken = reserved
    }

    /// Anchors and numbers the headings of one section's HTML (as Ink wrote it, tokens in place).
    mutating func number(_ html: String, section: String, scanner: ContentScanner) throws(LocatedError) -> String {
        let labels = scanner.pieces.enumerated().compactMap { number, located -> (token: String, id: String, offset: Int)? in
            guard case .label(.section, let id) = located.piece else { return nil }
            return (ContentScanner.token(number), id, located.offset)
        }
        var output = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            guard let level = rest[open.upperBound].wholeNumberValue, level == 2 || level == 3,
                rest[rest.index(after: open.upperBound)] == ">",
                let close = rest.range(of: "</h\(level)>")
            else {
                output += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            output += rest[..<open.lowerBound]
            var inner = String(rest[rest.index(open.upperBound, offsetBy: 2)..<close.lowerBound])
            let number = nextNumber(level: level)
            let id: String
            if let label = labels.first(where: { inner.contains($0.token) }) {
                inner = inner.replacingOccurrences(of: label.token, with: "").trimmingCharacters(in: .whitespaces)
                guard !taken.contains(label.id) else {
                    throw scanner.error(at: label.offset, "the section label \(label.id) is used twice, or clashes with an id of the page")
                }
                id = label.id
            } else {
                id = Self.slug(ContentScanner.removingTokens(inner), fallback: "\(section)-\(number)", taken: taken)
            }
            taken.insert(id)
            headings.append(Heading(id: id, level: level, number: number, html: inner, section: section))
            output += "<h\(level) id=\"\(id)\"><span class=\"section-number\">\(number)</span> \(inner)</h\(level)>"
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    private func nextNumber(level: Int) -> String {
        let majors = headings.filter { $0.level == 2 }.count
        guard level == 3 else { return "\(majors + 1)" }
        let minors = headings.reversed().prefix { $0.level == 3 }.count
        return "\(max(majors, 1)).\(minors + 1)"
    }

    /// A URL fragment from heading text: lower case letters and digits joined by hyphens,
    /// markup left out.
    static func slug(_ html: String, fallback: String, taken: Set<String>) -> String {
        var text = ""
        var depth = 0
        for c in html {
            if c == "<" { depth += 1 } else if c == ">" { depth -= 1 } else if depth == 0 { text.append(c) }
        }
        var slug = ""
        for c in text.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { slug.append(c) } else if !slug.hasSuffix("-") && !slug.isEmpty { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        let base = slug.isEmpty ? fallback : slug
        var candidate = base
        var suffix = 2
        while taken.contains(candidate) { candidate = "\(base)-\(suffix)"; suffix += 1 }
        return candidate
    }
}
