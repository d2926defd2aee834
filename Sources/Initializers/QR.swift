import Numerics

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

    /// Reflections are gathered in blocks of this many columns: each reflection is applied at
    /// once only within its block, and a block reaches the rest of the matrix as one block
    /// reflector through the BLAS (Schreiber & Van Loan's compact WY form), which is where
    /// almost all the operations are.
    static let blockSize = 32

    /// Factors the column-major matrix `a`, telling `progress` the operations done so far.
    init(columnMajor a: [Double], rows: Int, columns: Int, progress: (_ operations: Double) -> Void = { _ in }) {
        self.rows = rows
        self.columns = columns
        var a = a
        var diagonal = [Double](repeating: 0, count: columns)
        a.withUnsafeMutableBufferPointer { a in
            for start in stride(from: 0, to: columns, by: Self.blockSize) {
                let end = min(columns, start + Self.blockSize)
                for j in start..<end {
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
                    for c in (j + 1)..<end {
                        Self.reflect(UnsafeMutableBufferPointer(rebasing: a[(c * rows + j)..<((c + 1) * rows)]), by: UnsafeBufferPointer(x))
                    }
                }
                if end < columns, let base = a.baseAddress {
                    // The rest of the matrix takes H_{end−1}⋯H_start = (H_start⋯H_{end−1})ᵀ.
                    BlockReflector(UnsafePointer(base), rows: rows, start: start, end: end).apply(
                        to: DoubleProducts.Block(base + end * rows + start, rows: rows - start, columns: columns - end, stride: rows),
                        transposed: true)
                }
                progress(Self.operations(rows: rows, columns: columns) - Self.operations(rows: rows - end, columns: columns - end))
            }
        }
        reflectors = a
        diagonalOfR = diagonal
    }

    /// The first `columns` columns of Q = H₀H₁⋯, column-major rows × columns, accumulated from
    /// the last block back so that each touches only the columns it changes (the columns before
    /// a block are still those of the identity there, which its reflections leave alone).
    /// `progress` is told the operations done so far.
    func thinQ(progress: (_ operations: Double) -> Void = { _ in }) -> [Double] {
        var q = [Double](repeating: 0, count: rows * columns)
        for j in 0..<columns { q[j * rows + j] = 1 }
        reflectors.withUnsafeBufferPointer { reflectors in
            q.withUnsafeMutableBufferPointer { q in
                guard let reflectors = reflectors.baseAddress, let q = q.baseAddress else { return }
                for start in stride(from: 0, to: columns, by: Self.blockSize).reversed() {
                    let end = min(columns, start + Self.blockSize)
                    BlockReflector(reflectors, rows: rows, start: start, end: end).apply(
                        to: DoubleProducts.Block(q + start * rows + start, rows: rows - start, columns: columns - start, stride: rows),
                        transposed: false)
                    progress(Self.operations(rows: rows - start, columns: columns - start))
                }
            }
        }
        return q
    }

    /// H_start⋯H_{end−1} = I − V T Vᵀ: V holds the unit reflectors in its columns (zeros above
    /// each one's first row, rows from `start` on), T is upper triangular. With every H = I − 2vvᵀ,
    /// T grows a column at a time: T_jj = 2 and T_{0..<j, j} = −2 T_{0..<j, 0..<j} Vᵀv_j.
    private struct BlockReflector {
        let height: Int
        let count: Int
        var v: [Double]
        var t: [Double]

        init(_ reflectors: UnsafePointer<Double>, rows: Int, start: Int, end: Int) {
            height = rows - start
            count = end - start
            var v = [Double](repeating: 0, count: height * count)
            for k in 0..<count {
                let column = reflectors + (start + k) * rows + start
                for i in k..<height { v[k * height + i] = column[i] }
            }
            var gram = [Double](repeating: 0, count: count * count)
            var t = [Double](repeating: 0, count: count * count)
            let (height, count) = (height, count)
            v.withUnsafeMutableBufferPointer { v in
                gram.withUnsafeMutableBufferPointer { gram in
                    guard let v = v.baseAddress, let g = gram.baseAddress else { return }
                    let block = DoubleProducts.Block(v, rows: height, columns: count, stride: height)
                    DoubleProducts.multiply(
                        block, transposeA: true, block, transposeB: false,
                        into: DoubleProducts.Block(g, rows: count, columns: count, stride: count))
                }
            }
            for j in 0..<count {
                t[j * count + j] = 2
                for i in 0..<j {
                    var sum = 0.0
                    for l in i..<j { sum += t[l * count + i] * gram[j * count + l] }
                    t[j * count + i] = -2 * sum
                }
            }
            self.v = v
            self.t = t
        }

        /// c ← (I − V T Vᵀ) c, or (I − V Tᵀ Vᵀ) c when `transposed`, for c of `height` rows.
        func apply(to c: DoubleProducts.Block, transposed: Bool) {
            guard c.columns > 0, count > 0 else { return }
            var w = [Double](repeating: 0, count: count * c.columns)
            var tw = w
            v.withUnsafeBufferPointer { v in
                t.withUnsafeBufferPointer { t in
                    w.withUnsafeMutableBufferPointer { w in
                        tw.withUnsafeMutableBufferPointer { tw in
                            guard let v = v.baseAddress, let t = t.baseAddress, let w = w.baseAddress, let tw = tw.baseAddress else {
                                return
                            }
                            // The BLAS only reads V and T.
                            let reflectors = DoubleProducts.Block(
                                UnsafeMutablePointer(mutating: v), rows: height, columns: count, stride: height)
                            let triangle = DoubleProducts.Block(
                                UnsafeMutablePointer(mutating: t), rows: count, columns: count, stride: count)
                            let first = DoubleProducts.Block(w, rows: count, columns: c.columns, stride: count)
                            let second = DoubleProducts.Block(tw, rows: count, columns: c.columns, stride: count)
                            DoubleProducts.multiply(reflectors, transposeA: true, c, transposeB: false, into: first)
                            DoubleProducts.multiply(triangle, transposeA: transposed, first, transposeB: false, into: second)
                            DoubleProducts.multiply(reflectors, transposeA: false, second, transposeB: false, into: c, alpha: -1, beta: 1)
                        }
                    }
                }
            }
        }
    }

    /// y ← (I − 2vvᵀ) y.
    private static func reflect(_ y: UnsafeMutableBufferPointer<Double>, by v: UnsafeBufferPointer<Double>) {
        var dot = 0.0
        for i in 0..<v.count { dot += v[i] * y[i] }
        let twice = 2 * dot
        for i in 0..<v.count { y[i] -= twice * v[i] }
    }
}
