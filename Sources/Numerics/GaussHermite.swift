import Foundation

/// Gauss–Hermite quadrature in the probabilists' form: nodes xᵢ and weights wᵢ such that
/// Σᵢ wᵢ f(xᵢ) approximates E[f(Z)] for Z ~ N(0, 1), exactly when f is a polynomial of degree at
/// most 2n − 1. The weights sum to 1.
///
/// The nodes are the roots of the probabilists' Hermite polynomial Heₙ. They are found as the
/// roots of the physicists' Hₙ (weight e^{−x²}) and rescaled: x = √2·t and w = w_H/√π, which
/// turns ∫ f(t) e^{−t²} dt into E[f(Z)].
///
/// Convergence is fast for functions that are smooth on the scale of the node spacing (about
/// π/√n near 0). A kink, or a feature much narrower than 1 (φ(√q z) with large q), makes the
/// error fall only slowly with n.
public struct GaussHermite: Sendable, Hashable {
    /// The nodes, in increasing order; symmetric about 0 (one node is 0 when n is odd).
    public let nodes: [Double]
    /// The weight of each node, positive, summing to 1.
    public let weights: [Double]

    /// The n-point rule, 1 ≤ n ≤ 300. Beyond that the outermost weights (about e^{−2n}, 10⁻²⁶¹ at
    /// n = 300) approach underflow, and the recurrence, which leaves out the e^{−t²/2} factor,
    /// overflow.
    public init(order n: Int) {
        precondition((1...300).contains(n), "Gauss–Hermite order \(n) is outside 1...300")
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        // The roots tᵢ of the physicists' Hₙ all lie in (−√(2n + 1), √(2n + 1)) and are at least
        // about π/√(2n + 1) apart (closest near 0). A scan at a quarter of that spacing brackets
        // each positive root; safeguarded Newton steps on the orthonormal recurrence
        //   h₀ = π^{−1/4},  h_j = t·√(2/j)·h_{j−1} − √((j−1)/j)·h_{j−2},  h′ₙ = √(2n)·h_{n−1}
        // then refine it. Asymptotic starting guesses (Numerical Recipes' gauher) jump to the
        // wrong root for large n (at n = 200 already), which the bracket rules out. The orthonormal form keeps the
        // values in range and gives the weight directly as 2/h′ₙ²; no eigenvalue problem
        // (Golub–Welsch) is needed.
        let limit = Double(2 * n + 1).squareRoot()
        let spacing = Double.pi / limit / 4
        var found = 0
        var lower = n % 2 == 1 ? spacing / 2 : 0
        var lowerValue = Self.orthonormalHermite(n, at: lower).value
        while lower < limit && found < n / 2 {
            let upper = lower + spacing
            let upperValue = Self.orthonormalHermite(n, at: upper).value
            if (lowerValue < 0) != (upperValue < 0) {
                let t = Self.root(n, between: lower, and: upper, lowerValue: lowerValue)
                let slope = (2 * Double(n)).squareRoot() * Self.orthonormalHermite(n, at: t).previous
                let node = 2.0.squareRoot() * t
                let weight = 2 / (slope * slope) / Double.pi.squareRoot()
                let index = (n + 1) / 2 + found
                nodes[index] = node
                nodes[n - 1 - index] = -node
                weights[index] = weight
                weights[n - 1 - index] = weight
                found += 1
            }
            lower = upper
            lowerValue = upperValue
        }
        precondition(found == n / 2, "Gauss–Hermite: found \(found) of \(n / 2) positive roots")
        if n % 2 == 1 {
            // h′ₙ(0) = √(2n)·h_{n−1}(0) gives the middle weight like the others.
            let slope = (2 * Double(n)).squareRoot() * Self.orthonormalHermite(n, at: 0).previous
            weights[n / 2] = 2 / (slope * slope) / Double.pi.squareRoot()
        }
        self.nodes = nodes
        self.weights = weights
    }

    /// The number of nodes.
    public var order: Int { nodes.count }

    /// E[f(Z)] for Z ~ N(0, 1), by the rule.
    public func expectation(_ f: (Double) -> Double) -> Double {
        var sum = 0.0
        for i in nodes.indices { sum += weights[i] * f(nodes[i]) }
        return sum
    }

    /// The root of hₙ in [a, b], where hₙ changes sign: Newton's steps while they stay inside the
    /// shrinking bracket, bisection when one would leave it.
    private static func root(_ n: Int, between a: Double, and b: Double, lowerValue: Double) -> Double {
        var (a, b) = (a, b)
        var t = (a + b) / 2
        for _ in 0..<200 {
            let (value, previous) = orthonormalHermite(n, at: t)
            if value == 0 { return t }
            if (value < 0) == (lowerValue < 0) { a = t } else { b = t }
            let newton = t - value / ((2 * Double(n)).squareRoot() * previous)
            let next = newton > a && newton < b ? newton : (a + b) / 2
            if abs(next - t) <= 1e-15 * abs(t) { return next }
            t = next
        }
        return t
    }

    /// (hₙ(t), hₙ₋₁(t)) of the orthonormal physicists' Hermite functions without their
    /// e^{−t²/2} factor.
    private static func orthonormalHermite(_ n: Int, at t: Double) -> (value: Double, previous: Double) {
        var current = 1 / pow(Double.pi, 0.25)
        var previous = 0.0
        for j in stride(from: 1, through: n, by: 1) {
            let next = t * (2 / Double(j)).squareRoot() * current - (Double(j - 1) / Double(j)).squareRoot() * previous
            previous = current
            current = next
        }
        return (current, previous)
    }
}
