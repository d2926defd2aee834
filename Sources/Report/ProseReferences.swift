import Experiments
import Presentation
import TextSupport

extension ProseFile {
    /// The pass that makes the pieces the numbering resolves: figures, references, citations,
    /// and the numbers of the build; and the tags and labels, which are what they say or nothing.
    mutating func resolvePieces(
        figures: [String: FigureSpec], numbers: [String: Double], numbering: Document.Numbering, partials: Document.Partials
    ) throws(LocatedError) {
        for index in pieces.indices {
            let piece = pieces[index]
            switch piece.source {
            case .reference(let kind, let id):
                pieces[index].html = try reference(kind, id, numbering: numbering, at: piece)
            case .citation(let keys):
                let links = keys.compactMap { key in numbering.citations[key].map { "<a href=\"#ref-\(key)\">\($0)</a>" } }
                pieces[index].html = "<span class=\"citation\">[\(links.joined(separator: ", "))]</span>"
            case .number(let name, let digits):
                guard let value = numbers[name] else {
                    let hint = nearestName(to: name, in: Array(numbers.keys)).map { "did you mean \($0)?" }
                    throw error(at: piece, "the build has no number \(name)", hint: hint)
                }
                pieces[index].html = "<span class=\"number\">\(NumberText.format(value, digits: digits))</span>"
            case .inlineTag(let tag):
                pieces[index].html = tag
            case .label:
                pieces[index].html = ""
            case .inlineMath, .displayMath, .checks, .rules, .libraries, .table, .decisions, .tableCaption, .figureCaption,
                .open, .close, .answer, .answers:
                // Made by the passes before; the collected answers by the one after, from these.
                continue
            case .figure:
                // Once the pieces of its caption are made, below.
                continue
            }
        }
        for index in pieces.indices {
            guard case .figure(let id) = pieces[index].source else { continue }
            guard let spec = figures[id], let number = numbering.figures[id] else { throw error(at: pieces[index], "no figure \(id)") }
            guard let caption = figureCaptions[index] else { throw error(at: pieces[index], "figure \(id) has no caption") }
            pieces[index].html = try partials.figure(spec, number, placingPieces(in: caption))
        }
    }

    /// The link a reference becomes: "Figure 2", "Table 1", "Section 2.3" or "(4)".
    private func reference(
        _ kind: CrossReference.Kind, _ id: String, numbering: Document.Numbering, at piece: Piece
    ) throws(LocatedError) -> String {
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
        if known[id] == nil, let title = numbering.omitted["\(kind.prefix):\(id)"] {
            // The course left its file out: the reference reads as text, linking nowhere.
            let what = kind == .section ? "" : (kind == .equation ? "an equation in " : "a \(kind.name.lowercased()) in ")
            return "<span class=\"xref-omitted\">\(what)“\(title)” (left out of this handout)</span>"
        }
        guard let number = known[id] else {
            let near = nearestName(to: id, in: Array(known.keys))
            let hint = near.map { kind == .equation ? "did you mean \\eqref{\($0)}?" : "did you mean @\(kind.prefix):\($0)?" }
            throw error(at: piece, "\(written) refers to no \(missing)", hint: hint)
        }
        let text =
            switch kind {
            case .equation: "(\(number))"
            case .section: number
            default: "\(kind.name)&nbsp;\(number)"
            }
        return "<a class=\"xref\" href=\"#\(CrossReference.anchor(kind, id))\">\(text)</a>"
    }
}
