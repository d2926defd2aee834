import Numerics

/// The distribution each weight is drawn from, independently of the others.
public enum WeightDistribution: Sendable, Hashable {
    /// U(−bound, bound).
    case uniform(bound: Double)
    /// N(0, std²), untruncated.
    case normal(std: Double)
    /// A normal cut at two of its standard deviations and widened so that its variance is std²
    /// (Keras's and JAX's "truncated_normal" in their variance-scaling rules).
    case truncatedNormal(std: Double)

    /// Var(w): bound²/3 for the uniform (the integral of w²/(2b) over (−b, b)), std² for both
    /// normals (the truncated one is widened for exactly that).
    public var variance: Double {
        switch self {
        case .uniform(let bound): bound * bound / 3
        case .normal(let std), .truncatedNormal(let std): std * std
        }
    }

    /// E[w⁴], which sets how fast a sample variance of pre-activations settles: b⁴/5 for the
    /// uniform, 3σ⁴ for the normal, about 2.36σ⁴ for the truncated normal.
    public var fourthMoment: Double {
        switch self {
        case .uniform(let bound): bound * bound * bound * bound / 5
        case .normal(let std): 3 * std * std * std * std
        case .truncatedNormal(let std): TruncatedNormal.kurtosis * std * std * std * std
        }
    }

    /// The largest magnitude a weight can take, or nil when it is unbounded.
    public var bound: Double? {
        switch self {
        case .uniform(let bound): bound
        case .normal: nil
        case .truncatedNormal(let std): TruncatedNormal.bound(std: std)
        }
    }

    /// Fills `weights` with independent draws.
    public func fill(_ weights: UnsafeMutableBufferPointer<Float>, using random: inout RandomSource) {
        switch self {
        case .uniform(let bound): random.fillUniform(weights, low: -bound, high: bound)
        case .normal(let std): random.fillNormal(weights, std: std)
        case .truncatedNormal(let std): TruncatedNormal.fill(weights, std: std, using: &random)
        }
    }
}
