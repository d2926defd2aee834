import CBLAS

/// Products of row-major Double matrices through the BLAS (dgemm), for the quantities whose
/// rounding in Float would hide what is measured: the small singular values of a product of
/// many layers, or how far an orthogonal product is from an isometry.
public enum DoubleProducts {
    /// op(a) · b, with a of shape (m, k) (or (k, m) when `transposeA`), b of shape (k, n).
    public static func product(
        _ a: [Double], rows m: Int, inner k: Int, _ b: [Double], columns n: Int, transposeA: Bool = false
    ) -> [Double] {
        precondition(a.count == m * k && b.count == k * n, "shapes do not match: \(a.count) and \(b.count) for \(m)×\(k) times \(k)×\(n)")
        var c = [Double](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return c }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), 1, pa.baseAddress, Int32(transposeA ? m : k),
                        pb.baseAddress, Int32(n), 0, pc.baseAddress, Int32(n))
                }
            }
        }
        return c
    }

    /// The Gram matrix a·aᵀ (rows × rows) of a row-major (rows, columns) matrix, symmetric and
    /// filled in full.
    public static func gram(_ a: [Double], rows m: Int, columns k: Int) -> [Double] {
        precondition(a.count == m * k, "\(a.count) entries do not fill \(m)×\(k)")
        var c = [Double](repeating: 0, count: m * m)
        guard m > 0, k > 0 else { return c }
        a.withUnsafeBufferPointer { pa in
            c.withUnsafeMutableBufferPointer { pc in
                cblas_dgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(m), Int32(k),
                    1, pa.baseAddress, Int32(k), pa.baseAddress, Int32(k), 0, pc.baseAddress, Int32(m))
            }
        }
        return c
    }

    /// A column-major block of a larger array: `rows` × `columns` from `start`, each column
    /// `stride` entries after the last, so a factorisation can multiply parts of its matrix in place.
    public struct Block {
        public var start: UnsafeMutablePointer<Double>
        public var rows: Int
        public var columns: Int
        public var stride: Int

        public init(_ start: UnsafeMutablePointer<Double>, rows: Int, columns: Int, stride: Int) {
            self.start = start
            self.rows = rows
            self.columns = columns
            self.stride = stride
        }
    }

    /// c ← α·op(a)·op(b) + β·c on column-major blocks, for the blocked Householder QR's
    /// level-3 steps.
    public static func multiply(
        _ a: Block, transposeA: Bool, _ b: Block, transposeB: Bool, into c: Block, alpha: Double = 1, beta: Double = 0
    ) {
        let inner = transposeA ? a.rows : a.columns
        precondition(
            (transposeA ? a.columns : a.rows) == c.rows && (transposeB ? b.rows : b.columns) == c.columns
                && (transposeB ? b.columns : b.rows) == inner,
            "block shapes do not match")
        guard c.rows > 0, c.columns > 0 else { return }
        cblas_dgemm(
            CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(c.rows), Int32(c.columns), Int32(inner), alpha, a.start, Int32(max(a.stride, 1)), b.start,
            Int32(max(b.stride, 1)), beta, c.start, Int32(max(c.stride, 1)))
    }
}
