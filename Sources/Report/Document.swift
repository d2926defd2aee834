import Experiments
import Foundation
import Initializers
import Ink
import TeXMath

/// The prose of the handout turned into HTML: math to MathML, figures placed and numbered,
/// numbers quoted from the build, references resolved, headings numbered for the contents.
struct Document {
    struct Heading {
        let id: String
        let level: Int
        let number: String
        let html: String
    }

    struct RenderedSection {
        let id: String
        let html: String
    }

    /// Numbers assigned in reading order before any section is rendered, so that a reference
    /// may point forward.
    struct Numbering {
        var figures: [String: Int] = [:]
        var equations: [String: Int] = [:]
        var citations: [String: Int] = [:]
        var citationOrder: [String] = []
    }

    private(set) var sections: [RenderedSection] = []
    private(set) var headings: [Heading] = []
    let numbering: Numbering

    init(
        templates: TemplateFolder, figures: [String: FigureSpec], numbers: [String: Double],
        renderFigure: (FigureSpec, Int, String) -> String
    ) throws(ReportError) {
        var scanned: [(TemplateFolder.Section, ContentScanner)] = []
        var numbering = Numbering()
        var equationCount = 0
        for section in templates.sections {
            let scanner = try ContentScanner(path: section.path, text: section.text)
            for located in scanner.pieces {
                switch located.piece {
                case .figure(let id):
                    guard figures[id] != nil else {
                        throw scanner.error(at: located.offset, "no figure \(id)", hint: nearestName(to: id, in: Array(figures.keys)).map { "did you mean \($0)?" } ?? "known figures: \(figures.keys.sorted().joined(separator: ", "))")
                    }
                    guard numbering.figures[id] == nil else { throw scanner.error(at: located.offset, "figure \(id) is placed twice") }
                    numbering.figures[id] = numbering.figures.count + 1
                case .displayMath(_, let label, let numbered) where numbered:
                    equationCount += 1
                    if let label {
                        guard numbering.equations[label] == nil else { throw scanner.error(at: located.offset, "equation label \(label) is used twice") }
                        numbering.equations[label] = equationCount
                    }
                case .citation(let keys):
                    for key in keys where numbering.citations[key] == nil {
                        guard templates.bibliography.entries[key] != nil else {
                            throw scanner.error(at: located.offset, "no reference \(key) in \(templates.bibliography.path)", hint: nearestName(to: key, in: Array(templates.bibliography.entries.keys)).map { "did you mean \($0)?" })
                        }
                        numbering.citationOrder.append(key)
                        numbering.citations[key] = numbering.citationOrder.count
                    }
                default:
                    break
                }
            }
            scanned.append((section, scanner))
        }
        self.numbering = numbering

        var equationNumber = 0
        for (section, scanner) in scanned {
            var replacements: [String] = []
            for located in scanner.pieces {
                let html: String
                switch located.piece {
                case .inlineMath(let tex):
                    html = try Self.math(tex, display: false, numbers: numbers, scanner: scanner, offset: located.offset)
                case .displayMath(let tex, let label, let numbered):
                    let math = try Self.math(tex, display: true, numbers: numbers, scanner: scanner, offset: located.offset)
                    if numbered {
                        equationNumber += 1
                        let anchor = label.map { " id=\"\(Self.anchor(equation: $0))\"" } ?? ""
                        html = "<div class=\"equation\"\(anchor)>\(math)<span class=\"equation-number\">(\(equationNumber))</span></div>"
                    } else {
                        html = "<div class=\"equation\">\(math)</div>"
                    }
                case .figure(let id):
                    guard let spec = figures[id], let number = numbering.figures[id] else { throw scanner.error(at: located.offset, "no figure \(id)") }
                    let caption = try Self.inline(spec.caption, path: "caption of figure \(id)", numbers: numbers)
                    html = renderFigure(spec, number, caption)
                case .figureReference(let id):
                    guard let number = numbering.figures[id] else {
                        throw scanner.error(at: located.offset, "@fig:\(id) refers to no placed figure", hint: nearestName(to: id, in: Array(numbering.figures.keys)).map { "did you mean @fig:\($0)?" })
                    }
                    html = "<a class=\"xref\" href=\"#fig-\(id)\">Figure&nbsp;\(number)</a>"
                case .equationReference(let label):
                    guard let number = numbering.equations[label] else {
                        throw scanner.error(at: located.offset, "\\eqref{\(label)} refers to no labelled equation", hint: nearestName(to: label, in: Array(numbering.equations.keys)).map { "did you mean \($0)?" })
                    }
                    html = "<a class=\"xref\" href=\"#\(Self.anchor(equation: label))\">(\(number))</a>"
                case .citation(let keys):
                    let links = keys.compactMap { key in numbering.citations[key].map { "<a href=\"#ref-\(key)\">\($0)</a>" } }
                    html = "<span class=\"citation\">[\(links.joined(separator: ", "))]</span>"
                case .number(let name, let digits):
                    guard let value = numbers[name] else {
                        throw scanner.error(at: located.offset, "the build has no number \(name)", hint: nearestName(to: name, in: Array(numbers.keys)).map { "did you mean \($0)?" })
                    }
                    html = "<span class=\"number\">\(NumberText.format(value, digits: digits))</span>"
                }
                replacements.append(html)
            }
            var body = MarkdownParser().html(from: scanner.markdown)
            // Block pieces stand in paragraphs of their own; drop those paragraphs around them.
            for (number, located) in scanner.pieces.enumerated().reversed() {
                let token = ContentScanner.token(number)
                if located.piece.isBlock {
                    body = body.replacingOccurrences(of: "<p>\(token)</p>", with: replacements[number])
                }
                body = body.replacingOccurrences(of: token, with: replacements[number])
            }
            body = numberHeadings(body, section: section.id)
            sections.append(RenderedSection(id: section.id, html: body))
        }
    }

    static func anchor(equation label: String) -> String {
        "eq-" + label.replacingOccurrences(of: "eq:", with: "").replacingOccurrences(of: ":", with: "-")
    }

    /// Markdown with math and numbers but no blocks, such as a figure caption.
    static func inline(_ markdown: String, path: String, numbers: [String: Double]) throws(ReportError) -> String {
        let scanner = try ContentScanner(path: path, text: markdown)
        var html = MarkdownParser().html(from: scanner.markdown)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        for (number, located) in scanner.pieces.enumerated().reversed() {
            let replacement: String
            switch located.piece {
            case .inlineMath(let tex): replacement = try math(tex, display: false, numbers: numbers, scanner: scanner, offset: located.offset)
            case .number(let name, let digits):
                guard let value = numbers[name] else { throw scanner.error(at: located.offset, "the build has no number \(name)") }
                replacement = NumberText.format(value, digits: digits)
            default: throw scanner.error(at: located.offset, "only math and {{number}} are allowed here")
            }
            html = html.replacingOccurrences(of: ContentScanner.token(number), with: replacement)
        }
        return html
    }

    /// MathML for a formula, with `{{number NAME}}` inside it replaced by the number as TeX.
    static func math(_ tex: String, display: Bool, numbers: [String: Double], scanner: ContentScanner, offset: Int) throws(ReportError) -> String {
        // The TeX starts after its opening delimiter.
        let start = offset + (display ? 2 : 1)
        var expanded = ""
        var rest = Substring(tex)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let at = start + tex.distance(from: tex.startIndex, to: open.lowerBound)
            let words = rest[open.upperBound..<close.lowerBound].split(separator: " ").map(String.init)
            let (name, digits) = try ContentScanner.numberDirective(words) { scanner.error(at: at, $0) }
            guard let value = numbers[name] else {
                throw scanner.error(at: at, "the build has no number \(name)", hint: nearestName(to: name, in: Array(numbers.keys)).map { "did you mean \($0)?" })
            }
            expanded += rest[..<open.lowerBound] + "{" + NumberText.tex(value, digits: digits) + "}"
            rest = rest[close.upperBound...]
        }
        expanded += rest
        do {
            return try TeXMath.mathML(expanded, display: display)
        } catch {
            // Offsets past a substituted number are approximate; the line is right.
            throw scanner.error(at: start + min(error.offset, tex.count), error.message)
        }
    }

    /// Gives every h2 and h3 an id and a number (2, 2.1, …) and records it for the contents.
    private mutating func numberHeadings(_ html: String, section: String) -> String {
        var output = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            let levelCharacter = rest[open.upperBound]
            guard let level = levelCharacter.wholeNumberValue, level == 2 || level == 3,
                  rest[rest.index(after: open.upperBound)] == ">",
                  let close = rest.range(of: "</h\(level)>")
            else {
                output += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            output += rest[..<open.lowerBound]
            let inner = String(rest[rest.index(open.upperBound, offsetBy: 2)..<close.lowerBound])
            let majors = headings.filter { $0.level == 2 }.count
            let number: String
            if level == 2 {
                number = "\(majors + 1)"
            } else {
                let minors = headings.reversed().prefix { $0.level == 3 }.count
                number = "\(max(majors, 1)).\(minors + 1)"
            }
            let id = Self.slug(inner, fallback: "\(section)-\(number)", taken: Set(headings.map(\.id)))
            headings.append(Heading(id: id, level: level, number: number, html: inner))
            output += "<h\(level) id=\"\(id)\"><span class=\"section-number\">\(number)</span> \(inner)</h\(level)>"
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// A URL fragment from heading text: lower case letters and digits joined by hyphens,
    /// markup and math left out.
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
        var candidate = slug.isEmpty ? fallback : slug
        var suffix = 2
        while taken.contains(candidate) { candidate = "\(slug.isEmpty ? fallback : slug)-\(suffix)"; suffix += 1 }
        return candidate
    }
}
