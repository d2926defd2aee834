import Initializers

/// What a rule is called in PyTorch, Keras, JAX, Lasagne and Flux, and what differs there, as
/// the `library-table` partial shows it (`{{libraries RULE …}}` in the prose). The names and
/// notes come from Initializers, which tests them against the libraries' formulas.
enum LibraryTable {
    static func context(_ rules: [RuleID]) -> [String: Any] {
        [
            "grouped": rules.count > 1,
            "rules": rules.map { rule -> [String: Any] in
                [
                    "id": rule.rawValue,
                    "name": rule.displayName,
                    "equivalents": rule.equivalents.map { equivalent -> [String: Any] in
                        // No "call" key when the library has no such initialiser: the partial shows a dash.
                        var row: [String: Any] = ["library": equivalent.library.rawValue, "note": sentence(equivalent.note)]
                        row["call"] = equivalent.name
                        return row
                    },
                ]
            },
        ]
    }

    /// The catalogue's notes are clauses ("same; the default bias"); the table shows sentences.
    static func sentence(_ note: String) -> String {
        guard let first = note.first else { return note }
        return first.uppercased() + note.dropFirst() + (note.hasSuffix(".") ? "" : ".")
    }
}
