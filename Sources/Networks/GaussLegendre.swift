import Foundation

/// The n-point Gauss–Legendre rule on [−1, 1]: exact for polynomials of degree at most 2n − 1,
/// and, for a function analytic in a Bernstein ellipse of parameter ρ around the interval, with
/// an error of order ρ^{−2n}. The panels of ``NormalExpectation`` are built on it.
struct GaussLegendre: Sendable {
    let nodes: [Double]
    let weights: [Double]

    init(order n: Int) {
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        // Newton's method on Pₙ from the recurrence j·P_j = (2j − 1)·x·P_{j−1} − (j − 1)·P_{j−2},
        // starting from cos(π(i + 3/4)/(n + 1/2)), which lies within the root's basin; the weight
        // is 2/((1 − x²)·Pₙ′(x)²).
        for i in 0..<(n + 1) / 2 {
            var x = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var slope = 1.0
            for _ in 0..<100 {
                let (value, previous) = Self.legendre(n, at: x)
                slope = Double(n) * (x * value - previous) / (x * x - 1)
                let step = value / slope
                x -= step
                if abs(step) <= 1e-16 { break }
            }
            let (value, previous) = Self.legendre(n, at: x)
            slope = Double(n) * (x * value - previous) / (x * x - 1)
            let weight = 2 / ((1 - x * x) * slope * slope)
            nodes[i] = -x
            nodes[n - 1 - i] = x
            weights[i] = weight
            weights[n - 1 - i] = weight
        }
        self.nodes = nodes
        self.weights = weights
    }

    /// ∫ₐᵇ f(x) dx by the rule mapped onto [a, b].
    func integral(from a: Double, to b: Double, _ f: (Double) -> Double) -> Double {
        let middle = (a + b) / 2, halfWidth = (b - a) / 2
        var sum = 0.0
        for i in nodes.indices { sum += weights[i] * f(middle + halfWidth * nodes[i]) }
        return sum * halfWidth
    }

    /// (Pₙ(x), Pₙ₋₁(x)).
    private static func legendre(_ n: Int, at x: Double) -> (value: Double, previous: Double) {
        var current = 1.0, previous = 0.0
        for j in stride(from: 1, through: n, by: 1) {
            let next = (Double(2 * j - 1) * x * current - Double(j - 1) * previous) / Double(j)
            previous = current
            current = next
        }
        return (current, previous)
    }
}
