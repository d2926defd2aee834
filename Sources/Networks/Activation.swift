import Initializers

/// A unit's nonlinearity φ: its value, its derivative, its gain and (in ActivationMoments.swift)
/// the Gaussian moments the mean-field theory needs.
///
/// In a configuration an activation is written by its ``name``: its ``id``, except that a leaky
/// ReLU with a slope other than 0.01 carries it, as in `leaky-relu(0.2)`.
public enum Activation: Sendable, Hashable {
    /// σ(x) = 1/(1 + e⁻ˣ).
    case sigmoid
    case tanh
    /// max(0, x), with φ′(0) = 0 as PyTorch has it.
    case relu
    /// x for x > 0, slope·x otherwise.
    case leakyReLU(slope: Double)
    /// x/(1 + |x|) (Glorot & Bengio 2010): saturates polynomially rather than exponentially.
    case softsign
    /// scale·x for x > 0, scale·alpha·(eˣ − 1) otherwise (Klambauer et al. 2017).
    case selu
    case linear

    /// SELU's α: with ``seluScale`` it makes (mean 0, variance 1) a fixed point of a layer
    /// with weights of variance 1/fan_in.
    public static let seluAlpha = 1.6732632423543772
    /// SELU's λ.
    public static let seluScale = 1.0507009873554805
    /// PyTorch's default negative slope.
    public static let defaultLeakySlope = Nonlinearity.defaultLeakySlope

    /// One of each kind, leaky ReLU with the default slope.
    public static let catalogue: [Activation] = [
        .sigmoid, .tanh, .relu, .leakyReLU(slope: defaultLeakySlope), .softsign, .selu, .linear,
    ]

    /// The kind, stable across versions, without parameters: "sigmoid", "tanh", "relu",
    /// "leaky-relu", "softsign", "selu", "linear".
    public var id: String {
        switch self {
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .leakyReLU: "leaky-relu"
        case .softsign: "softsign"
        case .selu: "selu"
        case .linear: "linear"
        }
    }

    /// The id, with the slope of a leaky ReLU when it is not the default: "leaky-relu(0.2)".
    public var name: String {
        if case .leakyReLU(let slope) = self, slope != Self.defaultLeakySlope {
            return "leaky-relu(\(slope))"
        }
        return id
    }

    /// The activation a ``name`` denotes; "leaky-relu" alone means slope 0.01.
    public init(name: String) throws(UnknownActivation) {
        if let known = Self.catalogue.first(where: { $0.id == name }) {
            self = known
            return
        }
        let prefix = "leaky-relu(", suffix = ")"
        if name.hasPrefix(prefix), name.hasSuffix(suffix),
            let slope = Double(name.dropFirst(prefix.count).dropLast(suffix.count)), slope.isFinite
        {
            self = .leakyReLU(slope: slope)
            return
        }
        throw UnknownActivation(name: name)
    }

    /// The same function as `torch.nn.init.calculate_gain` knows it, nil for softsign, which
    /// PyTorch has no gain for.
    public var nonlinearity: Nonlinearity? {
        switch self {
        case .linear: .linear
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .relu: .relu
        case .leakyReLU(let slope): .leakyReLU(slope: slope)
        case .selu: .selu
        case .softsign: nil
        }
    }

    /// The factor PyTorch's `calculate_gain` recommends multiplying a unit-variance-preserving
    /// standard deviation by (``Nonlinearity/gain``). Softsign, which PyTorch has no gain for,
    /// gets 1: like the identity, it has slope 1 at 0.
    public var gain: Double {
        nonlinearity?.gain ?? 1
    }

    /// φ(x).
    public func value(_ x: Double) -> Double { value(of: x) }

    /// φ′(x); at a kink, the slope on the left.
    public func derivative(_ x: Double) -> Double { derivative(at: x, value: value(of: x)) }

    /// H = φ(A), element by element, without allocating. `activations` may be the very buffer
    /// the pre-activations are in, for an update in place.
    public func apply(_ preActivations: UnsafeBufferPointer<Float>, into activations: UnsafeMutableBufferPointer<Float>) {
        precondition(preActivations.count == activations.count, "activation buffers differ in size")
        withFloatValue { f in
            for i in 0..<preActivations.count { activations[i] = f(preActivations[i]) }
        }
    }

    /// A ← A + b on every row of a batch, then H = φ(A): a dense layer's bias and its units in
    /// one pass over the batch, while it is in cache.
    public func apply(
        addingToEachRow bias: UnsafeBufferPointer<Float>, _ preActivations: UnsafeMutableBufferPointer<Float>,
        into activations: UnsafeMutableBufferPointer<Float>
    ) {
        let columns = bias.count
        precondition(
            preActivations.count == activations.count && columns > 0 && preActivations.count % columns == 0,
            "activation buffers differ in size")
        withFloatValue { f in
            for row in 0..<preActivations.count / columns {
                let start = row &* columns
                for column in 0..<columns {
                    let a = preActivations[start &+ column] + bias[column]
                    preActivations[start &+ column] = a
                    activations[start &+ column] = f(a)
                }
            }
        }
    }

    /// G ← G ⊙ φ′(A), the step of back-propagation through the units, without allocating.
    /// φ′ is computed from the pre-activations A and the activations H = φ(A) together, which
    /// spares the exponentials (tanh′ = 1 − h²). A gradient of ones turns into φ′ itself.
    public func multiplyByDerivative(
        _ gradients: UnsafeMutableBufferPointer<Float>,
        preActivations: UnsafeBufferPointer<Float>, activations: UnsafeBufferPointer<Float>
    ) {
        precondition(
            gradients.count == preActivations.count && gradients.count == activations.count,
            "activation buffers differ in size")
        if self == .linear { return }
        withFloatDerivative { d in
            for i in 0..<gradients.count { gradients[i] *= d(preActivations[i], activations[i]) }
        }
    }

    /// G ← G ⊙ φ′(A) on a batch, with sums[j] ← Σᵢ G[i, j], the gradient of the layer's bias, in
    /// the same pass.
    public func multiplyByDerivative(
        _ gradients: UnsafeMutableBufferPointer<Float>,
        preActivations: UnsafeBufferPointer<Float>, activations: UnsafeBufferPointer<Float>,
        summingColumnsInto sums: UnsafeMutableBufferPointer<Float>
    ) {
        let columns = sums.count
        precondition(
            gradients.count == preActivations.count && gradients.count == activations.count
                && columns > 0 && gradients.count % columns == 0, "activation buffers differ in size")
        for column in 0..<columns { sums[column] = 0 }
        withFloatDerivative { d in
            for row in 0..<gradients.count / columns {
                let start = row &* columns
                for column in 0..<columns {
                    let g = gradients[start &+ column] * d(preActivations[start &+ column], activations[start &+ column])
                    gradients[start &+ column] = g
                    sums[column] += g
                }
            }
        }
    }

    /// Runs `body` with φ for Float. One call per kind, each inlined, so that the loops in
    /// `body` are compiled once per kind with no branch on the kind left inside them.
    @inline(__always)
    private func withFloatValue(_ body: ((Float) -> Float) -> Void) {
        switch self {
        case .sigmoid: body(Self.sigmoid)
        case .tanh: body(Self.tanh)
        case .relu: body(Self.relu)
        case .leakyReLU(let slope):
            let slope = Float(slope)
            body { Self.leakyReLU($0, slope: slope) }
        case .softsign: body(Self.softsign)
        case .selu: body(Self.selu)
        case .linear: body { $0 }
        }
    }

    /// Runs `body` with (a, h) ↦ φ′(a) for Float, as ``withFloatValue(_:)`` does with φ.
    @inline(__always)
    private func withFloatDerivative(_ body: ((Float, Float) -> Float) -> Void) {
        switch self {
        case .sigmoid: body(Self.sigmoidDerivative)
        case .tanh: body(Self.tanhDerivative)
        case .relu: body(Self.reluDerivative)
        case .leakyReLU(let slope):
            let slope = Float(slope)
            body { a, _ in Self.leakyReLUDerivative(a, slope: slope) }
        case .softsign: body(Self.softsignDerivative)
        case .selu: body(Self.seluDerivative)
        case .linear: body { _, _ in 1 }
        }
    }

    // MARK: The formulas, once, for Float and Double

    func value<T: ActivationScalar>(of x: T) -> T {
        switch self {
        case .sigmoid: Self.sigmoid(x)
        case .tanh: Self.tanh(x)
        case .relu: Self.relu(x)
        case .leakyReLU(let slope): Self.leakyReLU(x, slope: T(slope))
        case .softsign: Self.softsign(x)
        case .selu: Self.selu(x)
        case .linear: x
        }
    }

    func derivative<T: ActivationScalar>(at x: T, value h: T) -> T {
        switch self {
        case .sigmoid: Self.sigmoidDerivative(x, h)
        case .tanh: Self.tanhDerivative(x, h)
        case .relu: Self.reluDerivative(x, h)
        case .leakyReLU(let slope): Self.leakyReLUDerivative(x, slope: T(slope))
        case .softsign: Self.softsignDerivative(x, h)
        case .selu: Self.seluDerivative(x, h)
        case .linear: 1
        }
    }

    static func sigmoid<T: ActivationScalar>(_ x: T) -> T { T.logistic(x) }
    static func sigmoidDerivative<T: ActivationScalar>(_: T, _ h: T) -> T { h * (1 - h) }

    static func tanh<T: ActivationScalar>(_ x: T) -> T { T.hyperbolicTangent(x) }
    static func tanhDerivative<T: ActivationScalar>(_: T, _ h: T) -> T { 1 - h * h }

    // `x < 0 ? 0 : x` rather than max: a NaN passes through, so divergence stays visible.
    static func relu<T: ActivationScalar>(_ x: T) -> T { x < 0 ? 0 : x }
    static func reluDerivative<T: ActivationScalar>(_ x: T, _: T) -> T { x > 0 ? 1 : 0 }

    static func leakyReLU<T: ActivationScalar>(_ x: T, slope: T) -> T { x < 0 ? slope * x : x }
    static func leakyReLUDerivative<T: ActivationScalar>(_ x: T, slope: T) -> T { x > 0 ? 1 : slope }

    static func softsign<T: ActivationScalar>(_ x: T) -> T { x / (1 + abs(x)) }
    // 1/(1 + |x|)² = (1 − |h|)².
    static func softsignDerivative<T: ActivationScalar>(_: T, _ h: T) -> T { (1 - abs(h)) * (1 - abs(h)) }

    static func selu<T: ActivationScalar>(_ x: T) -> T {
        x > 0 ? T(seluScale) * x : T(seluScale * seluAlpha) * T.exponentialMinusOne(x)
    }
    // For x ≤ 0, λα·eˣ = h + λα.
    static func seluDerivative<T: ActivationScalar>(_ x: T, _ h: T) -> T {
        x > 0 ? T(seluScale) : h + T(seluScale * seluAlpha)
    }
}

extension Activation: CustomStringConvertible {
    public var description: String { name }
}

extension Activation: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        do {
            self = try Activation(name: name)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

/// A name that denotes no activation.
public struct UnknownActivation: Error, Hashable, CustomStringConvertible {
    public let name: String

    public var description: String {
        "unknown activation '\(name)': use one of "
            + Activation.catalogue.map(\.id).joined(separator: ", ") + ", or leaky-relu(<slope>)"
    }
}
