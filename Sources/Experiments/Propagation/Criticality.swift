import Networks

/// The boundary between order and chaos of the mean-field theory (Poole et al. 2016; Schoenholz
/// et al. 2017), for weights of variance σ_w²/fan_in and biases of variance σ_b².
///
/// The length map q′ = σ_w²·E[φ(√q z)²] + σ_b² settles at its fixed point q*; there the slope
/// factor χ₁ = σ_w²·E[φ′(√q* z)²] says whether two nearby inputs drift apart through depth
/// (χ₁ > 1, chaos) or merge (χ₁ < 1, order). The critical line is the σ_w² with χ₁ = 1 at each σ_b².
///
/// The brackets below hold for an activation like tanh: odd, bounded by 1, with slope 1 at 0 and
/// slopes that fall away from 0. They do not hold for ReLU, whose length map has no fixed point
/// with a bias at its critical σ_w² = 2.
public struct Criticality: Sendable {
    public let activation: Activation

    public init(activation: Activation) {
        self.activation = activation
    }

    /// A point of the critical line.
    public struct Point: Sendable, Hashable {
        public let biasVariance: Double
        public let weightVariance: Double
        public let fixedPoint: Double
    }

    /// The σ_b² values of `data/criticality.csv`: 0, 0.2, …, 2, each the nearest double to i/5
    /// (adding 0.2 up would give 0.6000000000000001).
    public static let biasVariances: [Double] = (0...10).map { Double($0) / 5 }

    /// q* of the length map, the largest fixed point (the only one when σ_b² > 0).
    public func fixedPoint(weightVariance: Double, biasVariance: Double) -> Double {
        // With φ² ≤ 1 the map sends every q into [σ_b², σ_w² + σ_b²], so q* lies there; the map
        // lies above the diagonal below q* and under it above, which bisection needs. With no
        // bias and σ_w² ≤ 1 it lies under the diagonal everywhere, and the search ends at 0.
        bisect(from: biasVariance, to: weightVariance + biasVariance) { q in
            weightVariance * activation.secondMoment(variance: q) + biasVariance - q > 0
        }
    }

    /// χ₁ = σ_w²·E[φ′(√q* z)²] at the fixed point of the length map.
    public func chi1(weightVariance: Double, biasVariance: Double) -> Double {
        let q = fixedPoint(weightVariance: weightVariance, biasVariance: biasVariance)
        return weightVariance * activation.derivativeSecondMoment(variance: q)
    }

    /// The σ_w² with χ₁ = 1 at σ_b², and the q* there.
    public func criticalWeightVariance(biasVariance: Double) -> Point {
        // With no bias, q = 0 is a fixed point for every σ_w², the only one while σ_w² ≤ 1
        // (tanh(x)² < x²), and χ₁ there is σ_w²·φ′(0)² = σ_w². So the line starts at σ_w² = 1,
        // q* = 0; above it a fixed point q* > 0 appears whose χ₁ exceeds 1: chaos.
        guard biasVariance > 0 else { return Point(biasVariance: 0, weightVariance: 1, fixedPoint: 0) }
        // At σ_w² = 1 a bias makes q* > 0, where E[φ′²] < 1: ordered. χ₁ grows with σ_w², so
        // doubling finds a chaotic upper end.
        var upper = 2.0
        while chi1(weightVariance: upper, biasVariance: biasVariance) < 1 { upper *= 2 }
        let weightVariance = bisect(from: 1, to: upper) { chi1(weightVariance: $0, biasVariance: biasVariance) < 1 }
        return Point(
            biasVariance: biasVariance, weightVariance: weightVariance,
            fixedPoint: fixedPoint(weightVariance: weightVariance, biasVariance: biasVariance))
    }

    /// The critical line at each of `biasVariances`.
    public func line(biasVariances: [Double] = Criticality.biasVariances) -> [Point] {
        biasVariances.map(criticalWeightVariance(biasVariance:))
    }

    /// The boundary in [lower, upper] where `below` turns from true to false, to the last bit:
    /// the loop ends when no double lies strictly between the ends. The lower end is returned, so
    /// a boundary at the start of the interval (q* = 0 with no bias) comes back exactly.
    private func bisect(from lower: Double, to upper: Double, below: (Double) -> Bool) -> Double {
        var lower = lower, upper = upper
        while true {
            let middle = lower + (upper - lower) / 2
            guard middle > lower, middle < upper else { return lower }
            if below(middle) { lower = middle } else { upper = middle }
        }
    }
}
