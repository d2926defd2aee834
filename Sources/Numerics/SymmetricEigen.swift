import Foundation

/// The eigenvalues of a real symmetric matrix by the cyclic Jacobi method, in Double.
///
/// Each step picks an off-diagonal pair (p, q) and applies the plane rotation J that zeroes
/// A[p][q] in JᵀAJ. A rotation changes only rows and columns p and q, keeps the matrix symmetric
/// and keeps its eigenvalues and its Frobenius norm; the sum of squares of the off-diagonal
/// entries falls by exactly 2·A[p][q]² each time. Sweeping over every pair in row order
/// (a cyclic sweep) drives the off-diagonal part to zero, quadratically once it is small, and the
/// diagonal converges to the eigenvalues. Typical matrices need 6 to 10 sweeps.
///
/// The details follow Rutishauser's formulation (as in Numerical Recipes' `jacobi`): the angle
/// from t = tan θ chosen as the smaller root, so |θ| ≤ π/4 and the rotation is close to the
/// identity; the diagonal updated by ±t·A[p][q] with the changes accumulated separately per
/// sweep, which keeps rounding low; during the first three sweeps, only entries above a
/// threshold are rotated; later, entries too small to change the diagonal in floating point
/// are set to zero. Cost: about 3n³ operations per sweep. Only the upper triangle is read.
public enum SymmetricEigen {
    /// Thrown when the sweeps do not converge, which for finite input does not happen in practice.
    public struct NotConverged: Error, Sendable {
        public let sweeps: Int
    }

    /// The eigenvalues of the symmetric n × n matrix stored row-major in `matrix` (only the upper
    /// triangle is read), in increasing order.
    /// - Throws: ``NotConverged`` after `maximumSweeps` sweeps, or when an entry is not finite.
    public static func eigenvalues(_ matrix: [Double], order n: Int, maximumSweeps: Int = 60) throws(NotConverged) -> [Double] {
        precondition(n >= 0 && matrix.count == n * n, "\(matrix.count) entries do not fill \(n)×\(n)")
        guard matrix.allSatisfy(\.isFinite) else { throw NotConverged(sweeps: 0) }
        var a = matrix
        var diagonal = (0..<n).map { a[$0 * n + $0] }
        var sweepStart = diagonal
        var change = [Double](repeating: 0, count: n)
        var converged = n <= 1
        a.withUnsafeMutableBufferPointer { a in
            for sweep in 1...maximumSweeps where !converged {
                var offDiagonal = 0.0
                for p in 0..<n { for q in (p + 1)..<n { offDiagonal += abs(a[p * n + q]) } }
                if offDiagonal == 0 { converged = true; break }
                let threshold = sweep < 4 ? 0.2 * offDiagonal / Double(n * n) : 0
                for p in 0..<(n - 1) {
                    for q in (p + 1)..<n {
                        let apq = a[p * n + q]
                        let g = 100 * abs(apq)
                        // After a few sweeps an entry this small cannot move either diagonal
                        // entry: drop it rather than rotate.
                        if sweep > 4 && abs(diagonal[p]) + g == abs(diagonal[p]) && abs(diagonal[q]) + g == abs(diagonal[q]) {
                            a[p * n + q] = 0
                            continue
                        }
                        guard abs(apq) > threshold else { continue }
                        let h = diagonal[q] - diagonal[p]
                        let t: Double
                        if abs(h) + g == abs(h) {
                            t = apq / h
                        } else {
                            let theta = 0.5 * h / apq
                            let root = 1 / (abs(theta) + (1 + theta * theta).squareRoot())
                            t = theta < 0 ? -root : root
                        }
                        let c = 1 / (1 + t * t).squareRoot()
                        let s = t * c
                        let tau = s / (1 + c)
                        let shift = t * apq
                        change[p] -= shift
                        change[q] += shift
                        diagonal[p] -= shift
                        diagonal[q] += shift
                        a[p * n + q] = 0
                        // Rotate the rest of rows and columns p and q, reading the upper triangle
                        // only: (j, p)/(j, q) above p, (p, j)/(j, q) between, (p, j)/(q, j) after q.
                        for j in 0..<p { rotate(a, j * n + p, j * n + q, s, tau) }
                        for j in (p + 1)..<q { rotate(a, p * n + j, j * n + q, s, tau) }
                        for j in (q + 1)..<n { rotate(a, p * n + j, q * n + j, s, tau) }
                    }
                }
                for i in 0..<n {
                    sweepStart[i] += change[i]
                    diagonal[i] = sweepStart[i]
                    change[i] = 0
                }
            }
        }
        guard converged else { throw NotConverged(sweeps: maximumSweeps) }
        return diagonal.sorted()
    }

    @inline(__always)
    private static func rotate(_ a: UnsafeMutableBufferPointer<Double>, _ i: Int, _ k: Int, _ s: Double, _ tau: Double) {
        let g = a[i], h = a[k]
        a[i] = g - s * (h + g * tau)
        a[k] = h + s * (g - h * tau)
    }
}
