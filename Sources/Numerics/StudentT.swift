import Foundation

/// Student's t distribution with ν degrees of freedom: the law of (mean − μ)/(standard error)
/// for ν + 1 independent normal values, whose standard error is itself estimated from them.
public enum StudentT {
    /// P(|T| > t) = I_{ν/(ν + t²)}(ν/2, 1/2), accurate far into the tails.
    public static func twoSidedTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return 0 }
        return IncompleteBeta.regularized(nu / (nu + t * t), nu / 2, 0.5)
    }

    /// The t with P(|T| > t) = `alpha`: the tolerance, in estimated standard errors, that a mean
    /// of ν + 1 values exceeds by chance with probability α.
    public static func twoSidedQuantile(_ alpha: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0 else { return .nan }
        return TailInversion.solve(alpha) { twoSidedTail($0, degreesOfFreedom: nu) }
    }

    /// The t with P(T > t) = `alpha`: how many estimated standard errors a difference must
    /// exceed to be claimed in one direction only. By symmetry, the two-sided quantile of 2α.
    public static func oneSidedQuantile(_ alpha: Double, degreesOfFreedom nu: Double) -> Double {
        alpha > 0.5 ? -oneSidedQuantile(1 - alpha, degreesOfFreedom: nu) : twoSidedQuantile(2 * alpha, degreesOfFreedom: nu)
    }
}

extension StandardNormal {
    /// The z with P(|Z| > z) = `alpha`: 4.417 for α = 10⁻⁵.
    public static func twoSidedQuantile(_ alpha: Double) -> Double {
        TailInversion.solve(alpha) { twoSidedTail($0) }
    }
}

/// Inverts a two-sided tail probability, decreasing from 1 at 0 to 0 at infinity, by bisection:
/// slow but sure, and cheap next to the experiments whose checks need it.
enum TailInversion {
    static func solve(_ alpha: Double, tail: (Double) -> Double) -> Double {
        guard alpha > 0, alpha < 1 else { return alpha <= 0 ? .infinity : 0 }
        var low = 0.0, high = 1.0
        while tail(high) > alpha {
            low = high
            high *= 2
            if high > 1e300 { return .infinity }
        }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if tail(middle) > alpha { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
