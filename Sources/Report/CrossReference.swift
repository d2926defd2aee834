/// What the prose can label and refer to by label. Sections are labelled `{#sec:id}` at the end
/// of a heading (or by the heading's slug), tables `{#tab:id}` at the end of their caption line,
/// figures by their id, equations by `\label{eq:id}`.
enum CrossReference {
    enum Kind: CaseIterable, Equatable {
        case figure, table, section, equation

        /// The word before the colon in `@fig:id`, `{#tab:id}`.
        var prefix: String {
            switch self {
            case .figure: "fig"
            case .table: "tab"
            case .section: "sec"
            case .equation: "eq"
            }
        }

        /// How the text names one: "Figure 3", "Table 1", "Section 2.3".
        var name: String {
            switch self {
            case .figure: "Figure"
            case .table: "Table"
            case .section: "Section"
            case .equation: "Equation"
            }
        }

        /// The kinds the prose labels itself with `{#prefix:id}`; figures are labelled by their
        /// experiment and equations inside the TeX.
        var isLabelledInProse: Bool { self == .section || self == .table }
    }

    /// Characters of a label: letters, digits, `-` and `_`.
    static func isLabelCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_"
    }

    /// The element id a labelled table or figure gets; sections use their label as it is.
    static func anchor(_ kind: Kind, _ id: String) -> String {
        switch kind {
        case .figure: "fig-\(id)"
        case .table: "tab-\(id)"
        case .section: id
        case .equation: "eq-" + (id.hasPrefix("eq:") ? String(id.dropFirst(3)) : id).replacingOccurrences(of: ":", with: "-")
        }
    }
}
