import Experiments
import Initializers
import Presentation
import TextSupport

extension ProseFile {
    /// The pass that draws the tables the directives ask for (`{{checks}}`, `{{rules}}`,
    /// `{{libraries}}`, `{{table}}`, `{{decisions}}`) and puts them in the HTML now, before the
    /// tables are numbered, so that a `Table:` caption beside one can attach to it. The decision
    /// table's links to sections become pieces of their own, made once the sections are numbered.
    mutating func placeBlocks(checks: [Check], tables: [String: PageTable], partials: Document.Partials) throws(LocatedError) {
        var blocks = pieces.indices.map { _ in nil as String? }
        var sectionLinks: [Piece] = []
        for (index, piece) in pieces.enumerated() {
            switch piece.source {
            case .checks(let prefixes):
                blocks[index] = try partials.checks(CheckTable.matching(prefixes, in: checks))
            case .rules:
                blocks[index] = partials.rules
            case .table(let id):
                guard let table = tables[id] else {
                    throw error(
                        at: piece, "no table \(id)",
                        hint: nearestName(to: id, in: Array(tables.keys)).map { "did you mean \($0)?" }
                            ?? "the tables are \(tables.keys.sorted().joined(separator: ", "))")
                }
                blocks[index] = try partials.table(table)
            case .libraries(let names):
                var rules: [RuleID] = []
                for name in names {
                    guard let rule = RuleID(rawValue: name) else {
                        let near = nearestName(to: name, in: RuleID.allCases.map(\.rawValue))
                        throw error(at: piece, "no rule \(name) in the catalogue", hint: near.map { "did you mean \($0)?" })
                    }
                    rules.append(rule)
                }
                blocks[index] = try partials.libraries(rules)
            case .decisions:
                let links = Decision.procedure.map { decision -> String in
                    sectionLinks.append(Piece(source: .reference(.section, decision.section), offset: piece.offset))
                    return ContentScanner.token(pieces.count + sectionLinks.count - 1)
                }
                blocks[index] = try partials.decisions(links)
            default:
                continue
            }
        }
        var drawn = self
        for index in pieces.indices { drawn.pieces[index].html = blocks[index] }
        html = drawn.placingPieces(in: html)
        // In the HTML now: nothing is left for the last pass to put in their place.
        for index in pieces.indices where blocks[index] != nil { pieces[index].html = "" }
        pieces += sectionLinks
    }
}
