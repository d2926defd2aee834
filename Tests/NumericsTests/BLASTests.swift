import Dispatch
import Testing

@testable import Numerics

/// The BLAS the build links (Sources/CBLAS), checked against a reference product in Double at
/// the shapes the experiments use and at ragged ones that reach the kernels' edge cases.
@Suite struct BLASTests {
    static let shapes = [(1, 1, 1), (3, 5, 7), (17, 33, 65), (128, 256, 256), (256, 256, 128), (128, 9, 256), (130, 70, 1100)]
    static let transposes = [(Transpose.none, Transpose.none), (.none, .transposed), (.transposed, .none), (.transposed, .transposed)]

    func random(_ rows: Int, _ columns: Int, _ source: inout RandomSource) -> Matrix {
        var m = Matrix(rows: rows, columns: columns)
        m.elements.withUnsafeMutableBufferPointer { source.fillUniform($0, low: -1, high: 1) }
        return m
    }

    @Test(arguments: shapes, transposes)
    func sgemmIsWithinTheRoundingBoundOfTheExactProduct(_ shape: (Int, Int, Int), _ transposes: (Transpose, Transpose)) {
        let (m, n, k) = shape, (ta, tb) = transposes
        var source = RandomSource(seed: UInt64(m * 1_000_003 + n * 1009 + k))
        let a = ta == .none ? random(m, k, &source) : random(k, m, &source)
        let b = tb == .none ? random(k, n, &source) : random(n, k, &source)
        let start = random(m, n, &source)
        var c = start
        let (alpha, beta): (Float, Float) = (0.75, -1.5)
        Matrix.multiply(a, ta, b, tb, into: &c, alpha: alpha, beta: beta)
        // In any order of summation, a Float dot product of length k is off by at most
        // γ_k·Σ|a_ip·b_pj|, γ_k = k·u/(1 − k·u), u = 2⁻²⁴ (Higham, Accuracy and Stability of
        // Numerical Algorithms, §3.1); scaling by alpha and adding beta·c take two roundings more.
        let u = Double(Float.ulpOfOne) / 2, gamma = Double(k + 2) * u / (1 - Double(k + 2) * u)
        var worst = 0.0
        for i in 0..<m {
            for j in 0..<n {
                var exact = 0.0, magnitude = 0.0
                for p in 0..<k {
                    let x = Double(ta == .none ? a[i, p] : a[p, i]), y = Double(tb == .none ? b[p, j] : b[j, p])
                    exact += x * y
                    magnitude += abs(x * y)
                }
                let expected = Double(alpha) * exact + Double(beta) * Double(start[i, j])
                let bound = gamma * (Double(abs(alpha)) * magnitude + Double(abs(beta) * abs(start[i, j])))
                worst = max(worst, abs(Double(c[i, j]) - expected) / bound)
            }
        }
        #expect(worst <= 1, "worst error \(worst) times the bound for \(m)×\(n)×\(k) \(ta) \(tb)")
    }

    @Test func dgemmMatchesTheDefinition() {
        var source = RandomSource(seed: 3)
        let (m, k, n) = (19, 300, 23)
        let a = (0..<m * k).map { _ in source.nextUnit() * 2 - 1 }, b = (0..<k * n).map { _ in source.nextUnit() * 2 - 1 }
        let c = DoubleProducts.product(a, rows: m, inner: k, b, columns: n)
        for i in 0..<m {
            for j in 0..<n {
                let exact = (0..<k).reduce(0.0) { $0 + a[i * k + $1] * b[$1 * n + j] }
                #expect(abs(c[i * n + j] - exact) <= Double(k) * Double.ulpOfOne * Double(k))
            }
        }
    }

    @Test func productsAreTheSameBytesWhenComputedAgainOrSideBySide() {
        // The result cache and the determinism of the handout rest on this: one thread per call,
        // whatever else runs.
        var source = RandomSource(seed: 4)
        let a = random(128, 256, &source), b = random(256, 256, &source)
        let first = Matrix.product(a, .none, b, .transposed)
        let again = ParallelMap.map(Array(0..<8)) { _ in Matrix.product(a, .none, b, .transposed) }
        #expect(again.allSatisfy { $0.elements == first.elements })
    }

    @Test func identityNamesTheLibraryButNotTheKernel() {
        let identity = BLAS.identity
        #expect(identity.hasPrefix("OpenBLAS 0.3.31"), "\(identity)")
        #expect(identity.hasSuffix(" int32 pthreads"), "\(identity)")
        #expect(!BLAS.kernel.isEmpty)
        #expect(!identity.split(separator: " ").contains(Substring(BLAS.kernel)), "\(identity) names the kernel \(BLAS.kernel)")
    }
}
