import Numerics

/// Every buffer one forward and backward pass through a ``ResidualStack`` needs, for one batch
/// size, allocated once: a pass allocates nothing. After a forward pass it holds each block's
/// input and its branch's values; after a backward pass, ∂L/∂x at the stack's input.
public struct ResidualWorkspace: Sendable {
    public let batchSize: Int
    /// x_l, the input of block l, one sample per row; x_L after the last block. Entry 0 is the
    /// stack's input, which the caller fills.
    public internal(set) var streams: [Matrix]
    /// The stack's output: x_L, or LN(x_L) for pre-normalisation.
    public var outputs: Matrix {
        normalizedOutput.count > 0 ? normalizedOutput : streams[streams.count - 1]
    }
    /// ∂L/∂(outputs), which the caller fills (``fillOutputGradients(_:)``) before the backward pass.
    public internal(set) var outputGradients: Matrix
    /// ∂L/∂x_l of every block's input after a backward pass, entry L the stack's output's.
    public internal(set) var streamGradients: [Matrix]

    /// With pre-normalisation, LN(x_l), the branch's input; empty otherwise (the branch reads x_l).
    public internal(set) var branchInputs: [Matrix]
    /// With post-normalisation, x_l + α γ ⊙ F before its normalisation; empty otherwise.
    var sums: [Matrix]
    /// 1/√(σ² + ε) of each row of each block's normalisation.
    var inverseStandardDeviations: [[Float]]
    /// With pre-normalisation, LN(x_L) and its 1/√(σ² + ε).
    var normalizedOutput: Matrix
    var outputInverseStandardDeviations: [Float]
    /// W₁ z, then ReLU of it, then the branch F = W₂ ReLU(W₁ z) (before α and γ), of each block.
    public internal(set) var hiddenPreActivations: [Matrix]
    public internal(set) var hidden: [Matrix]
    public internal(set) var branches: [Matrix]
    /// Scratch of the backward pass: ∂L/∂(x + αγ ⊙ F), ∂L/∂F, ∂L/∂(hidden), ∂L/∂z.
    var sumGradient: Matrix
    var branchGradient: Matrix
    var hiddenGradient: Matrix
    var branchInputGradient: Matrix

    public init(_ stack: ResidualStack, batchSize: Int) {
        precondition(batchSize >= 1, "a batch needs at least one sample")
        self.batchSize = batchSize
        let width = stack.width, depth = stack.blocks.count
        func matrices(_ count: Int) -> [Matrix] { (0..<count).map { _ in Matrix(rows: batchSize, columns: width) } }
        func matrix(if present: Bool) -> Matrix { present ? Matrix(rows: batchSize, columns: width) : Matrix(rows: 0, columns: 0) }
        streams = matrices(depth + 1)
        streamGradients = matrices(depth + 1)
        outputGradients = matrix(if: true)
        branchInputs = stack.normalization == .pre ? matrices(depth) : []
        sums = stack.normalization == .post ? matrices(depth) : []
        let normalized = stack.normalization != .none
        inverseStandardDeviations = (0..<depth).map { _ in [Float](repeating: 0, count: normalized ? batchSize : 0) }
        normalizedOutput = matrix(if: stack.normalization == .pre)
        outputInverseStandardDeviations = [Float](repeating: 0, count: stack.normalization == .pre ? batchSize : 0)
        hiddenPreActivations = matrices(depth)
        hidden = matrices(depth)
        branches = matrices(depth)
        sumGradient = matrix(if: true)
        branchGradient = matrix(if: true)
        hiddenGradient = matrix(if: true)
        branchInputGradient = matrix(if: true)
    }

    /// Lets `body` fill the stack's input, x₀, one sample per row, in place.
    public mutating func fillInputs(_ body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        streams[0].elements.withUnsafeMutableBufferPointer { body($0) }
    }

    /// Lets `body` fill ∂L/∂(outputs) in place, before the backward pass.
    public mutating func fillOutputGradients(_ body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        outputGradients.elements.withUnsafeMutableBufferPointer { body($0) }
    }
}
