import Foundation
import Networks
import Numerics

/// The correlation map of the mean-field theory (Poole et al. 2016; Schoenholz et al. 2017): how
/// the correlation of two inputs' pre-activations changes from one layer to the next once both
/// have the length q* of the length map's fixed point.
///
/// Two inputs whose pre-activations (u₁, u₂) at a unit of layer l are jointly normal with
/// variances q* and correlation c give at layer l + 1 the covariance σ_w²·E[φ(u₁)φ(u₂)] + σ_b²
/// (a sum of many independent products, as for the length map), so
///   c′ = (σ_w²·E[φ(u₁)φ(u₂)] + σ_b²) / q*,  u₁ = √q*·z₁,  u₂ = √q*·(c z₁ + √(1 − c²) z₂).
/// c = 1 is always a fixed point (then u₁ = u₂ and c′ is the length map over q*). Its slope there
/// is χ₁ = σ_w²·E[φ′(√q* z)²]: below 1 every correlation climbs to 1 (order), above 1 the point 1
/// repels and a second, stable fixed point c* < 1 appears (chaos). Near c* the distance shrinks
/// by χ_c = σ_w²·E[φ′(u₁)φ′(u₂)] per layer, so it decays like e^{−l/ξ_c} with ξ_c = −1/ln χ_c; a
/// length's distance from q* decays like e^{−l/ξ_q} with ξ_q = −1/ln χ_q, χ_q the slope of the
/// length map at q*.
///
/// The expectations are trapezoidal sums over an even grid in (z₁, z₂) out to ±9 (the normal
/// density is 2.6·10⁻¹⁸ there). For an integrand analytic in the strip |Im z| < d the trapezoidal
/// error falls like e^{−2πd/h} (Trefethen & Weideman 2014); tanh(√q z) has its poles at
/// Im z = ±π/(2√q), and the step h = min(1/4, 1/(4√q)) puts that error below e^{−39}.
/// Gauss–Hermite does much worse here: with 64 nodes it is off by 10⁻² in χ₁ at q* = 3.8.
public struct CorrelationMap: Sendable {
    public let weightVariance: Double
    public let biasVariance: Double
    /// q*, the fixed point of the length map that both inputs are at.
    public let fixedLength: Double
    private let function: @Sendable (Double) -> Double
    private let derivative: @Sendable (Double) -> Double
    /// The grid in z and the trapezoidal weight of each node (step times normal density).
    private let nodes: [Double]
    private let weights: [Double]

    /// The map of units φ with derivative φ′ at the length `fixedLength`, which the caller
    /// vouches is the length map's fixed point for these variances.
    public init(
        function: @escaping @Sendable (Double) -> Double, derivative: @escaping @Sendable (Double) -> Double, weightVariance: Double,
        biasVariance: Double, fixedLength: Double, refinement: Double = 1
    ) {
        self.function = function
        self.derivative = derivative
        self.weightVariance = weightVariance
        self.biasVariance = biasVariance
        self.fixedLength = fixedLength
        let step = min(0.25, 0.25 / fixedLength.squareRoot()) / refinement
        let count = Int((Self.reach / step).rounded(.up))
        nodes = (-count...count).map { Double($0) * step }
        weights = nodes.map { step * exp(-$0 * $0 / 2) / (2 * Double.pi).squareRoot() }
    }

    /// How far out, in standard deviations, the grid reaches.
    static let reach = 9.0

    /// The map of `activation`'s units at the fixed point q* of their length map.
    public init(activation: Activation, weightVariance: Double, biasVariance: Double, refinement: Double = 1) {
        self.init(
            function: { activation.value($0) }, derivative: { activation.derivative($0) }, weightVariance: weightVariance,
            biasVariance: biasVariance,
            fixedLength: Criticality(activation: activation).fixedPoint(weightVariance: weightVariance, biasVariance: biasVariance),
            refinement: refinement)
    }

    /// E[f(u₁, u₂)] for the pair at correlation c.
    private func pairExpectation(_ c: Double, _ f: (Double, Double) -> Double) -> Double {
        let s = fixedLength.squareRoot()
        let c = min(max(c, -1), 1)
        let other = (1 - c * c).squareRoot()
        var sum = 0.0
        for i in nodes.indices {
            let u1 = s * nodes[i]
            var inner = 0.0
            for j in nodes.indices {
                inner += weights[j] * f(u1, s * (c * nodes[i] + other * nodes[j]))
            }
            sum += weights[i] * inner
        }
        return sum
    }

    /// c_{l+1} from c_l. With q* = 0 (no bias, σ_w² ≤ 1 for tanh) every signal dies out and the
    /// ratio has no value: not a number.
    public func next(_ c: Double) -> Double {
        guard fixedLength > 0 else { return .nan }
        return (weightVariance * pairExpectation(c) { function($0) * function($1) } + biasVariance) / fixedLength
    }

    /// c_l, c_{l+1}, …: `layers` values, the first `start`.
    public func iterate(from start: Double, layers: Int) -> [Double] {
        var values: [Double] = []
        var c = start
        for _ in 0..<layers {
            values.append(c)
            c = next(c)
        }
        return values
    }

    /// The slope of the map at c, σ_w²·E[φ′(u₁)φ′(u₂)]: differentiating under the expectation,
    /// ∂E[φ(u₁)φ(u₂)]/∂c = q*·E[φ′(u₁)φ′(u₂)] (Price's theorem), and the q* cancels.
    public func slope(at c: Double) -> Double {
        weightVariance * pairExpectation(c) { derivative($0) * derivative($1) }
    }

    /// χ₁, the slope at c = 1.
    public var chi1: Double { slope(at: 1) }

    /// The stable fixed point c*: 1 in order (χ₁ ≤ 1), the one below 1 in chaos. There g(c) = c′ − c
    /// is positive below c* and negative between c* and 1: at c = 0, c′ = σ_b²/q* ≥ 0 for odd φ
    /// (E[φ(u₁)] = 0), and just below 1, g ≈ (χ₁ − 1)(c − 1) < 0. Newton's steps on g (its slope is
    /// the map's slope less 1) find the crossing, bisection where one would leave the bracket.
    /// A c* within 10⁻⁹ of 1, too close to the line to tell from 1, is 1.
    public var fixedPoint: Double {
        guard chi1 > 1 else { return 1 }
        var lower = 0.0, upper = 1 - 1e-9
        guard next(upper) < upper else { return 1 }
        var c = lower
        for _ in 0..<200 {
            let g = next(c) - c
            if g == 0 { return c }
            if g > 0 { lower = c } else { upper = c }
            let newton = c - g / (slope(at: c) - 1)
            let proposal = newton > lower && newton < upper ? newton : (lower + upper) / 2
            if abs(proposal - c) <= 1e-15 || upper - lower <= 1e-15 { return proposal }
            c = proposal
        }
        return c
    }

    /// χ_c, the slope at c*: χ₁ in order.
    public var chiC: Double { slope(at: fixedPoint) }

    /// χ_q, the slope of the length map q′ = σ_w²·E[φ(√q z)²] + σ_b² at q*. Differentiating
    /// φ(√q z)² in q gives φ(√q z)·φ′(√q z)·z/√q, an expectation that needs only φ and φ′ (by
    /// parts it is E[φ′² + φ φ″], Schoenholz et al.'s form).
    public var chiQ: Double {
        guard fixedLength > 0 else { return weightVariance * derivative(0) * derivative(0) }
        let s = fixedLength.squareRoot()
        var sum = 0.0
        for (z, weight) in zip(nodes, weights) { sum += weight * function(s * z) * derivative(s * z) * z }
        return weightVariance * sum / s
    }

    /// ξ_q = −1/ln χ_q, the depth over which a length forgets where it started.
    public var lengthDepth: Double { Self.depthScale(chiQ) }

    /// ξ_c = −1/ln χ_c, the depth over which a correlation forgets where it started; infinite on
    /// the critical line.
    public var correlationDepth: Double { Self.depthScale(chiC) }

    /// −1/ln χ for a contraction χ < 1; infinite at χ ≥ 1, where nothing is forgotten
    /// exponentially.
    static func depthScale(_ chi: Double) -> Double {
        chi < 1 ? -1 / log(chi) : .infinity
    }
}
