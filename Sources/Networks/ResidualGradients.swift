import Numerics

/// ∂L/∂θ for every parameter of a ``ResidualStack``, block by block in its layout.
public struct ResidualGradients: Sendable, Hashable {
    /// ∂L/∂W₁ and ∂L/∂W₂ of each block.
    public internal(set) var inner: [Matrix]
    public internal(set) var outer: [Matrix]
    /// ∂L/∂α of each block.
    public internal(set) var scales: [Float]
    /// ∂L/∂γ of each block.
    public internal(set) var gains: [[Float]]

    /// Zeros, shaped like the parameters of `stack`.
    public init(_ stack: ResidualStack) {
        let width = stack.width, depth = stack.blocks.count
        // Each matrix its own storage: shared storage would be copied on the first write.
        inner = (0..<depth).map { _ in Matrix(rows: width, columns: width) }
        outer = (0..<depth).map { _ in Matrix(rows: width, columns: width) }
        scales = [Float](repeating: 0, count: depth)
        gains = (0..<depth).map { _ in [Float](repeating: 0, count: width) }
    }
}
