/// TeX's atom classes. MathML decides operator spacing from the operator's position in
/// its row, TeX from the neighbouring atoms' classes; the writer uses these classes to
/// correct MathML where the two disagree (unary minus, relations at the start of a cell).
enum AtomClass: Equatable, Sendable {
    case ordinary, largeOperator, binary, relation, opening, closing, punctuation, inner

    /// TeX turns a binary operator into an ordinary atom after these classes (rule 5 of Appendix G).
    var makesFollowingBinaryUnary: Bool {
        switch self {
        case .binary, .largeOperator, .relation, .opening, .punctuation: true
        case .ordinary, .closing, .inner: false
        }
    }

    /// ... and before these (rule 6), as well as at the end of a list.
    var makesPrecedingBinaryUnary: Bool {
        switch self {
        case .relation, .closing, .punctuation: true
        case .ordinary, .largeOperator, .binary, .opening, .inner: false
        }
    }
}

extension MathNode {
    /// The class TeX gives this atom; nil for spaces and other non-atoms.
    var atomClass: AtomClass? {
        switch self {
        case .space:
            nil
        case .identifier, .number, .text, .row, .radical, .ruled, .table, .style:
            .ordinary
        case .operator(let symbol):
            symbol.atomClass
        case .delimiter(let delimiter):
            delimiter.role == .middle ? .opening : delimiter.atomClass
        case .fraction, .fenced:
            .inner
        case .largeOperator, .functionName:
            .largeOperator
        case .accent(_, let accent):
            accent.isAccent ? .ordinary : .largeOperator
        case .scripts(let base, _, _):
            base.atomClass ?? .ordinary
        case .underOver(let base, _, _):
            // amsmath's \overset and \stackrel keep a relation or binary base's class,
            // and a labelled \underbrace stays an operator.
            switch base.atomClass {
            case .relation, .binary, .largeOperator: base.atomClass
            default: .ordinary
            }
        }
    }
}
