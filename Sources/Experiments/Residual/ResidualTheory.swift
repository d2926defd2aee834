import Foundation

/// What a residual stack of ReLU branches does at initialisation, for standard normal inputs and
/// a loss ℓ = Σ_s g_s·x_{L,s} with g_s standard normal: ∂ℓ/∂x_L = g, mean square 1.
///
/// Forward. Given x, each unit of W₁x is N(0, a|x|²/n) and ReLU keeps half its second moment,
/// so E|h|² = a|x|²/2; each unit of W₂h is N(0, b|h|²/n), so E|F|² = b·E|h|² = a·b|x|²/2; and the
/// cross term 2αγ x·F has mean 0 as W₂ does. Hence E[|x_{l+1}|² | x_l] = (1 + r)|x_l|² exactly,
/// r = α²γ²ab/2, and E|x_l|²/n = (1 + r)^l.
///
/// Backward. ∂ℓ/∂x_l = ∂ℓ/∂x_{l+1} + αγ W₁ᵀ D W₂ᵀ ∂ℓ/∂x_{l+1}, with D ReLU's 0/1 mask; the
/// same counting gives a mean square (1 + r)^(L−l) in mean-field theory (the mask and W₁ are
/// reused from the forward pass, so this is not exact at finite width).
///
/// Gradients. Per sample, with q = (1 + r)^l and p = (1 + r)^(L−l−1) the mean squares of x_l and
/// ∂ℓ/∂x_{l+1}: |∂ℓ/∂W₂|² = α²γ²·np·|h|² ≈ α²γ² n²pq·a/2, |∂ℓ/∂W₁|² ≈ α²γ² n²pq·b/2,
/// (∂ℓ/∂α)² ≈ γ² npq·ab/2 and |∂ℓ/∂γ|² ≈ α² npq·ab/2. Different samples' terms are
/// uncorrelated (their g are independent), so over a batch of B the squares add. Since
/// pq = (1 + r)^(L−1), every block receives the same gradient, however deep it sits.
public struct ResidualTheory: Sendable {
    public let scheme: ResidualScheme
    public let width: Int
    public let depth: Int

    public var a: Double { scheme.weightGains(width: width, depth: depth).inner }
    public var b: Double { scheme.weightGains(width: width, depth: depth).outer }
    public var alpha: Double { scheme.gate.scale }
    public var gamma: Double { scheme.gate.gain }

    /// r, the growth of the second moment per block; `factor` multiplies ReLU's ½ in it, for the
    /// power test.
    public func growth(factor: Double = 1) -> Double { alpha * alpha * gamma * gamma * a * b / 2 * factor }

    /// E|x_l|²/n for l = 0…L.
    public var forward: [Double] { (0...depth).map { pow(1 + growth(), Double($0)) } }

    /// E|∂ℓ/∂x_l|²/n for l = 0…L, mean-field.
    public var backward: [Double] { (0...depth).map { pow(1 + growth(), Double(depth - $0)) } }

    /// The squared norm of the gradient of block l's parameters (W₁, W₂, α, γ) per sample, mean-field.
    public var gradient: [Double] {
        let n = Double(width), s = alpha * alpha, g = gamma * gamma
        let perUnit = s * g * n * (a + b) / 2 + (g + s) * a * b / 2
        return [Double](repeating: n * perUnit * pow(1 + growth(), Double(depth - 1)), count: depth)
    }

    /// Fixup's residual projection starts at 0 and still learns: with every block the identity,
    /// ∂ℓ/∂W₂ = α Σ_s g_s h_sᵀ, whose squared norm has expectation n·Σ_s|h_s|² = n·(a/2)·Σ_s|x_{0,s}|²
    /// exactly, over g and W₁. Per sample of mean square 1: n²a/2; `factor` multiplies ReLU's ½.
    public func projectionGradient(factor: Double = 1) -> Double { Double(width) * Double(width) * a / 2 * factor }
}
