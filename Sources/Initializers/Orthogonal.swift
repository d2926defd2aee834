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
    /// `correctingSigns: false` leaves Q as Householder QR returns it, for the experiment that
    /// shows why the correction is there. `progress` is told the fraction of the work done.
    static func fill(
        _ weights: UnsafeMutableBufferPointer<Float>, rows: Int, columns: Int, gain: Double, correctingSigns: Bool = true,
        using random: inout RandomSource, progress: (_ fraction: Double) -> Void = { _ in }
    ) {
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
        // The factorisation and the accumulation of Q take equal shares of the work.
        let phase = HouseholderQR.operations(rows: tall, columns: wide)
        let qr = HouseholderQR(columnMajor: gaussian, rows: tall, columns: wide) { progress($0 / (2 * phase)) }
        let q = qr.thinQ { progress(0.5 + $0 / (2 * phase)) }
        // Q is column-major tall × wide: a tall W is Q itself, a wide one is Qᵀ, whose rows are
        // Q's columns and so lie contiguously.
        for row in 0..<rows {
            for column in 0..<columns {
                let (j, index) = rows >= columns ? (column, column * tall + row) : (row, row * tall + column)
                let sign: Double = correctingSigns && qr.diagonalOfR[j] < 0 ? -1 : 1
                weights[row * columns + column] = Float(gain * sign * q[index])
            }
        }
    }
}

extension Rule {
    /// The floating-point operations of drawing a tensor of this shape, for the orthogonal rule,
    /// whose QR decomposition grows as rows × columns² (8n³/3 for a square n × n matrix); nil
    /// for every other rule, which takes a few operations a weight.
    public func operations(shape: [Int]) throws(ShapeError) -> Double? {
        guard id == .orthogonal else { return nil }
        let fans = try Fans(shape: shape)
        return 2 * HouseholderQR.operations(rows: max(shape[0], fans.fanIn), columns: min(shape[0], fans.fanIn))
    }

    /// The orthogonal rule's matrix without the sign correction: Q exactly as Householder QR
    /// returns it. Its first column is x/R₁₁ for the first Gaussian column x, with
    /// R₁₁ = −sign(x₁)‖x‖, so Q₁₁ = −|x₁|/‖x‖ is never positive and Q is not Haar distributed.
    /// From the same stream it factors the same Gaussian matrix as `Rule(.orthogonal)`, so the two
    /// differ only in the signs of Q's columns. Only the experiment that shows why the
    /// correction matters uses it.
    package static func uncorrectedOrthogonal(rows: Int, columns: Int, using random: inout RandomSource) -> Matrix {
        var weights = Matrix(rows: rows, columns: columns)
        weights.elements.withUnsafeMutableBufferPointer {
            Orthogonal.fill($0, rows: rows, columns: columns, gain: 1, correctingSigns: false, using: &random)
        }
        return weights
    }
}
