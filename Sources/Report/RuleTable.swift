import Initializers
import TeXMath
import TextSupport

/// The summary of the rule catalogue as the `rule-table` partial shows it (`{{rules}}` in the
/// prose): every rule with its distribution and variance as formulas, the first clause of its
/// assumption, what it is for, and its PyTorch and Keras names, all from Initializers, so the table cannot drift
/// from the code.
enum RuleTable {
    static func context() throws(LocatedError) -> [String: Any] {
        var rows: [[String: Any]] = []
        for id in RuleID.allCases {
            rows.append([
                "id": id.rawValue,
                "name": id.displayName,
                "formula": try math(id.formulaTeX, id),
                "variance": try id.varianceTeX.map { tex throws(LocatedError) in try math(tex, id) } ?? "—",
                "assumption": headline(id.assumption),
                "useWith": id.useWith,
                "libraries": libraries(id),
            ])
        }
        return ["rules": rows]
    }

    /// The PyTorch and Keras names, or what to do where neither library has the rule.
    static func libraries(_ id: RuleID) -> String {
        let names = id.equivalents.filter { [.pytorch, .keras].contains($0.library) }
            .compactMap { equivalent in equivalent.name.map { "\(equivalent.library.rawValue): \($0)" } }
        return names.isEmpty ? "None: a normal initialiser with the variance set by hand" : names.joined(separator: "; ")
    }

    /// The assumption's first clause (up to a colon or semicolon): the full sentence is in
    /// `initlab rules`, and the table has to fit one printed page.
    static func headline(_ text: String) -> String {
        let clause = text.prefix { $0 != ":" && $0 != ";" }
        return clause.count < text.count ? String(clause) + "." : text
    }

    private static func math(_ tex: String, _ id: RuleID) throws(LocatedError) -> String {
        do {
            return try TeXMath.mathML(tex, display: false)
        } catch {
            throw LocatedError("rule catalogue, \(id.rawValue)", "its formula does not convert: \(error)")
        }
    }
}
