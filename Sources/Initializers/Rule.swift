import Numerics

/// An initialisation rule with its parameters: how the weights of a layer follow from its fans.
///
/// Every rule's scale is multiplied by ``gain`` (the PyTorch, Lasagne and Flux convention; Keras
/// and JAX's `scale` is gain²). Parameters a rule does not take keep their defaults, so equal
/// rules compare equal.
public struct Rule: Sendable, Hashable {
    /// Which rule of the catalogue this is; its documentation and library equivalents hang on it.
    public let id: RuleID
    /// Multiplies the standard deviation, so the variance by gain².
    public let gain: Double
    /// Plain or truncated, for the normal-based rules.
    public let normalKind: NormalKind
    /// The fan He's rules divide by.
    public let mode: FanMode
    /// The negative slope a of the leaky ReLU or PReLU He's rules are derived for (0: ReLU).
    public let slope: Double
    /// The standard deviation of ``RuleID/normal`` (default 0.01) and of the nonzero weights of
    /// ``RuleID/sparse`` (default 1).
    public let std: Double
    /// The half-width of ``RuleID/uniform``.
    public let bound: Double
    /// The value of ``RuleID/constant``.
    public let value: Double
    /// The nonzero incoming weights per unit of ``RuleID/sparse``.
    public let sparsity: Sparsity
    /// The activation ``RuleID/kumar`` is derived for (default sigmoid).
    public let activation: Nonlinearity
    // Kumar's rule needs g(0) and g′(0), which exist only for the activations the initialiser
    // admits; keeping them saves asking again.
    let activationAtZero: Linearisation

    /// The rule `id` with these parameters; a parameter left nil takes the rule's default.
    /// - Throws: ``RuleError`` when a required parameter is missing, a parameter does not apply
    ///   to the rule, or a value is out of range.
    public init(
        _ id: RuleID, gain: Double? = nil, normalKind: NormalKind? = nil, mode: FanMode? = nil,
        slope: Double? = nil, std: Double? = nil, bound: Double? = nil, value: Double? = nil,
        sparsity: Sparsity? = nil, activation: Nonlinearity? = nil
    ) throws(RuleError) {
        guard !id.needsData else { throw .needsData(id) }
        let sparsityParameter: RuleParameter? =
            switch sparsity {
            case .count: .k
            case .fraction: .fraction
            case nil: nil
            }
        let given: [RuleParameter?] = [
            gain.map { _ in .gain }, normalKind.map { _ in .distribution }, mode.map { _ in .mode },
            slope.map { _ in .slope }, std.map { _ in .std }, bound.map { _ in .bound },
            value.map { _ in .value }, sparsityParameter, activation.map { _ in .nonlinearity },
        ]
        for case let parameter? in given where !id.parameters.contains(parameter) {
            throw .parameterDoesNotApply(parameter, to: id.rawValue)
        }
        for parameter in id.requiredParameters where !given.contains(parameter) {
            throw .missingParameter(parameter, rule: id)
        }
        try Self.require(gain, .gain, "a positive finite number") { $0 > 0 && $0.isFinite }
        try Self.require(std, .std, "a positive finite number") { $0 > 0 && $0.isFinite }
        try Self.require(bound, .bound, "a positive finite number") { $0 > 0 && $0.isFinite }
        try Self.require(value, .value, "a finite number") { $0.isFinite }
        try Self.require(slope, .slope, "a finite number") { $0.isFinite }
        switch sparsity {
        case .count(let k): try Self.require(Double(k), .k, "at least 1") { $0 >= 1 }
        case .fraction(let fraction): try Self.require(fraction, .fraction, "in (0, 1]") { $0 > 0 && $0 <= 1 }
        case nil: break
        }
        let activation = activation ?? .sigmoid
        guard let activationAtZero = activation.linearisationAtZero else { throw .notDifferentiableAtZero(activation) }
        self.init(
            unchecked: id, gain: gain ?? 1, normalKind: normalKind ?? .normal, mode: mode ?? .fanIn,
            slope: slope ?? 0, std: std ?? Self.defaultStd(id), bound: bound ?? 1,
            value: value ?? 0, sparsity: sparsity ?? .martens, activation: activation,
            activationAtZero: activationAtZero)
    }

    init(
        unchecked id: RuleID, gain: Double = 1, normalKind: NormalKind = .normal, mode: FanMode = .fanIn,
        slope: Double = 0, std: Double = 0.01, bound: Double = 1, value: Double = 0,
        sparsity: Sparsity = .martens, activation: Nonlinearity = .sigmoid,
        activationAtZero: Linearisation = .logistic
    ) {
        self.id = id
        self.gain = gain
        self.normalKind = normalKind
        self.mode = mode
        self.slope = slope
        self.std = std
        self.bound = bound
        self.value = value
        self.sparsity = sparsity
        self.activation = activation
        self.activationAtZero = activationAtZero
    }

    /// The standard deviation ``std`` takes when none is given.
    static func defaultStd(_ id: RuleID) -> Double {
        id == .sparse ? 1 : 0.01
    }

    private static func require(
        _ value: Double?, _ parameter: RuleParameter, _ requirement: String, _ isValid: (Double) -> Bool
    ) throws(RuleError) {
        if let value, !isValid(value) { throw .outOfRange(parameter, value: value, requirement: requirement) }
    }

    /// U(−1/√fan_in, 1/√fan_in): the rule of the question that started this handout, Glorot &
    /// Bengio's "standard" initialisation and PyTorch's nn.Linear default. Var(w) = 1/(3 fan_in).
    public static let fanInUniform = Rule(unchecked: .fanInUniform)

    /// U(−bound, bound) whatever the fans: a fixed range, such as U(−1, 1).
    public static func uniform(bound: Double) -> Rule {
        Rule(unchecked: .uniform, bound: bound)
    }

    /// The distribution of each weight of a layer with these fans, or nil when the weights are
    /// not drawn independently (zeros, constant, orthogonal, sparse, identity).
    public func distribution(for fans: Fans) -> WeightDistribution? {
        if case .independent(let distribution) = construction(for: fans) { distribution } else { nil }
    }

    /// Var(w) for a layer with these fans (the mean of w², since every rule's weights have mean
    /// 0), or nil for the rules that draw nothing at random (zeros, constant, identity).
    public func variance(for fans: Fans) -> Double? {
        switch construction(for: fans) {
        case .independent(let distribution): distribution.variance
        // Haar invariance makes every entry of a semi-orthogonal matrix alike; the rows (or
        // columns) have unit norm, so E[q²] = 1/max(rows, columns).
        case .orthogonal(let gain): gain * gain / Double(max(fans.fanOut / fans.receptiveField, fans.fanIn))
        case .sparse(let nonzeros, let values): values.variance * Double(nonzeros) / Double(fans.fanIn)
        case .constant, .identity: nil
        }
    }

    /// Draws a tensor of this shape: (fan_out, fan_in) for a dense layer, (out, in, k₁, k₂, …)
    /// for a convolution. `progress` is told the fraction of the work done, as far as a rule
    /// takes long enough to say (the orthogonal rule's QR decomposition).
    /// - Throws: ``ShapeError`` when ``Fans/init(shape:)`` cannot read the shape.
    public func sample(
        shape: [Int], using random: inout RandomSource, progress: (_ fraction: Double) -> Void = { _ in }
    ) throws(ShapeError) -> WeightTensor {
        var tensor = try WeightTensor(zerosOf: shape)
        let fans = tensor.fans
        tensor.elements.withUnsafeMutableBufferPointer { fill($0, shape: shape, fans: fans, using: &random, progress: progress) }
        return tensor
    }

    /// Draws a dense weight matrix of shape (fanOut, fanIn) in place.
    public func initialize(_ weights: inout Matrix, using random: inout RandomSource) {
        let shape = [weights.rows, weights.columns]
        let fans = Fans(fanIn: weights.columns, fanOut: weights.rows)
        weights.elements.withUnsafeMutableBufferPointer { fill($0, shape: shape, fans: fans, using: &random) }
    }

    private func fill(
        _ weights: UnsafeMutableBufferPointer<Float>, shape: [Int], fans: Fans, using random: inout RandomSource,
        progress: (Double) -> Void = { _ in }
    ) {
        switch construction(for: fans) {
        case .independent(let distribution): distribution.fill(weights, using: &random)
        case .constant(let value): weights.update(repeating: Float(value))
        case .orthogonal(let gain):
            Orthogonal.fill(weights, rows: shape[0], columns: fans.fanIn, gain: gain, using: &random, progress: progress)
        case .sparse(let nonzeros, let values):
            Sparse.fill(weights, rows: shape[0], columns: fans.fanIn, nonzeros: nonzeros, values: values, using: &random)
        case .identity(let gain): Identity.fill(weights, shape: shape, gain: gain)
        }
    }

    /// How the weights are built, with every parameter and fan resolved.
    enum Construction {
        case independent(WeightDistribution)
        case constant(Double)
        case orthogonal(gain: Double)
        case sparse(nonzeros: Int, values: WeightDistribution)
        case identity(gain: Double)
    }

    // Each scale is written as the libraries write it (a bound for the uniform rules, a standard
    // deviation for the normal ones), so that reference values match to the last bit or two.
    func construction(for fans: Fans) -> Construction {
        let fanIn = Double(fans.fanIn)
        let fanSum = Double(fans.fanIn + fans.fanOut)
        let rectifier = (1 + slope * slope) * Double(fans.fan(mode))
        switch id {
        case .zeros: return .constant(0)
        case .constant: return .constant(gain * value)
        case .normal: return normal(std: std)
        case .uniform: return uniform(bound: bound)
        case .fanInUniform: return uniform(bound: 1 / fanIn.squareRoot())
        case .lecunNormal: return normal(std: (1 / fanIn).squareRoot())
        case .lecunUniform: return uniform(bound: (3 / fanIn).squareRoot())
        case .glorotNormal: return normal(std: (2 / fanSum).squareRoot())
        case .glorotUniform: return uniform(bound: (6 / fanSum).squareRoot())
        case .glorotUniformSigmoid: return uniform(bound: 4 * (6 / fanSum).squareRoot())
        case .heNormal: return normal(std: (2 / rectifier).squareRoot())
        case .heUniform: return uniform(bound: (6 / rectifier).squareRoot())
        case .kumar:
            let g = activationAtZero
            return normal(std: (1 / (fanIn * g.slope * g.slope * (1 + g.value * g.value))).squareRoot())
        case .orthogonal: return .orthogonal(gain: gain)
        case .sparse:
            return .sparse(nonzeros: sparsity.nonzeros(fanIn: fans.fanIn), values: normalDistribution(std: gain * std))
        case .identity: return .identity(gain: gain)
        // LSUV's start: its rescaling needs data, which the initialiser refuses to go without.
        case .lsuv: return .orthogonal(gain: gain)
        }
    }

    private func uniform(bound: Double) -> Construction {
        .independent(.uniform(bound: gain * bound))
    }

    private func normal(std: Double) -> Construction {
        .independent(normalDistribution(std: gain * std))
    }

    private func normalDistribution(std: Double) -> WeightDistribution {
        switch normalKind {
        case .normal: .normal(std: std)
        case .truncatedNormal: .truncatedNormal(std: std)
        }
    }
}
