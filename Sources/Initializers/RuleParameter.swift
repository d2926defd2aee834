/// A parameter a rule may take. The raw value is its name as an option of `initlab sample`.
public enum RuleParameter: String, Sendable, Hashable, CaseIterable {
    /// Multiplies the standard deviation (PyTorch, Lasagne, Flux). Keras's and JAX's "scale" is gain².
    case gain
    /// The activation whose `calculate_gain` sets the gain, or, for Kumar's rule, the activation
    /// the rule is derived for.
    case nonlinearity
    /// fan_in or fan_out.
    case mode
    /// The negative slope a of a leaky ReLU or PReLU.
    case slope
    /// The standard deviation of a fixed-scale normal.
    case std
    /// The half-width of a fixed-range uniform.
    case bound
    /// The value of a constant.
    case value
    /// The number of nonzero incoming weights of each unit.
    case k
    /// The fraction of nonzero incoming weights of each unit (instead of k).
    case fraction
    /// normal or truncated-normal.
    case distribution

    /// What the parameter means, in one line.
    public var summary: String {
        switch self {
        case .gain: "multiplies the standard deviation (Keras and JAX scale = gain²)"
        case .nonlinearity: "activation name (linear, sigmoid, tanh, relu, leaky_relu, selu)"
        case .mode: "fan_in (keeps the forward signal) or fan_out (keeps the backward gradient)"
        case .slope: "negative slope a of a leaky ReLU or PReLU"
        case .std: "standard deviation"
        case .bound: "half-width b of U(-b, b)"
        case .value: "the constant"
        case .k: "nonzero incoming weights per unit"
        case .fraction: "fraction of nonzero incoming weights per unit, instead of k"
        case .distribution: "normal or truncated-normal (cut at 2 sd, variance kept)"
        }
    }
}
