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

    /// A = X Wᵀ + b.
    func forward(_ input: Matrix, into preActivations: inout Matrix) {
        Matrix.multiply(input, .none, weights, .transposed, into: &preActivations)
        if !bias.isEmpty { preActivations.addToEachRow(bias) }
    }

    /// dW = dAᵀ X and db = column sums of dA.
    func parameterGradients(outputGradient: Matrix, input: Matrix, weights weightGradient: inout Matrix, bias biasGradient: inout [Float]) {
        Matrix.multiply(outputGradient, .transposed, input, .none, into: &weightGradient)
        if !bias.isEmpty { outputGradient.sumColumns(into: &biasGradient) }
    }

    /// dX = dA W.
    func inputGradient(outputGradient: Matrix, into inputGradient: inout Matrix) {
        Matrix.multiply(outputGradient, .none, weights, .none, into: &inputGradient)
    }
}
