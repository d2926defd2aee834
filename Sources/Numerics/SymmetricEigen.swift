import Foundation

/// The eigenvalues of a real symmetric matrix, in Double: Householder reduction to a tridiagonal
/// matrix, then the implicit QL method with Wilkinson's shift on that (as in Numerical Recipes'
/// `tred2` and `tqli`, and LAPACK's `dsytrd` and `dsterf`, without the eigenvectors).
///
/// Step k reflects row and column k below the diagonal onto one entry with H = I − 2vvᵀ; as a
/// similarity, H·A·H keeps the eigenvalues, and with p = Av and q = 2p − 2(vᵀp)v it is
/// A − vqᵀ − qvᵀ, about 2n³ operations in all. A QL step with a shift is a chain of plane
/// rotations along the tridiagonal, O(n) each; the shift from the leading 2 × 2 block makes an
/// off-diagonal entry vanish in two or three steps, so the whole is O(n²) after the reduction,
/// where the cyclic Jacobi method takes about 3n³ a sweep, over six to ten sweeps.
/// Accuracy: each eigenvalue to a few units of rounding times the largest |λ|, as Jacobi gave
/// for the Gram matrices it is used on (forming JJᵀ already costs that much). Only the upper
/// triangle is read.
public enum SymmetricEigen {
    /// Thrown when the QL steps do not converge, which for finite input does not happen in
    /// practice.
    public struct NotConverged: Error, Sendable {
        public let iterations: Int
    }

    /// The eigenvalues of the symmetric n × n matrix stored row-major in `matrix` (only the upper
    /// triangle is read), in increasing order.
    /// - Throws: ``NotConverged`` after `maximumIterations` QL steps for one eigenvalue, or when
    ///   an entry is not finite.
    public static func eigenvalues(_ matrix: [Double], order n: Int, maximumIterations: Int = 60) throws(NotConverged) -> [Double] {
        precondition(n >= 0 && matrix.count == n * n, "\(matrix.count) entries do not fill \(n)×\(n)")
        guard matrix.allSatisfy(\.isFinite) else { throw NotConverged(iterations: 0) }
        var (diagonal, offDiagonal) = tridiagonal(matrix, order: n)
        try ql(&diagonal, &offDiagonal, maximumIterations: maximumIterations)
        return diagonal.sorted()
    }

    /// The diagonal and the off-diagonal (entry i couples i and i + 1; the last is 0) of a
    /// tridiagonal matrix similar to the symmetric one given by its upper triangle.
    static func tridiagonal(_ matrix: [Double], order n: Int) -> (diagonal: [Double], offDiagonal: [Double]) {
        var a = matrix
        for i in 0..<n { for j in 0..<i { a[i * n + j] = a[j * n + i] } }
        var diagonal = [Double](repeating: 0, count: n)
        var offDiagonal = [Double](repeating: 0, count: n)
        var v = [Double](repeating: 0, count: n), q = [Double](repeating: 0, count: n)
        a.withUnsafeMutableBufferPointer { a in
            for k in 0..<max(0, n - 2) {
                diagonal[k] = a[k * n + k]
                // x = A[k+1..<n, k], read from row k (A is kept symmetric in full).
                var tail = 0.0
                for j in (k + 2)..<n { tail += a[k * n + j] * a[k * n + j] }
                let first = a[k * n + k + 1]
                guard tail > 0 else {
                    offDiagonal[k] = first
                    continue
                }
                let norm = (first * first + tail).squareRoot()
                let alpha = first > 0 ? -norm : norm
                offDiagonal[k] = alpha
                // v = (x − αe₁)/‖x − αe₁‖, over the indices k+1..<n.
                let length = (2 * (norm * norm - alpha * first)).squareRoot()
                v[k + 1] = (first - alpha) / length
                for j in (k + 2)..<n { v[j] = a[k * n + j] / length }
                var vp = 0.0
                for i in (k + 1)..<n {
                    var sum = 0.0
                    for j in (k + 1)..<n { sum += a[i * n + j] * v[j] }
                    q[i] = 2 * sum
                    vp += v[i] * sum
                }
                for i in (k + 1)..<n { q[i] -= 2 * vp * v[i] }
                for i in (k + 1)..<n {
                    let (vi, qi) = (v[i], q[i])
                    for j in (k + 1)..<n { a[i * n + j] -= vi * q[j] + qi * v[j] }
                }
            }
            if n >= 2 {
                diagonal[n - 2] = a[(n - 2) * n + n - 2]
                offDiagonal[n - 2] = a[(n - 2) * n + n - 1]
            }
            if n >= 1 { diagonal[n - 1] = a[n * n - 1] }
        }
        return (diagonal, offDiagonal)
    }

    /// The implicit QL method with Wilkinson's shift: the diagonal becomes the eigenvalues.
    static func ql(_ d: inout [Double], _ e: inout [Double], maximumIterations: Int) throws(NotConverged) {
        let n = d.count
        for l in 0..<n {
            var iterations = 0
            while true {
                // The first negligible off-diagonal entry from l on splits the matrix there.
                var m = l
                while m < n - 1 {
                    let scale = abs(d[m]) + abs(d[m + 1])
                    if abs(e[m]) + scale == scale { break }
                    m += 1
                }
                if m == l { break }
                iterations += 1
                guard iterations <= maximumIterations else { throw NotConverged(iterations: iterations) }
                var g = (d[l + 1] - d[l]) / (2 * e[l])
                var r = (g * g + 1).squareRoot()
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r))
                var s = 1.0, c = 1.0, p = 0.0
                var i = m - 1
                var underflow = false
                while i >= l {
                    let f = s * e[i], b = c * e[i]
                    r = (f * f + g * g).squareRoot()
                    e[i + 1] = r
                    if r == 0 {
                        // The rotation vanished: the entry below has split off; start again.
                        d[i + 1] -= p
                        e[m] = 0
                        underflow = true
                        break
                    }
                    s = f / r
                    c = g / r
                    g = d[i + 1] - p
                    r = (d[i] - g) * s + 2 * c * b
                    p = s * r
                    d[i + 1] = g + p
                    g = c * r - b
                    i -= 1
                }
                if underflow { continue }
                d[l] -= p
                e[l] = g
                e[m] = 0
            }
        }
    }
}
