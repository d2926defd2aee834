import Experiments
import Foundation
import Initializers
import Ink
import TeXMath
import TextSupport

/// The prose of the handout turned into HTML: math to MathML, figures and check tables placed,
/// figures, tables, sections and equations numbered and referred to by label, numbers quoted
/// from the build, citations resolved, headings numbered for the contents.
struct Document {
    /// How the page's partials draw a figure (spec, number, caption HTML) and a table of checks.
    struct Partials {
        let figure: (FigureSpec, Int, String) throws(LocatedError) -> String
        let checks: ([Check]) throws(LocatedError) -> String
        /// The summary table of the rule catalogue, drawn once.
        let rules: String
        /// The names of some rules in the libraries, with what differs.
        let libraries: ([RuleID]) throws(LocatedError) -> String
    }

    struct RenderedSection {
        let id: String
        let html: String
    }

    /// Numbers assigned in reading order before any section is rendered, so that a reference
    /// may point forward.
    struct Numbering {
        var figures: [String: Int] = [:]
        /// The content file each figure is placed in.
        var figureSections: [String: String] = [:]
        /// The content file whose table first shows each check, by check id.
        var checkSections: [String: String] = [:]
        var tables: [String: Int] = [:]
        var sections: [String: String] = [:]
        /// What a reference to the equation shows: its number, or its `\tag`.
        var equations: [String: String] = [:]
        var citations: [String: Int] = [:]
        var citationOrder: [String] = []
    }

    /// A content file after the first pass: its Markdown is HTML, but the pieces are still tokens.
    private struct Scanned {
        let section: TemplateFolder.Section
        let scanner: ContentScanner
        let html: String
        /// The finished HTML of each math piece, by piece index.
        let math: [Int: String]
        /// The number of each table caption, by piece index.
        let tables: [Int: Int]
    }

    private(set) var sections: [RenderedSection] = []
    private(set) var headings: [SectionHeadings.Heading] = []
    let numbering: Numbering

    /// `reservedIDs`: element ids the page template uses, which headings must not take.
    init(
        templates: TemplateFolder, figures: [String: FigureSpec], numbers: [String: Double], checks: [Check],
        reservedIDs: Set<String>, partials: Partials
    ) throws(LocatedError) {
        var numbering = Numbering()
        var sectionHeadings = SectionHeadings(reserved: reservedIDs)
        var scanned: [Scanned] = []
        var equationCount = 0
        var tableCount = 0
        for section in templates.sections {
            let scanner = section.scanner
            var html = MarkdownParser().html(from: scanner.markdown)
            var math: [Int: String] = [:]
            for (index, located) in scanner.pieces.enumerated() {
                switch located.piece {
                case .inlineMath(let tex):
                    let conversion = try Self.convert(tex, display: false, numbers: numbers, scanner: scanner, at: located)
                    guard conversion.labels.isEmpty else {
                        throw scanner.error(at: located.offset, "\\label belongs in display math ($$…$$)")
                    }
                    math[index] = conversion.mathML
                case .displayMath(let tex):
                    let conversion = try Self.convert(tex, display: true, numbers: numbers, scanner: scanner, at: located)
                    guard conversion.labels.count <= 1 else {
                        throw scanner.error(at: located.offset, "a displayed equation has one number, so at most one \\label; this one has \(conversion.labels.count)")
                    }
                    var shown = conversion.tag
                    if shown == nil && !conversion.isNumberSuppressed {
                        equationCount += 1
                        shown = "\(equationCount)"
                    }
                    let label = conversion.labels.first
                    if let label {
                        guard let shown else {
                            throw scanner.error(at: located.offset, "\\label{\(label)} is on an unnumbered equation", hint: "remove \\nonumber or the label")
                        }
                        guard numbering.equations[label] == nil else {
                            throw scanner.error(at: located.offset, "equation label \(label) is used twice")
                        }
                        numbering.equations[label] = shown
                    }
                    math[index] = Self.equation(conversion.mathML, shown: shown, label: label)
                case .figure(let id):
                    guard figures[id] != nil else {
                        throw scanner.error(at: located.offset, "no figure \(id)", hint: nearestName(to: id, in: Array(figures.keys)).map { "did you mean \($0)?" } ?? "known figures: \(figures.keys.sorted().joined(separator: ", "))")
                    }
                    guard numbering.figures[id] == nil else { throw scanner.error(at: located.offset, "figure \(id) is placed twice") }
                    numbering.figures[id] = numbering.figures.count + 1
                    numbering.figureSections[id] = section.id
                case .citation(let keys):
                    for key in keys where numbering.citations[key] == nil {
                        guard templates.bibliography.entries[key] != nil else {
                            throw scanner.error(at: located.offset, "no reference \(key) in \(templates.bibliography.path)", hint: nearestName(to: key, in: Array(templates.bibliography.entries.keys)).map { "did you mean \($0)?" })
                        }
                        numbering.citationOrder.append(key)
                        numbering.citations[key] = numbering.citationOrder.count
                    }
                case .checks(let prefixes):
                    for prefix in prefixes where CheckTable.matching([prefix], in: checks).isEmpty {
                        throw scanner.error(at: located.offset, "no check id starts with \(prefix)", hint: nearestName(to: prefix, in: CheckTable.prefixes(checks)).map { "did you mean \($0)?" } ?? "the ids are listed in data/manifest.json")
                    }
                    for check in CheckTable.matching(prefixes, in: checks) where numbering.checkSections[check.id] == nil {
                        numbering.checkSections[check.id] = section.id
                    }
                    // In place now, so that a `Table:` caption can attach to it.
                    html = html.replacingOccurrences(of: "<p>\(ContentScanner.token(index))</p>", with: try partials.checks(CheckTable.matching(prefixes, in: checks)))
                case .rules:
                    html = html.replacingOccurrences(of: "<p>\(ContentScanner.token(index))</p>", with: partials.rules)
                case .libraries(let names):
                    var rules: [RuleID] = []
                    for name in names {
                        guard let rule = RuleID(rawValue: name) else {
                            throw scanner.error(at: located.offset, "no rule \(name) in the catalogue", hint: nearestName(to: name, in: RuleID.allCases.map(\.rawValue)).map { "did you mean \($0)?" })
                        }
                        rules.append(rule)
                    }
                    html = html.replacingOccurrences(of: "<p>\(ContentScanner.token(index))</p>", with: try partials.libraries(rules))
                default:
                    break
                }
            }
            let arranged = try ProseTables.arrange(html, scanner: scanner, firstNumber: tableCount + 1)
            tableCount += arranged.captions.count
            for caption in arranged.captions {
                guard let label = caption.label else { continue }
                guard numbering.tables[label] == nil else {
                    throw scanner.error(at: scanner.pieces[caption.piece].offset, "table label \(label) is used twice")
                }
                numbering.tables[label] = caption.number
            }
            html = try sectionHeadings.number(arranged.html, section: section.id, scanner: scanner)
            for located in scanner.pieces.enumerated() {
                guard case .label(.section, _) = located.element.piece, html.contains(ContentScanner.token(located.offset)) else { continue }
                throw scanner.error(at: located.element.offset, "{#sec:…} labels a ## or ### heading; this line is not one")
            }
            scanned.append(Scanned(
                section: section, scanner: scanner, html: html, math: math,
                tables: Dictionary(uniqueKeysWithValues: arranged.captions.map { ($0.piece, $0.number) })))
        }
        for heading in sectionHeadings.headings { numbering.sections[heading.id] = heading.number }
        self.numbering = numbering

        var headingHTML: [String: String] = [:]
        for entry in scanned {
            let scanner = entry.scanner
            var replacements: [String] = []
            for (index, located) in scanner.pieces.enumerated() {
                switch located.piece {
                case .inlineMath, .displayMath:
                    replacements.append(entry.math[index] ?? "")
                case .figure(let id):
                    guard let spec = figures[id], let number = numbering.figures[id] else { throw scanner.error(at: located.offset, "no figure \(id)") }
                    let caption = try Self.inline(spec.caption, path: "caption of figure \(id)", numbers: numbers)
                    replacements.append(try partials.figure(spec, number, caption))
                case .checks, .label, .rules, .libraries:
                    replacements.append("")
                case .inlineTag(let tag):
                    replacements.append(tag)
                case .tableCaption:
                    replacements.append("<span class=\"table-label\">Table&nbsp;\(entry.tables[index] ?? 0).</span>")
                case .reference(let kind, let id):
                    replacements.append(try Self.reference(kind, id, numbering: numbering, scanner: scanner, offset: located.offset))
                case .citation(let keys):
                    let links = keys.compactMap { key in numbering.citations[key].map { "<a href=\"#ref-\(key)\">\($0)</a>" } }
                    replacements.append("<span class=\"citation\">[\(links.joined(separator: ", "))]</span>")
                case .number(let name, let digits):
                    guard let value = numbers[name] else {
                        throw scanner.error(at: located.offset, "the build has no number \(name)", hint: nearestName(to: name, in: Array(numbers.keys)).map { "did you mean \($0)?" })
                    }
                    replacements.append("<span class=\"number\">\(NumberText.format(value, digits: digits))</span>")
                }
            }
            sections.append(RenderedSection(id: entry.section.id, html: Self.substitute(replacements, of: scanner, in: entry.html)))
            for heading in sectionHeadings.headings where heading.section == entry.section.id {
                headingHTML[heading.id] = Self.substitute(replacements, of: scanner, in: heading.html)
            }
        }
        headings = sectionHeadings.headings.map {
            SectionHeadings.Heading(id: $0.id, level: $0.level, number: $0.number, html: headingHTML[$0.id] ?? $0.html, section: $0.section)
        }
    }

    /// `html` with every token replaced by its piece's HTML. A block piece stands in a paragraph
    /// of its own, which goes; inline math glued to punctuation is kept on one line with it.
    /// Puts the pieces back in one pass over the HTML (a search per piece is quadratic, and
    /// the handout has thousands): a block piece replaces the paragraph Markdown wrapped it
    /// in, and inline math keeps a following punctuation mark on its line.
    private static func substitute(_ replacements: [String], of scanner: ContentScanner, in html: String) -> String {
        let source = Array(html.utf8)
        let marker = Array(ContentScanner.tokenPrefix.utf8)
        let (open, close) = (Array("<p>".utf8), Array("</p>".utf8))
        let marks = Set(".,;:?!)".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(source.count * 2)
        var index = 0
        while index < source.count {
            guard source[index] == marker[0], source[index...].starts(with: marker) else {
                output.append(source[index])
                index += 1
                continue
            }
            var end = index + marker.count
            var number = 0
            while end < source.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(source[end]) {
                number = number * 10 + Int(source[end] - UInt8(ascii: "0"))
                end += 1
            }
            guard end > index + marker.count, end < source.count, source[end] == UInt8(ascii: "X"), number < replacements.count else {
                output.append(source[index])
                index += 1
                continue
            }
            end += 1
            let replacement = Array(replacements[number].utf8)
            let piece = scanner.pieces[number].piece
            if piece.isBlock, output.count >= open.count, output.suffix(open.count).elementsEqual(open), source[end...].starts(with: close) {
                output.removeLast(open.count)
                output += replacement
                end += close.count
            } else if case .inlineMath = piece, end < source.count, marks.contains(source[end]) {
                output += Array("<span class=\"nowrap\">".utf8) + replacement + [source[end]] + Array("</span>".utf8)
                end += 1
            } else {
                output += replacement
            }
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The link a reference becomes: "Figure 2", "Table 1", "Section 2.3" or "(4)".
    private static func reference(_ kind: CrossReference.Kind, _ id: String, numbering: Numbering, scanner: ContentScanner, offset: Int) throws(LocatedError) -> String {
        let known: [String: String]
        let missing: String
        switch kind {
        case .figure:
            known = numbering.figures.mapValues(String.init)
            missing = "placed figure"
        case .table:
            known = numbering.tables.mapValues(String.init)
            missing = "labelled table"
        case .section:
            known = numbering.sections
            missing = "section heading"
        case .equation:
            known = numbering.equations
            missing = "labelled equation"
        }
        let written = kind == .equation ? "\\eqref{\(id)}" : "@\(kind.prefix):\(id)"
        guard let number = known[id] else {
            let near = nearestName(to: id, in: Array(known.keys))
            throw scanner.error(at: offset, "\(written) refers to no \(missing)", hint: near.map { kind == .equation ? "did you mean \\eqref{\($0)}?" : "did you mean @\(kind.prefix):\($0)?" })
        }
        let text = kind == .equation ? "(\(number))" : "\(kind.name)&nbsp;\(number)"
        return "<a class=\"xref\" href=\"#\(CrossReference.anchor(kind, id))\">\(text)</a>"
    }

    /// A displayed equation, with its number (or tag) and its anchor when it has them.
    private static func equation(_ mathML: String, shown: String?, label: String?) -> String {
        guard let shown else { return "<div class=\"equation\">\(mathML)</div>" }
        let anchor = label.map { " id=\"\(CrossReference.anchor(.equation, $0))\"" } ?? ""
        return "<div class=\"equation\"\(anchor)>\(mathML)<span class=\"equation-number\">(\(shown))</span></div>"
    }

    /// Markdown with math and numbers but no blocks, such as a figure caption.
    static func inline(_ markdown: String, path: String, numbers: [String: Double]) throws(LocatedError) -> String {
        let scanner = try ContentScanner(path: path, text: markdown)
        var html = MarkdownParser().html(from: scanner.markdown)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        for (number, located) in scanner.pieces.enumerated().reversed() {
            let replacement: String
            switch located.piece {
            case .inlineMath(let tex): replacement = try convert(tex, display: false, numbers: numbers, scanner: scanner, at: located).mathML
            case .number(let name, let digits):
                guard let value = numbers[name] else { throw scanner.error(at: located.offset, "the build has no number \(name)") }
                replacement = NumberText.format(value, digits: digits)
            case .inlineTag(let tag): replacement = tag
            default: throw scanner.error(at: located.offset, "only math, {{number}} and <br>, <sub>, <sup>, <kbd> are allowed here")
            }
            html = html.replacingOccurrences(of: ContentScanner.token(number), with: replacement)
        }
        return html
    }

    /// A math piece as MathML, with errors located in the prose file.
    private static func convert(_ tex: String, display: Bool, numbers: [String: Double], scanner: ContentScanner, at located: ContentScanner.Located) throws(LocatedError) -> TeXMath.Conversion {
        let start = located.offset + located.piece.delimiterLength
        let locate = { (offset: Int, message: String, hint: String?) in scanner.error(at: start + offset, message, hint: hint) }
        return try Formula(tex, numbers: numbers, locate: locate).convert(display: display, locate: locate)
    }
}
