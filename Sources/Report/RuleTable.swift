import Initializers
import TeXMath
import TextSupport

/// The summary of the rule catalogue as the `rule-table` partial shows it (`{{rules}}` in the
/// prose): every rule with its distribution and variance as formulas (no variance for the rules
/// that draw nothing at random), the first clause of its assumption, what it is for, and its
/// PyTorch and Keras names, all from Initializers, so the table cannot drift from the code.
enum RuleTable {
    static func context() throws(LocatedError) -> [String: Any] {
        var rows: [[String: Any]] = []
        for id in RuleID.allCases {
            let libraries = libraries(id)
            var row: [String: Any] = [
                "id": id.rawValue,
                "name": id.displayName,
                "formula": try formulaLines(id),
                "assumption": headline(id.assumption),
                "useWith": id.useWith,
                "libraries": libraries.map { ["library": $0.library, "name": $0.name] as [String: Any] },
                "hasLibraries": !libraries.isEmpty,
            ]
            // Under the formula rather than in a column of its own, which the text column has no room for.
            if let tex = id.varianceTeX { row["variance"] = try math(#"\operatorname{Var}(w) = "# + tex, id) }
            rows.append(row)
        }
        return ["rules": rows]
    }

    /// The PyTorch and Keras names; none where neither library has the rule (the partial then
    /// says what to do instead).
    static func libraries(_ id: RuleID) -> [(library: String, name: String)] {
        id.equivalents.filter { [.pytorch, .keras].contains($0.library) }
            .compactMap { equivalent in equivalent.name.map { (equivalent.library.rawValue, $0) } }
    }

    /// The rule's formula with each clause after `, \quad` on a line of its own, so that the
    /// column stays as narrow as its longest clause and the table fits the text column.
    static func formulaLines(_ id: RuleID) throws(LocatedError) -> String {
        var lines: [String] = []
        for clause in id.formulaTeX.split(separator: /,\s*\\quad\s*/) {
            lines.append(try math(String(clause), id))
        }
        return lines.joined(separator: ",<br>")
    }

    /// The assumption's first clause (up to a colon or semicolon): the full sentence is in
    /// `initlab rules`, and the table has to fit the text column and one printed page.
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
