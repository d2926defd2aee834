import Foundation

/// The standard normal distribution's functions that the theory needs in closed form.
public enum StandardNormal {
    /// Φ(x), the cumulative distribution function.
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// P(|Z| > k): both tails, computed with erfc so that it stays accurate far out (k = 7 gives
    /// about 2.6e−12, where 1 − erf would round to 0).
    public static func twoSidedTail(_ k: Double) -> Double {
        erfc(k / 2.0.squareRoot())
    }
}
