/// One way to start a residual block x + α γ ⊙ W₂ ReLU(W₁ x) of width n, as the weights'
/// variances a/n and b/n, the gate α and the gain γ. Every scheme's forward growth per block is
/// 1 + r with r = α²γ²·a·b/2 (Residual's theory), so each is told by what it does to r.
public enum ResidualScheme: String, Codable, Sendable, Hashable, CaseIterable {
    /// He normal in both layers of the branch, the last with gain 1 (it feeds no ReLU): the
    /// branch keeps the variance of its input, r = 1, and the sum doubles it.
    case he
    /// He's branch with W₂ divided by √L: r = 1/L.
    case inverseSqrtDepth = "inverse-sqrt-depth"
    /// GPT-2: every weight N(0, 0.02²), the residual projection W₂ divided by √(2N), N the
    /// transformer's layers, each with two residual branches: here 2N = L branches.
    case gpt2
    /// Fixup with m = 2 layers per branch: W₁ He normal times L^(−1/(2m−2)) = L^(−1/2), W₂ = 0.
    case fixup
    /// SkipInit and ReZero: He's branch behind a gate α = 0.
    case skipInit = "skipinit"
    /// He's branch behind a gain γ = 0, as a zero-initialised last batch-norm γ.
    case zeroGain = "zero-gain"

    /// GPT-2's standard deviation of every weight.
    static let gpt2Deviation = 0.02

    /// n·Var(W₁) and n·Var(W₂) for width n and depth L.
    func weightGains(width n: Int, depth L: Int) -> (inner: Double, outer: Double) {
        let depth = Double(L), gpt2 = Self.gpt2Deviation * Self.gpt2Deviation * Double(n)
        return switch self {
        case .he, .skipInit, .zeroGain: (2, 1)
        case .inverseSqrtDepth: (2, 1 / depth)
        case .gpt2: (gpt2, gpt2 / depth)
        case .fixup: (2 / depth, 0)
        }
    }

    /// α and γ.
    var gate: (scale: Double, gain: Double) {
        switch self {
        case .skipInit: (0, 1)
        case .zeroGain: (1, 0)
        default: (1, 1)
        }
    }

    /// Whether the block starts as the identity (α, γ or W₂ zero).
    public var closed: Bool { self == .fixup || self == .skipInit || self == .zeroGain }
}
