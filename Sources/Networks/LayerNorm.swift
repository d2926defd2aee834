import Numerics

/// Layer normalisation of each sample (Ba et al. 2016), y = (x − μ)/√(σ² + ε) with the mean
/// and biased variance over the sample's own units. Its gain and bias, which start at 1 and 0,
/// are left out: at initialisation they do nothing, and the residual experiments stop there.
/// Unlike batch normalisation, it does the same in training and inference.
public enum LayerNorm {
    /// ε in √(σ² + ε), PyTorch's default.
    public static let epsilon: Float = 1e-5

    /// Each row of `input` normalised into the same row of `output`; 1/√(σ² + ε) of each row goes
    /// to `inverseStandardDeviations`, which the backward pass needs.
    static func normalizeRows(_ input: Matrix, into output: inout Matrix, inverseStandardDeviations: inout [Float]) {
        precondition(output.rows == input.rows && output.columns == input.columns && inverseStandardDeviations.count == input.rows)
        let columns = input.columns, count = Float(columns)
        input.elements.withUnsafeBufferPointer { x in
            output.elements.withUnsafeMutableBufferPointer { y in
                for row in 0..<input.rows {
                    let start = row &* columns
                    var sum: Float = 0
                    for column in 0..<columns { sum += x[start &+ column] }
                    let mean = sum / count
                    // Two passes, as in BatchNorm: no cancellation in E[x²] − E[x]².
                    var squares: Float = 0
                    for column in 0..<columns {
                        let deviation = x[start &+ column] - mean
                        squares += deviation * deviation
                    }
                    let inverse = 1 / (squares / count + epsilon).squareRoot()
                    inverseStandardDeviations[row] = inverse
                    for column in 0..<columns { y[start &+ column] = (x[start &+ column] - mean) * inverse }
                }
            }
        }
    }

    /// ∂L/∂x from ∂L/∂y, row by row: with s = 1/√(σ² + ε), y = (x − μ)s and n units,
    /// ∂y_j/∂x_i = s(δ_ij − 1/n − y_i y_j/n), so ∂L/∂x = s(∂L/∂y − mean(∂L/∂y) − y·mean(∂L/∂y ⊙ y)).
    static func backpropagateRows(
        _ outputGradient: Matrix, normalized: Matrix, inverseStandardDeviations: [Float], into inputGradient: inout Matrix
    ) {
        precondition(inputGradient.rows == outputGradient.rows && inputGradient.columns == outputGradient.columns)
        let columns = outputGradient.columns, count = Float(columns)
        outputGradient.elements.withUnsafeBufferPointer { dy in
            normalized.elements.withUnsafeBufferPointer { y in
                inputGradient.elements.withUnsafeMutableBufferPointer { dx in
                    for row in 0..<outputGradient.rows {
                        let start = row &* columns
                        var sum: Float = 0, projection: Float = 0
                        for column in 0..<columns {
                            sum += dy[start &+ column]
                            projection += dy[start &+ column] * y[start &+ column]
                        }
                        let mean = sum / count, meanProjection = projection / count, s = inverseStandardDeviations[row]
                        for column in 0..<columns {
                            dx[start &+ column] = s * (dy[start &+ column] - mean - y[start &+ column] * meanProjection)
                        }
                    }
                }
            }
        }
    }
}
