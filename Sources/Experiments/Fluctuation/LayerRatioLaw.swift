import Foundation

/// The law of log R, R = ‖h_l‖²/‖h_{l−1}‖², for one ReLU layer of n units with He normal weights
/// N(0, 2/n_{l−1}), given that the layer is not all zero.
///
/// Given h_{l−1} ≠ 0 the pre-activations are n independent N(0, 2‖h_{l−1}‖²/n_{l−1}), so
/// R = (2/n_{l−1})·χ²_K where K ~ Binomial(n, ½) counts the positive ones; whatever h_{l−1} is.
/// χ²_k/2 is Gamma(k/2), whose log has the cumulant generating function
/// log Γ(k/2 + t) − log Γ(k/2): its cumulants are the polygamma functions ψ^{(j−1)}(k/2). Mixing
/// over K gives the moments of log R. K = 0, an all-zero layer, has probability 2^{−n} and makes
/// log R = −∞; the law here is conditioned on K ≥ 1, and since the layers are independent given
/// that none is zero, the log-norm of a network that survives is a sum of independent terms of
/// this law.
public struct LayerRatioLaw: Sendable, Hashable {
    public let width: Int
    /// Var[log R | K ≥ 1], which does not depend on the fan-in.
    public let variance: Double
    /// The fourth cumulant of log R given K ≥ 1; cumulants of independent terms add.
    public let fourthCumulant: Double

    public init(width: Int) {
        self.width = width
        // P(K = k | K ≥ 1), k = 1…n, through log-binomials so that wide layers do not overflow.
        let n = Double(width)
        let lowest = -n * log(2)
        let dead = exp(lowest)
        var weights: [Double] = []
        var means: [Double] = []
        var cumulants: [(Double, Double, Double)] = []
        for k in 1...max(width, 1) {
            let x = Double(k)
            let logBinomial: Double = lgamma(n + 1) - lgamma(x + 1) - lgamma(n - x + 1)
            weights.append(exp(logBinomial + lowest) / (1 - dead))
            let a = x / 2
            means.append(Polygamma.digamma(a))
            cumulants.append((Polygamma.of(order: 1, a), Polygamma.of(order: 2, a), Polygamma.of(order: 3, a)))
        }
        let mean = zip(weights, means).reduce(0) { $0 + $1.0 * $1.1 }
        // Central moments of the mixture from each component's cumulants κ₂, κ₃, κ₄ about its
        // own mean μ_k, shifted by d = μ_k − mean.
        var second = 0.0
        var fourth = 0.0
        for (p, (mu, kappa)) in zip(weights, zip(means, cumulants)) {
            let d = mu - mean
            let (k2, k3, k4) = kappa
            second += p * (k2 + d * d)
            let d2: Double = d * d
            let shifted: Double = k4 + 3 * k2 * k2 + 4 * k3 * d + 6 * k2 * d2 + d2 * d2
            fourth += p * shifted
        }
        variance = second
        fourthCumulant = fourth - 3 * second * second
    }

    /// The leading term 5/n: one unit contributes B·g², B ~ Bernoulli(½), g ~ N(0, 1), of mean ½
    /// and variance 5/4, and log of a mean of n of them varies by (5/4)/(n·¼) = 5/n.
    public var leadingTerm: Double { 5 / Double(width) }

    /// The probability 2^{−n} that the layer is all zero.
    public var deadProbability: Double { exp(-Double(width) * log(2)) }
}

/// ψ and its derivatives at positive arguments: shifted up by the recurrence
/// ψ^{(m)}(x) = ψ^{(m)}(x + 1) − (−1)^m m!/x^{m+1} until x ≥ 10, then the asymptotic series, whose
/// first omitted term is below 10⁻¹³ relative there.
enum Polygamma {
    static func digamma(_ x: Double) -> Double {
        var x = x
        var shift = 0.0
        while x < 10 {
            shift -= 1 / x
            x += 1
        }
        let y = 1 / (x * x)
        let inner: Double = 1.0 / 252 - y * (1.0 / 240 - y / 132)
        let tail: Double = y * (1.0 / 12 - y * (1.0 / 120 - y * inner))
        return shift + log(x) - 0.5 / x - tail
    }

    /// ψ^{(m)}(x) for m = 1, 2, 3.
    static func of(order m: Int, _ x: Double) -> Double {
        var x = x
        var shift = 0.0
        let sign: Double = m % 2 == 1 ? 1 : -1
        let factorial = Self.factorial(m)
        while x < 10 {
            shift += sign * factorial / pow(x, Double(m + 1))
            x += 1
        }
        // ψ^{(m)}(x) ~ (−1)^{m+1} [ (m−1)!/x^m + m!/(2x^{m+1}) + Σ_j B_{2j} (2j+m−1)!/((2j)! x^{2j+m}) ].
        let bernoulli: [Double] = [1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730]
        let leading: Double = Self.factorial(m - 1) / pow(x, Double(m))
        var series: Double = leading + factorial / (2 * pow(x, Double(m + 1)))
        for (index, b) in bernoulli.enumerated() {
            let j = index + 1
            let coefficient: Double = b * Self.factorial(2 * j + m - 1) / Self.factorial(2 * j)
            series += coefficient / pow(x, Double(2 * j + m))
        }
        return shift + sign * series
    }

    private static func factorial(_ k: Int) -> Double { k < 2 ? 1 : (2...k).reduce(1.0) { $0 * Double($1) } }
}
