import Numerics

/// Martens' (2010) sparse initialisation: each unit gets a fixed number of nonzero incoming
/// weights, so its input neither fades as the layer widens nor saturates, while the units still
/// differ from each other.
enum Sparse {
    /// Fills a (rows, columns) row-major matrix, each row being one unit's incoming weights:
    /// `nonzeros` positions per row chosen uniformly, filled from `values`, zeros elsewhere.
    static func fill(
        _ weights: UnsafeMutableBufferPointer<Float>, rows: Int, columns: Int, nonzeros: Int,
        values: WeightDistribution, using random: inout RandomSource
    ) {
        weights.update(repeating: 0)
        var positions = Array(0..<columns)
        var drawn = [Float](repeating: 0, count: nonzeros)
        for row in 0..<rows {
            // A partial Fisher–Yates shuffle: the first k positions become a uniform random
            // k-subset whatever order the previous rows left them in, so nothing is reset.
            for j in 0..<nonzeros {
                positions.swapAt(j, Int.random(in: j..<columns, using: &random))
            }
            drawn.withUnsafeMutableBufferPointer { values.fill($0, using: &random) }
            for j in 0..<nonzeros {
                weights[row * columns + positions[j]] = drawn[j]
            }
        }
    }
}
