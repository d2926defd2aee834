import Numerics

/// Saxe et al.'s (2014) orthogonal initialisation: a random (semi-)orthogonal matrix times the
/// gain, so a deep linear network preserves the norm of every input direction.
enum Orthogonal {
    /// Fills a (rows, columns) row-major matrix with gain · Q: orthonormal columns when
    /// rows ≥ columns, orthonormal rows otherwise.
    ///
    /// Q comes from the QR decomposition of a tall Gaussian matrix. QR alone is not uniformly
    /// (Haar) distributed: the signs on the diagonal of R depend on the algorithm. Multiplying
    /// column j of Q by sign(Rⱼⱼ) makes the decomposition the unique one with a positive
    /// diagonal, whose Q is Haar (Mezzadri 2007, math-ph/0609050), as PyTorch, Keras, JAX and
    /// Flux do.
    static func fill(_ weights: UnsafeMutableBufferPointer<Float>, rows: Int, columns: Int, gain: Double, using random: inout RandomSource) {
        let tall = max(rows, columns)
        let wide = min(rows, columns)
        var gaussian = [Double](repeating: 0, count: tall * wide)
        var i = 0
        while i < gaussian.count {
            let (z0, z1) = random.nextNormalPair()
            gaussian[i] = z0
            if i + 1 < gaussian.count { gaussian[i + 1] = z1 }
            i += 2
        }
        let qr = HouseholderQR(columnMajor: gaussian, rows: tall, columns: wide)
        let q = qr.thinQ()
        // Q is column-major tall × wide: a tall W is Q itself, a wide one is Qᵀ, whose rows are
        // Q's columns and so lie contiguously.
        for row in 0..<rows {
            for column in 0..<columns {
                let (j, index) = rows >= columns ? (column, column * tall + row) : (row, row * tall + column)
                let sign: Double = qr.diagonalOfR[j] < 0 ? -1 : 1
                weights[row * columns + column] = Float(gain * sign * q[index])
            }
        }
    }
}
