import Foundation

/// The logistic function σ(x) = 1/(1 + e⁻ˣ) and its derivative.
public enum Logistic {
    public static func value(_ x: Double) -> Double {
        // Both branches avoid exp of a large positive number, which would overflow.
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }

    /// σ′(x) = σ(x)(1 − σ(x)) = e^{−|x|}/(1 + e^{−|x|})². The last form (σ′ is even) needs one
    /// exponential and keeps full relative precision in the tails, where 1 − σ(x) would cancel.
    public static func derivative(_ x: Double) -> Double {
        let e = exp(-abs(x))
        return e / ((1 + e) * (1 + e))
    }

    public static func value(_ x: Float) -> Float {
        x >= 0 ? 1 / (1 + expf(-x)) : expf(x) / (1 + expf(x))
    }

    public static func derivative(_ x: Float) -> Float {
        let e = expf(-abs(x))
        return e / ((1 + e) * (1 + e))
    }
}
