/// A rule that cannot be built as asked.
public enum RuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No rule has this id; the suggestion is the nearest id, when one is close.
    case unknownRule(String, suggestion: RuleID?)
    /// No activation has this name; the suggestion is the nearest name, when one is close.
    case unknownNonlinearity(String, suggestion: String?)
    /// The rule cannot do without this parameter.
    case missingParameter(RuleParameter, rule: RuleID)
    /// The parameter means nothing to this rule (or activation).
    case parameterDoesNotApply(RuleParameter, to: String)
    /// The parameter's value is outside the range that makes sense.
    case outOfRange(RuleParameter, value: Double, requirement: String)
    /// Kumar's rule linearises the activation at 0, which this one does not allow.
    case notDifferentiableAtZero(Nonlinearity)
    /// With this option's value the weights leave float32's range (see ``FloatRange``).
    case notRepresentable(RuleParameter, value: Double, problem: FloatProblem, limit: FloatLimit)
    /// The rule rescales a network's layers on data (``RuleID/needsData``): no shape alone gives it.
    case needsData(RuleID)

    /// The parameter the error is about, if any: where a command line points the user.
    public var parameter: RuleParameter? {
        switch self {
        case .unknownRule, .needsData: nil
        case .unknownNonlinearity, .notDifferentiableAtZero: .nonlinearity
        case .missingParameter(let parameter, _), .parameterDoesNotApply(let parameter, _), .outOfRange(let parameter, _, _),
            .notRepresentable(let parameter, _, _, _):
            parameter
        }
    }

    /// One line naming the problem, with the nearest name or the range where that helps.
    public var description: String {
        switch self {
        case .unknownRule(let name, let suggestion):
            let hint =
                suggestion.map { "did you mean \($0.rawValue)?" }
                ?? "the rules are \(RuleID.allCases.map(\.rawValue).joined(separator: ", "))"
            return "unknown rule '\(name)' (\(hint))"
        case .unknownNonlinearity(let name, let suggestion):
            let hint =
                suggestion.map { "did you mean \($0)?" }
                ?? "the activations are \(Nonlinearity.names.joined(separator: ", "))"
            return "unknown nonlinearity '\(name)' (\(hint))"
        case .missingParameter(let parameter, let rule):
            return "\(rule.rawValue) needs \(parameter.rawValue): \(parameter.summary)"
        case .parameterDoesNotApply(let parameter, let target):
            return "\(parameter.rawValue) does not apply to \(target)"
        case .outOfRange(let parameter, let value, let requirement):
            // Whole numbers as such: --k 0 reads back as "k is 0", not "k is 0.0".
            let shown = value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
            return "\(parameter.rawValue) is \(shown), but must be \(requirement)"
        case .notDifferentiableAtZero(let nonlinearity):
            return
                "kumar linearises the activation at 0, where \(nonlinearity.name) has a kink (use linear, sigmoid or tanh; he-normal is the rule for rectifiers)"
        case .needsData(let rule):
            return "\(rule.rawValue) needs a network and a batch of data, not just a weight shape "
                + "(it rescales each layer to unit output variance; see `initlab rules \(rule.rawValue)`)"
        case .notRepresentable(let parameter, let value, let problem, let limit):
            return Self.describe(parameter, value: value, problem: problem, limit: limit)
        }
    }
}
