import Networks

/// The map of Klambauer et al. for SELU units, by our own quadrature. A unit's pre-activation
/// z = Σᵢ wᵢ xᵢ, with independent weights of mean 0 and Σ E[wᵢ²] = τ (τ = 1 for LeCun's
/// Var(w) = 1/n) and inputs of mean μ and variance ν, is Gaussian with mean 0 and variance
/// τ·E[x²] = τ(μ² + ν) over the draws of the weights: the input's mean enters only through its
/// square, since the weights' sum Σwᵢ is 0 on average but N(0, τ) for any one unit. The next
/// layer's mean and second moment are then
///   μ′ = E[selu(√(τq) Z)],  E[h′²] = E[selu(√(τq) Z)²],  q = μ² + ν,
/// and ν′ = E[h′²] − μ′². At τ = 1 the SELU's α and λ make μ′ = 0 and E[h′²] = 1 at q = 1:
/// (0, 1) is a fixed point.
public enum SELUMap {
    /// The mean, second moment and variance of a layer's activations.
    public struct Moments: Codable, Sendable, Hashable {
        public var mean: Double
        public var secondMoment: Double
        public var variance: Double { secondMoment - mean * mean }
    }

    /// The layer after one whose values have second moment `q`, through weights of Σw² = τ.
    public static func oneLayer(inputSecondMoment q: Double, weightScale τ: Double = 1) -> Moments {
        Moments(mean: Activation.selu.mean(variance: τ * q), secondMoment: Activation.selu.secondMoment(variance: τ * q))
    }

    /// The start, then each of `layers` layers.
    public static func iterate(from start: SELU.Start, layers: Int, weightScale τ: Double = 1) -> [Moments] {
        var moments = [Moments(mean: start.mean, secondMoment: start.mean * start.mean + start.variance)]
        for _ in 0..<layers { moments.append(oneLayer(inputSecondMoment: moments[moments.count - 1].secondMoment, weightScale: τ)) }
        return moments
    }
}
