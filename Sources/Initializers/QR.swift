/// The QR decomposition A = QR of a tall matrix (rows ≥ columns) by Householder reflections, in
/// Double: Q has orthonormal columns and R is upper triangular.
///
/// Each step reflects the rest of column j onto its first entry with H = I − 2vvᵀ (‖v‖ = 1),
/// choosing the reflection's sign so that no cancellation occurs; the diagonal of R therefore
/// takes either sign, which is what the orthogonal rule corrects.
struct HouseholderQR {
    let rows: Int
    let columns: Int
    /// Column-major, rows × columns: column j holds the unit reflector vⱼ in rows j..<rows.
    private var reflectors: [Double]
    /// R₀₀, R₁₁, …
    private(set) var diagonalOfR: [Double]

    /// The floating-point operations of the factorisation, and as many again of ``thinQ(progress:)``:
    /// step j reflects n − j columns of length m − j at four operations an entry (a dot
    /// product and an update), so each phase is 4 Σⱼ (m − j)(n − j) ≈ 2mn² − 2n³/3.
    static func operations(rows m: Int, columns n: Int) -> Double {
        let (m, n) = (Double(m), Double(n))
        return 4 * ((m - n) * n * (n + 1) / 2 + n * (n + 1) * (2 * n + 1) / 6)
    }

    /// Factors the column-major matrix `a`, telling `progress` the operations done so far.
    init(columnMajor a: [Double], rows: Int, columns: Int, progress: (_ operations: Double) -> Void = { _ in }) {
        self.rows = rows
        self.columns = columns
        var a = a
        var diagonal = [Double](repeating: 0, count: columns)
        a.withUnsafeMutableBufferPointer { a in
            for j in 0..<columns {
                let x = UnsafeMutableBufferPointer(rebasing: a[(j * rows + j)..<((j + 1) * rows)])
                var squaredNorm = 0.0
                for value in x { squaredNorm += value * value }
                let norm = squaredNorm.squareRoot()
                let alpha = x[x.startIndex] > 0 ? -norm : norm
                diagonal[j] = alpha
                // v = x − αe₁ has ‖v‖² = 2(‖x‖² − αx₀); a zero column leaves v = 0, H = I.
                let squaredLength = 2 * (squaredNorm - alpha * x[x.startIndex])
                x[x.startIndex] -= alpha
                let scale = squaredLength > 0 ? 1 / squaredLength.squareRoot() : 0
                for i in x.indices { x[i] *= scale }
                for c in (j + 1)..<columns {
                    Self.reflect(UnsafeMutableBufferPointer(rebasing: a[(c * rows + j)..<((c + 1) * rows)]), by: UnsafeBufferPointer(x))
                }
                progress(Self.operations(rows: rows, columns: columns) - Self.operations(rows: rows - j - 1, columns: columns - j - 1))
            }
        }
        reflectors = a
        diagonalOfR = diagonal
    }

    /// The first `columns` columns of Q = H₀H₁⋯, column-major rows × columns, accumulated from
    /// the last reflection back so that each touches only the columns it changes. `progress` is
    /// told the operations done so far.
    func thinQ(progress: (_ operations: Double) -> Void = { _ in }) -> [Double] {
        var q = [Double](repeating: 0, count: rows * columns)
        for j in 0..<columns { q[j * rows + j] = 1 }
        reflectors.withUnsafeBufferPointer { reflectors in
            q.withUnsafeMutableBufferPointer { q in
                for j in stride(from: columns - 1, through: 0, by: -1) {
                    let v = UnsafeBufferPointer(rebasing: reflectors[(j * rows + j)..<((j + 1) * rows)])
                    for c in j..<columns {
                        Self.reflect(UnsafeMutableBufferPointer(rebasing: q[(c * rows + j)..<((c + 1) * rows)]), by: v)
                    }
                    progress(Self.operations(rows: rows - j, columns: columns - j))
                }
            }
        }
        return q
    }

    /// y ← (I − 2vvᵀ) y.
    private static func reflect(_ y: UnsafeMutableBufferPointer<Double>, by v: UnsafeBufferPointer<Double>) {
        var dot = 0.0
        for i in 0..<v.count { dot += v[i] * y[i] }
        let twice = 2 * dot
        for i in 0..<v.count { y[i] -= twice * v[i] }
    }
}
