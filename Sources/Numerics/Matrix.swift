import CBLAS

/// A dense single-precision matrix in row-major order, as network weights and activations are
/// stored. A weight matrix has shape (fanOut, fanIn), as in PyTorch, so a pre-activation is
/// a = W x, and a batch of inputs stored as rows gives A = X Wᵀ.
public struct Matrix: Sendable, Hashable {
    public let rows: Int
    public let columns: Int
    /// The elements, row after row.
    public var elements: [Float]

    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must not be negative")
        self.rows = rows
        self.columns = columns
        elements = [Float](repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, elements: [Float]) {
        precondition(elements.count == rows * columns, "\(elements.count) elements do not fill \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    public subscript(row: Int, column: Int) -> Float {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    public var count: Int { rows * columns }
}

/// Whether a factor of a product enters as stored or transposed.
public enum Transpose: Sendable {
    case none
    case transposed

    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

extension Matrix {
    /// c ← alpha · op(a) · op(b) + beta · c, through the BLAS (sgemm). `c` must already have the
    /// product's shape; writing into it avoids an allocation per call in training loops.
    public static func multiply(
        _ a: Matrix, _ transposeA: Transpose = .none,
        _ b: Matrix, _ transposeB: Transpose = .none,
        into c: inout Matrix, alpha: Float = 1, beta: Float = 0
    ) {
        let (m, k) = transposeA == .none ? (a.rows, a.columns) : (a.columns, a.rows)
        let (kb, n) = transposeB == .none ? (b.rows, b.columns) : (b.columns, b.rows)
        precondition(k == kb, "inner dimensions differ: \(m)×\(k) times \(kb)×\(n)")
        precondition(c.rows == m && c.columns == n, "result is \(c.rows)×\(c.columns), product is \(m)×\(n)")
        guard m > 0, n > 0 else { return }
        if k == 0 {
            // sgemm with k = 0 leaves c untouched instead of scaling it by beta.
            for i in c.elements.indices { c.elements[i] *= beta }
            return
        }
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    cblas_sgemm(
                        CblasRowMajor, transposeA.cblas, transposeB.cblas,
                        Int32(m), Int32(n), Int32(k),
                        alpha, pa.baseAddress, Int32(max(a.columns, 1)),
                        pb.baseAddress, Int32(max(b.columns, 1)),
                        beta, pc.baseAddress, Int32(max(n, 1)))
                }
            }
        }
    }

    /// The product op(a) · op(b) in a new matrix.
    public static func product(
        _ a: Matrix, _ transposeA: Transpose = .none,
        _ b: Matrix, _ transposeB: Transpose = .none
    ) -> Matrix {
        let m = transposeA == .none ? a.rows : a.columns
        let n = transposeB == .none ? b.columns : b.rows
        var c = Matrix(rows: m, columns: n)
        multiply(a, transposeA, b, transposeB, into: &c)
        return c
    }
}
