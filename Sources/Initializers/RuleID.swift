import TextSupport

/// The stable name of each rule in the catalogue: what users type and what the report cites.
public enum RuleID: String, Sendable, Hashable, CaseIterable, Codable {
    /// All weights 0: shows the symmetry problem.
    case zeros
    /// All weights one value: shows the symmetry problem.
    case constant
    /// N(0, σ²) with a fixed σ, 0.01 by default (Hinton 2010).
    case normal
    /// U(−b, b) with a fixed b.
    case uniform
    /// U(−1/√fan_in, 1/√fan_in): the rule of the question; PyTorch's nn.Linear default.
    case fanInUniform = "fan-in-uniform"
    /// N(0, 1/fan_in) (LeCun et al. 1998).
    case lecunNormal = "lecun-normal"
    /// U(−√(3/fan_in), √(3/fan_in)) (LeCun et al. 1998).
    case lecunUniform = "lecun-uniform"
    /// N(0, 2/(fan_in + fan_out)) (Glorot & Bengio 2010).
    case glorotNormal = "glorot-normal"
    /// U(−b, b), b = √(6/(fan_in + fan_out)) (Glorot & Bengio 2010).
    case glorotUniform = "glorot-uniform"
    /// Glorot uniform with four times the bound, for logistic units (Bengio 2012).
    case glorotUniformSigmoid = "glorot-uniform-sigmoid"
    /// N(0, 2/((1 + a²) fan)) for rectifiers (He et al. 2015).
    case heNormal = "he-normal"
    /// U(−b, b), b = √(6/((1 + a²) fan)) for rectifiers (He et al. 2015).
    case heUniform = "he-uniform"
    /// N(0, 1/(fan_in g′(0)² (1 + g(0)²))) for activations differentiable at 0 (Kumar 2017).
    case kumar
    /// A random (semi-)orthogonal matrix times the gain (Saxe et al. 2014).
    case orthogonal
    /// k nonzero incoming weights per unit (Martens 2010; Sutskever et al. 2013).
    case sparse
    /// The identity matrix times the gain; a centred delta for a kernel.
    case identity
    /// Orthogonal, then each layer rescaled on a batch to unit output variance (Mishkin & Matas
    /// 2016). It needs a network and data, so it is documented here and run by Networks' `LSUV`.
    case lsuv

    /// The rule named `name`.
    /// - Throws: ``RuleError/unknownRule(_:suggestion:)``, with the nearest id when one is close.
    public init(name: String) throws(RuleError) {
        guard let id = RuleID(rawValue: name) else {
            throw .unknownRule(name, suggestion: nearestName(to: name, in: Self.allCases.map(\.rawValue)).flatMap(RuleID.init(rawValue:)))
        }
        self = id
    }

    /// The parameters the rule takes, in the order `initlab rules` lists them. Every rule takes
    /// a gain; the normal-based ones also take ``RuleParameter/distribution``.
    public var parameters: [RuleParameter] {
        switch self {
        case .zeros, .fanInUniform, .lecunUniform, .glorotUniform, .glorotUniformSigmoid, .orthogonal, .identity: [.gain]
        case .constant: [.value, .gain]
        case .normal: [.std, .gain, .distribution]
        case .uniform: [.bound, .gain]
        case .lecunNormal, .glorotNormal: [.gain, .distribution]
        case .heNormal: [.mode, .slope, .gain, .distribution]
        case .heUniform: [.mode, .slope, .gain]
        case .kumar: [.nonlinearity, .gain, .distribution]
        case .sparse: [.k, .fraction, .std, .gain, .distribution]
        case .lsuv: []
        }
    }

    /// The parameters the rule cannot do without.
    public var requiredParameters: [RuleParameter] {
        switch self {
        case .constant: [.value]
        case .uniform: [.bound]
        default: []
        }
    }

    /// Whether the rule needs a network and a batch of data, which a weight shape alone does not
    /// give: `Rule` refuses it, and `initlab sample` with it.
    public var needsData: Bool { self == .lsuv }

    /// The rules that a weight shape alone determines: those `Rule` builds.
    public static var dataFree: [RuleID] { allCases.filter { !$0.needsData } }

    /// Whether the rule's variance already contains its activation's factor: He's 2 for the
    /// rectifier, the 16 of the sigmoid variant, Kumar's g′(0). Multiplying by the
    /// `calculate_gain` of the same activation as well would count it twice.
    public var includesActivationGain: Bool {
        switch self {
        case .heNormal, .heUniform, .glorotUniformSigmoid, .kumar: true
        default: false
        }
    }
}
