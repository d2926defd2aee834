import Numerics
import Testing

@testable import Initializers

@Suite struct OrthogonalTests {
    /// W Wᵀ = gain² I for a wide or square W (orthonormal rows), Wᵀ W = gain² I for a tall one
    /// (orthonormal columns), to 1e-5: float32 storage leaves about 1e-7 per entry.
    @Test(arguments: [([48, 48], 1.0), ([64, 40], 1.5), ([40, 64], 2.0), ([16, 3, 3, 3], 1.0), ([8, 4, 5], 0.5)])
    func rowsOrColumnsAreOrthonormal(_ shape: [Int], _ gain: Double) throws {
        let tensor = try draw(try Rule(.orthogonal, gain: gain), shape: shape, seed: 11)
        let (rows, columns) = (tensor.rows, tensor.columns)
        let product =
            rows <= columns
            ? gram(tensor.elements, rows: rows, columns: columns)
            : gram(transpose(tensor.elements, rows: rows, columns: columns), rows: columns, columns: rows)
        let size = min(rows, columns)
        var largestError = 0.0
        for i in 0..<size {
            for j in 0..<size {
                largestError = max(largestError, abs(product[i * size + j] - (i == j ? gain * gain : 0)))
            }
        }
        #expect(largestError < 1e-5)
    }

    /// Every entry of a Haar orthogonal matrix has mean square 1/max(rows, columns), and the
    /// sum of squares of a semi-orthogonal matrix is exact, so the sample matches to float32.
    @Test(arguments: [[30, 30], [50, 20], [20, 50]])
    func varianceIsGainSquaredOverTheLargerSide(_ shape: [Int]) throws {
        let rule = try Rule(.orthogonal, gain: 1.5)
        let tensor = try draw(rule, shape: shape)
        let meanSquare = tensor.elements.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(tensor.elements.count)
        let expected = try #require(rule.variance(for: tensor.fans))
        #expect(abs(expected - 2.25 / Double(shape.max() ?? 1)) < 1e-15)
        #expect(abs(meanSquare - expected) < 1e-6)
    }

    /// Householder QR alone gives R a negative diagonal whenever the column's first entry is
    /// positive, so W₀₀ would (almost) never be positive. With Mezzadri's sign correction Q is
    /// Haar, symmetric under flipping any row: W₀₀ is positive in half the draws. Over 400 seeds
    /// the fraction has standard error √(1/4 / 400) = 0.025; the test allows 5 of them.
    @Test func signCorrectionMakesTheDiagonalUnbiased() throws {
        let rule = try Rule(.orthogonal)
        var positive = 0
        for seed in 1...400 {
            if try draw(rule, shape: [3, 3], seed: UInt64(seed)).elements[0] > 0 { positive += 1 }
        }
        #expect(abs(Double(positive) / 400 - 0.5) <= 5 * 0.025)
    }

    /// QR in Double reproduces A: Qᵀ A is upper triangular with R's diagonal, Q orthonormal;
    /// within one block of reflections, and across several (blocks of 32 columns).
    @Test(arguments: [(7, 4), (100, 70), (64, 64), (40, 33)])
    func householderFactorsTheMatrix(_ rows: Int, _ columns: Int) {
        var random = RandomSource(seed: 5)
        let a = (0..<(rows * columns)).map { _ in random.nextNormal() }
        let qr = HouseholderQR(columnMajor: a, rows: rows, columns: columns)
        let q = qr.thinQ()
        for i in 0..<columns {
            for j in 0..<columns {
                // (Qᵀ A)ᵢⱼ and (Qᵀ Q)ᵢⱼ, columns being contiguous.
                let r = (0..<rows).reduce(0.0) { $0 + q[i * rows + $1] * a[j * rows + $1] }
                let identity = (0..<rows).reduce(0.0) { $0 + q[i * rows + $1] * q[j * rows + $1] }
                #expect(abs(identity - (i == j ? 1 : 0)) < 1e-12)
                if i > j { #expect(abs(r) < 1e-12) }
                if i == j { #expect(abs(r - qr.diagonalOfR[i]) < 1e-12) }
            }
        }
    }
}
