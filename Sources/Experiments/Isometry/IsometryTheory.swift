import Foundation
import Networks

/// What the handout predicts for the eigenvalues λ of JJᵀ.
public enum IsometryTheory {
    /// Gaussian linear network, weights N(0, 1/n), exactly at finite width n: E[m₁²] and E[m₂]
    /// after `depth` layers.
    ///
    /// With P = MMᵀ for the product M so far, T₁ = tr P and T₂ = tr P², one more layer
    /// P′ = WPWᵀ gives, by pairing the Gaussian entries of W (Wick's theorem),
    ///   E[T₁′²] = T₁² + 2T₂/n,   E[T₂′] = (1 + 1/n)·T₂ + T₁²/n,
    /// linear in (T₁², T₂), so their expectations follow the same recursion from P = I
    /// (T₁ = T₂ = n). In a = E[T₁²]/n² = E[m₁²] and b = E[T₂]/n = E[m₂]:
    ///   a′ = a + 2b/n²,   b′ = (1 + 1/n)·b + a,   a₀ = b₀ = 1.
    /// One layer: E[m₂] = 2 + 1/n. For large n, b grows by one per layer: E[m₂] → L + 1.
    public static func gaussianLinearExact(width n: Int, depth: Int) -> (meanSquareOfMean: Double, secondMoment: Double) {
        let n = Double(n)
        var a = 1.0, b = 1.0
        for _ in 0..<max(0, depth) {
            (a, b) = (a + 2 * b / (n * n), (1 + 1 / n) * b + a)
        }
        return (a, b)
    }

    /// The large-width (free probability) prediction at each of `depths`: the mean m₁ of λ and
    /// its variance.
    ///
    /// The moments of JJᵀ are those of the product of the layers' W_lW_lᵀ and D_l², which become
    /// freely independent as n → ∞. For free positive factors the means multiply and the
    /// normalised variances v = Var/mean² add, so
    ///   m₁ = Π_l σ_w² E[φ′(a_l)²],   Var(λ)/m₁² = Σ_l (v_W + v_D,l),
    /// with v_W = 1 for Gaussian W (Marchenko–Pastur at ratio 1) and 0 for orthogonal W, and
    /// v_D,l = E[φ′⁴]/E[φ′²]² − 1 over a_l ~ N(0, q_l), the length map's variance. Linear units:
    /// v_D = 0; ReLU: φ′² is 0 or 1 with probability ½, so v_D = 1.
    /// With biases of variance σ_b² the length map is q_{l+1} = σ_w²·E[φ(√q_l z)²] + σ_b².
    static func meanField(
        _ kind: Isometry.WeightKind, _ unit: Isometry.Unit, weightScale scale: Double, biasVariance: Double = 0,
        inputVariance: Double, depths: [Int]
    ) -> [(mean: Double, variance: Double)] {
        let maxDepth = depths.max() ?? 0
        guard maxDepth > 0 else { return [] }
        let activation = unit.activation
        var mean = 1.0, normalisedVariance = 0.0
        var byDepth: [Int: (Double, Double)] = [:]
        var q = scale * inputVariance + biasVariance
        for layer in 1...maxDepth {
            let second = activation.derivativeSecondMoment(variance: q)
            let fourth = activation.derivativeFourthMoment(variance: q)
            q = scale * activation.secondMoment(variance: q) + biasVariance
            mean *= scale * second
            normalisedVariance += (kind == .gaussian ? 1 : 0) + fourth / (second * second) - 1
            byDepth[layer] = (mean, mean * mean * normalisedVariance)
        }
        return depths.map { byDepth[$0].map { (mean: $0.0, variance: $0.1) } ?? (.nan, .nan) }
    }

    /// The largest |λ − 1| rounding can cause in an orthogonal linear network of `depth` layers
    /// of width n. Each weight matrix is σ_w·Q rounded to Float entry by entry: W = Q + E with
    /// |E_ij| ≤ u|Q_ij| (u = 2⁻²⁴), so ‖E‖₂ ≤ ‖E‖_F ≤ u‖Q‖_F = u√n and every singular value of W
    /// lies within 1 ± u√n. A product of L such matrices has its singular values within
    /// (1 ± u√n)^L, so λ = σ² lies within (1 ± u√n)^{2L}. The Jacobian is multiplied out in
    /// Double, whose rounding (about L·n·2⁻⁵³ relative) is added.
    public static func orthogonalRoundingBound(width n: Int, depth: Int) -> Double {
        let u = Double(Float.ulpOfOne) / 2
        let perLayer = u * Double(n).squareRoot()
        let doubleRounding = Double(depth + 1) * Double(n) * Double.ulpOfOne
        return pow(1 + perLayer, 2 * Double(depth)) - 1 + doubleRounding
    }

    /// E|W₁₁| for W Haar-distributed on O(n): the first coordinate of a uniform unit vector,
    /// E|u₁| = Γ(n/2) / (√π · Γ((n + 1)/2)). Without the sign correction W₁₁ = −|u₁|.
    public static func absoluteFirstEntry(width n: Int) -> Double {
        exp(lgamma(Double(n) / 2) - lgamma(Double(n + 1) / 2)) / Double.pi.squareRoot()
    }

    /// The density of √n·u₁ at t, for u uniform on the unit sphere of ℝⁿ: u₁ has density
    /// ∝ (1 − x²)^{(n−3)/2} on (−1, 1).
    public static func scaledFirstEntryDensity(_ t: Double, width n: Int) -> Double {
        let nd = Double(n)
        let x = t / nd.squareRoot()
        guard abs(x) < 1 else { return 0 }
        let normaliser = exp(lgamma(nd / 2) - lgamma((nd - 1) / 2)) / Double.pi.squareRoot()
        return normaliser * pow(1 - x * x, (nd - 3) / 2) / nd.squareRoot()
    }
}

extension Isometry {
    /// The large-width prediction at each of the parameters' depths, for this experiment's input
    /// variance of the unit.
    public func meanField(_ kind: WeightKind, _ unit: Unit) -> [(mean: Double, variance: Double)] {
        let critical = criticalPoint
        return IsometryTheory.meanField(
            kind, unit, weightScale: weightScale(unit, critical), biasVariance: unit == .tanhCritical ? critical.biasVariance : 0,
            inputVariance: inputVariance(unit, critical), depths: parameters.depths)
    }
}
