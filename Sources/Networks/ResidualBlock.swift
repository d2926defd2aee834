import Numerics

/// One block of a residual stack, x ↦ x + α·γ ⊙ F(x) with the branch F(z) = W₂ ReLU(W₁ z), both
/// weights (width, width) as in PyTorch and without biases. α is one number per block (SkipInit's
/// and ReZero's gate), γ one per unit (the gain of a normalisation that would close the branch,
/// which "zero γ" initialises at 0). The stack's ``ResidualStack/Normalization`` says where layer
/// normalisation goes around it.
public struct ResidualBlock: Sendable, Hashable {
    /// W₁, the branch's first layer.
    public var inner: Matrix
    /// W₂, the branch's last layer, the residual projection.
    public var outer: Matrix
    /// α, multiplying the whole branch.
    public var scale: Float
    /// γ, one per unit.
    public var gain: [Float]

    /// Zero weights, α = 1 and γ = 1: the caller draws the weights.
    public init(width: Int) {
        inner = Matrix(rows: width, columns: width)
        outer = Matrix(rows: width, columns: width)
        scale = 1
        gain = [Float](repeating: 1, count: width)
    }
}
