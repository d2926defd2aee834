import Networks
import Numerics

/// What the propagation experiment records of one layer in one pass.
public struct LayerStatistics: Codable, Sendable, Hashable {
    /// E[v²] over the batch and the units: the variance the theory predicts (the mean is zero
    /// in expectation, and is recorded separately).
    public var secondMoment: Double
    public var mean: Double
    /// The 98th percentile of |φ(a)| (forward) or of |∂L/∂a| (backward), as Glorot & Bengio plot.
    public var percentile98: Double
    /// The fraction of units whose derivative is below a tenth of its largest value (for ReLU,
    /// the inactive units, φ′ = 0).
    public var saturatedFraction: Double

    /// The statistics of `values` (pre-activations or gradients); `activation` and
    /// `preActivations` give the forward pass's saturation, `magnitudes` the values whose 98th
    /// percentile is taken.
    static func measure(
        _ values: Matrix, percentileOf magnitudes: Matrix, activation: Activation?, preActivations: Matrix?
    ) -> LayerStatistics {
        let (sum, sumOfSquares) = sums(values)
        let n = Double(max(values.count, 1))
        var saturated = 0.0
        if let activation, let preActivations {
            let count = preActivations.elements.withUnsafeBufferPointer { SaturationRegion(activation).count(in: $0) }
            saturated = Double(count) / Double(max(preActivations.count, 1))
        }
        return LayerStatistics(
            secondMoment: sumOfSquares / n, mean: sum / n,
            percentile98: Self.absolutePercentile(magnitudes, 0.98), saturatedFraction: saturated)
    }

    /// E[v²] alone, the same number as `measure`'s, for the experiments that need no more.
    static func secondMoment(_ values: Matrix) -> Double {
        sums(values).squares / Double(max(values.count, 1))
    }

    /// Σv and Σv² in Double, over four interleaved partial sums: one running sum waits for
    /// its previous addition at every value, four keep the adder busy.
    private static func sums(_ values: Matrix) -> (values: Double, squares: Double) {
        var sums = SIMD4<Double>(), squares = SIMD4<Double>()
        var sum = 0.0, sumOfSquares = 0.0
        values.elements.withUnsafeBufferPointer { buffer in
            let whole = buffer.count / 4 * 4
            for i in stride(from: 0, to: whole, by: 4) {
                let x = SIMD4<Double>(Double(buffer[i]), Double(buffer[i + 1]), Double(buffer[i + 2]), Double(buffer[i + 3]))
                sums += x
                squares += x * x
            }
            for v in buffer[whole...] {
                let x = Double(v)
                sum += x
                sumOfSquares += x * x
            }
        }
        return (sum + sums.sum(), sumOfSquares + squares.sum())
    }

    /// The p-quantile of |v|.
    static func absolutePercentile(_ values: Matrix, _ p: Double) -> Double {
        Double(values.elements.withUnsafeBufferPointer { Quantile.ofMagnitudes($0, p) })
    }
}

/// Where an activation's derivative is below a tenth of its largest value: |a| beyond a cut
/// for the saturating ones, the negative side for the rectifiers, nowhere for linear units.
/// Found once per activation, so the per-unit test is one comparison.
struct SaturationRegion {
    enum Kind { case beyond(Float), below(Float), nowhere }
    let kind: Kind

    init(_ activation: Activation) {
        let threshold = 0.1 * activation.largestDerivative
        switch activation {
        case .linear:
            kind = .nowhere
        case .relu, .leakyReLU, .selu:
            // φ′ is smallest on the negative side and rises towards 0; find where it crosses.
            kind =
                activation.derivative(-1e-9) < threshold ? .below(0) : .below(Float(Self.crossing(activation, threshold, from: -50, to: 0)))
        case .sigmoid, .tanh, .softsign:
            kind = .beyond(Float(Self.crossing(activation, threshold, from: 0, to: 50)))
        }
    }

    func contains(_ a: Float) -> Bool {
        switch kind {
        case .beyond(let cut): abs(a) > cut
        case .below(let cut): a < cut
        case .nowhere: false
        }
    }

    /// How many of `values` lie in the region, the kind decided once rather than per value.
    func count(in values: UnsafeBufferPointer<Float>) -> Int {
        var count = 0
        switch kind {
        case .beyond(let cut): for a in values where abs(a) > cut { count += 1 }
        case .below(let cut): for a in values where a < cut { count += 1 }
        case .nowhere: break
        }
        return count
    }

    /// The point between `from` and `to` where φ′ crosses `threshold`, by bisection.
    static func crossing(_ activation: Activation, _ threshold: Double, from: Double, to: Double) -> Double {
        var low = from, high = to
        let rising = activation.derivative(to) > activation.derivative(from)
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if (activation.derivative(middle) < threshold) == rising { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}

extension Activation {
    /// max φ′: the slope at 0 for the smooth activations, 1 for the rectifiers and linear.
    var largestDerivative: Double {
        switch self {
        case .sigmoid: 0.25
        case .selu: Activation.seluScale * Activation.seluAlpha
        default: 1
        }
    }
}
