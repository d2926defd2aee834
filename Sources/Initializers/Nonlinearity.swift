import TextSupport

/// An activation function, as far as initialisation needs to know it: the gain of
/// `torch.nn.init.calculate_gain` and, for Kumar's rule, its value and slope at 0.
public enum Nonlinearity: Sendable, Hashable {
    /// g(a) = a.
    case linear
    /// The logistic σ(a) = 1/(1 + e^−a).
    case sigmoid
    /// The hyperbolic tangent.
    case tanh
    /// max(0, a).
    case relu
    /// max(a·x, x) with slope a for x < 0 (PyTorch's default a is 0.01).
    case leakyReLU(slope: Double)
    /// The scaled exponential linear unit of self-normalising networks.
    case selu

    /// The names ``init(name:slope:)`` accepts, as `calculate_gain` spells them.
    public static let names = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]

    /// The slope `calculate_gain("leaky_relu")` assumes when none is given.
    public static let defaultLeakySlope = 0.01

    /// The activation named `name`.
    /// - Parameters:
    ///   - name: one of ``names``, in any case; `leaky-relu` is read as `leaky_relu`.
    ///   - slope: the negative slope of `leaky_relu`; an error for any other activation.
    /// - Throws: ``RuleError`` for an unknown name (suggesting the nearest), a slope given to an
    ///   activation without one, or a slope that is not a finite number.
    public init(name: String, slope: Double? = nil) throws(RuleError) {
        let spelling = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        if let slope {
            guard spelling == "leaky_relu" else { throw .parameterDoesNotApply(.slope, to: spelling) }
            guard slope.isFinite else { throw .outOfRange(.slope, value: slope, requirement: "a finite number") }
        }
        switch spelling {
        case "linear": self = .linear
        case "sigmoid": self = .sigmoid
        case "tanh": self = .tanh
        case "relu": self = .relu
        case "leaky_relu": self = .leakyReLU(slope: slope ?? Self.defaultLeakySlope)
        case "selu": self = .selu
        default: throw .unknownNonlinearity(name, suggestion: nearestName(to: spelling, in: Self.names))
        }
    }

    /// The name `calculate_gain` knows it by.
    public var name: String {
        switch self {
        case .linear: "linear"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .leakyReLU: "leaky_relu"
        case .selu: "selu"
        }
    }

    /// `torch.nn.init.calculate_gain`: the factor on the standard deviation that makes up for
    /// what the activation does to the second moment.
    ///
    /// The sigmoid's gain is 1 in PyTorch although its slope at 0 is 1/4: compare
    /// ``RuleID/glorotUniformSigmoid`` and ``RuleID/kumar``. SELU's 3/4 was found empirically
    /// (PyTorch PR #50664), and its self-normalising analysis asks for gain 1 (LeCun) instead.
    public var gain: Double {
        switch self {
        case .linear, .sigmoid: 1
        case .tanh: 5.0 / 3
        case .relu: 2.0.squareRoot()
        case .leakyReLU(let slope): (2 / (1 + slope * slope)).squareRoot()
        case .selu: 0.75
        }
    }

    /// g(0) and g′(0), or nil when g has no derivative at 0 (the rectifiers and SELU have a
    /// kink there): what Kumar's rule needs.
    public var linearisationAtZero: Linearisation? {
        switch self {
        case .linear, .tanh: Linearisation(value: 0, slope: 1)
        case .sigmoid: .logistic
        case .relu, .leakyReLU, .selu: nil
        }
    }
}

/// The first-order Taylor expansion g(a) ≈ value + slope · a of an activation at 0.
public struct Linearisation: Sendable, Hashable {
    /// g(0).
    public let value: Double
    /// g′(0).
    public let slope: Double

    /// The expansion value + slope · a.
    public init(value: Double, slope: Double) {
        self.value = value
        self.slope = slope
    }

    /// σ(0) = 1/2 and σ′(0) = 1/4 for the logistic sigmoid.
    public static let logistic = Linearisation(value: 0.5, slope: 0.25)
}
