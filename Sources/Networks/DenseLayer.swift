import Numerics

/// A fully connected layer, A = X Wᵀ + b on a batch X stored one sample per row, with W of
/// shape (fan_out, fan_in) as in PyTorch.
public struct DenseLayer: Sendable, Hashable {
    /// W, (fan_out, fan_in).
    public var weights: Matrix
    /// One entry per output unit, or none when batch normalisation follows.
    public var bias: [Float]

    init(fanIn: Int, fanOut: Int, hasBias: Bool) {
        weights = Matrix(rows: fanOut, columns: fanIn)
        bias = hasBias ? [Float](repeating: 0, count: fanOut) : []
    }

    public var fanIn: Int { weights.columns }
    public var fanOut: Int { weights.rows }

    /// A = X Wᵀ, without the bias: a hidden layer's bias is added in the pass of its units
    /// (``LayerWorkspace/activate(_:bias:)``), the output layer's by ``Network/forward(_:mode:)``.
    func multiply(_ input: Matrix, into preActivations: inout Matrix) {
        Matrix.multiply(input, .none, weights, .transposed, into: &preActivations)
    }

    /// dW = dAᵀ X. The bias's gradient, the column sums of dA, comes from the pass through the
    /// units, or from ``Matrix/sumColumns(into:)`` for the output layer.
    func weightGradient(outputGradient: Matrix, input: Matrix, into weightGradient: inout Matrix) {
        Matrix.multiply(outputGradient, .transposed, input, .none, into: &weightGradient)
    }

    /// dX = dA W.
    func inputGradient(outputGradient: Matrix, into inputGradient: inout Matrix) {
        Matrix.multiply(outputGradient, .none, weights, .none, into: &inputGradient)
    }
}
