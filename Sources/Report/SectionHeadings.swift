import Foundation
import TextSupport

/// The h2 and h3 headings of the prose, numbered across the core and the further chapters (2,
/// 2.1, …), those of the appendices lettered (A, A.1, …). Each gets an id, its `{#sec:id}` label or else a slug of its
/// text, which the contents and `@sec:` references link to.
struct SectionHeadings {
    struct Heading {
        let id: String
        let level: Int
        let number: String
        /// The heading's inner HTML; while the prose is being numbered, it still holds the
        /// scanner's tokens for math and numbers.
        let html: String
        /// The content file the heading is in; empty for an appendix the page template writes.
        let section: String
        let part: TemplateFolder.Part

        var isAppendix: Bool { part == .appendix }

        /// What a reference calls it: "Section 2.1", "Appendix A", "Section A.1".
        var name: String {
            level == 2 && isAppendix ? "Appendix&nbsp;\(number)" : "Section&nbsp;\(number)"
        }
    }

    private(set) var headings: [Heading] = []
    private var taken: Set<String>

    /// `reserved`: ids the page already uses outside the prose.
    init(reserved: Set<String>) {
        taken = reserved
    }

    /// Anchors and numbers the headings of one section's HTML (as Ink wrote it, tokens in place).
    mutating func number(
        _ html: String, section: String, part: TemplateFolder.Part = .core, scanner: ContentScanner
    ) throws(LocatedError) -> String
    {
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
            let number = nextNumber(level: level, isAppendix: part == .appendix)
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
            headings.append(Heading(id: id, level: level, number: number, html: inner, section: section, part: part))
            output += "<h\(level) id=\"\(id)\"><span class=\"section-number\">\(number)</span> \(inner)</h\(level)>"
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// An appendix the page template writes itself (the verification), lettered after those of
    /// the prose; `id` is the element id the template gives it.
    mutating func appendTemplateAppendix(id: String, html: String) -> Heading {
        let heading = Heading(id: id, level: 2, number: nextNumber(level: 2, isAppendix: true), html: html, section: "", part: .appendix)
        headings.append(heading)
        return heading
    }

    private func nextNumber(level: Int, isAppendix: Bool) -> String {
        let series = headings.filter { $0.isAppendix == isAppendix }
        let majors = series.filter { $0.level == 2 }.count
        let major = isAppendix ? Self.letters(max(majors, 1)) : "\(max(majors, 1))"
        guard level == 3 else { return isAppendix ? Self.letters(majors + 1) : "\(majors + 1)" }
        let minors = series.reversed().prefix { $0.level == 3 }.count
        return "\(major).\(minors + 1)"
    }

    /// A, B, …, Z, AA, AB, …: the letters of the `number`th appendix.
    static func letters(_ number: Int) -> String {
        var rest = number
        var letters = ""
        while rest > 0 {
            rest -= 1
            letters = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(rest % 26))) + letters
            rest /= 26
        }
        return letters
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
