import Initializers
import TextSupport

/// The decision procedure as the `decision-table` partial shows it (`{{decisions}}` in the
/// prose): each row's network, the rule to start from and its setting, the calls of the rule in
/// the libraries from the catalogue, and a link to the section that derives the row.
enum DecisionTable {
    /// `sectionLinks`: the HTML of each row's link to its section, in the order of the procedure.
    static func context(sectionLinks: [String]) -> [String: Any] {
        [
            "rows": zip(Decision.procedure, sectionLinks).map { decision, link -> [String: Any] in
                // A rule no library implements (LSUV) says so once, not once per library.
                let implemented = decision.calls.contains { $0.name != nil }
                return [
                    "network": decision.network,
                    "rule": decision.rule.displayName,
                    "setting": decision.setting,
                    "nowhere": implemented ? [] : ["No call in " + proseList(Decision.libraries.map(\.rawValue), conjunction: "or") + "."],
                    "calls": !implemented ? [] : decision.calls.map { equivalent -> [String: Any] in
                        // No "call" key when the library has no such initialiser: the partial shows the note.
                        var call: [String: Any] = ["library": equivalent.library.rawValue, "note": LibraryTable.sentence(equivalent.note)]
                        call["call"] = equivalent.name
                        return call
                    },
                    "section": link,
                ]
            }
        ]
    }
}

extension ProseFile {
    /// Every `{{decisions}}` links each row to a section the prose labels, checked once the
    /// sections are numbered so that the mistake is named as the table's and located at it.
    func checkDecisionSections(_ sections: [String: String]) throws(LocatedError) {
        for piece in pieces where piece.source == .decisions {
            for decision in Decision.procedure where sections[decision.section] == nil {
                let near = nearestName(to: decision.section, in: Array(sections.keys))
                throw error(
                    at: piece,
                    "the decision table links its row “\(decision.network)” to sec:\(decision.section), which labels no heading",
                    hint: "label the heading of the section that derives it {#sec:\(decision.section)}"
                        + (near.map { ", or did you mean sec:\($0)?" } ?? ""))
            }
        }
    }
}
