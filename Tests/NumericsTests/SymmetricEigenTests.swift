import Foundation
import Testing

@testable import Numerics

@Suite struct SymmetricEigenTests {
    static func close(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    /// Q·diag(d)·Qᵀ for Q a product of three random Householder reflections: a symmetric matrix
    /// whose eigenvalues are exactly d, up to rounding.
    static func conjugated(_ d: [Double], random: inout RandomSource) -> [Double] {
        let n = d.count
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { a[i * n + i] = d[i] }
        for _ in 0..<3 {
            let v = (0..<n).map { _ in random.nextNormal() }
            let norm2 = v.reduce(0) { $0 + $1 * $1 }
            var h = [Double](repeating: 0, count: n * n)
            for i in 0..<n { for j in 0..<n { h[i * n + j] = (i == j ? 1 : 0) - 2 * v[i] * v[j] / norm2 } }
            // H·A·H (H is symmetric).
            a = DoubleProducts.product(DoubleProducts.product(h, rows: n, inner: n, a, columns: n), rows: n, inner: n, h, columns: n)
        }
        return a
    }

    @Test func twoByTwo() throws {
        #expect(Self.close(try SymmetricEigen.eigenvalues([2, 1, 1, 2], order: 2), [1, 3], 1e-14))
        #expect(Self.close(try SymmetricEigen.eigenvalues([0, 1, 1, 0], order: 2), [-1, 1], 1e-14))
    }

    @Test func secondDifferenceMatrix() throws {
        // tridiag(−1, 2, −1) of order n has eigenvalues 2 − 2cos(kπ/(n + 1)), k = 1…n.
        let n = 12
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            a[i * n + i] = 2
            if i + 1 < n { a[i * n + i + 1] = -1; a[(i + 1) * n + i] = -1 }
        }
        let expected = (1...n).map { 2 - 2 * cos(Double($0) * Double.pi / Double(n + 1)) }.sorted()
        #expect(Self.close(try SymmetricEigen.eigenvalues(a, order: n), expected, 1e-13))
    }

    @Test func knownSpectrumWithRepeatedEigenvalues() throws {
        var random = RandomSource(seed: 11)
        let d: [Double] = [5, 1, -2, 1, 5, 1, 0, 3]
        let a = Self.conjugated(d, random: &random)
        #expect(a[1] != 0 && abs(a[1] - a[8]) < 1e-14)
        #expect(Self.close(try SymmetricEigen.eigenvalues(a, order: d.count), d.sorted(), 1e-12))
    }

    @Test func diagonalMatrixIsSortedAsIs() throws {
        let d: [Double] = [3, -1, 3, 0, 2]
        var a = [Double](repeating: 0, count: 25)
        for i in 0..<5 { a[i * 5 + i] = d[i] }
        #expect(try SymmetricEigen.eigenvalues(a, order: 5) == d.sorted())
        #expect(try SymmetricEigen.eigenvalues([], order: 0) == [])
        #expect(try SymmetricEigen.eigenvalues([7], order: 1) == [7])
    }

    @Test func randomSymmetricMatricesKeepTraceAndFrobeniusNorm() throws {
        var random = RandomSource(seed: 3)
        for n in [5, 17, 40] {
            var a = [Double](repeating: 0, count: n * n)
            for i in 0..<n {
                for j in i..<n {
                    let value = random.nextNormal()
                    a[i * n + j] = value
                    a[j * n + i] = value
                }
            }
            let eigenvalues = try SymmetricEigen.eigenvalues(a, order: n)
            let trace = (0..<n).reduce(0.0) { $0 + a[$1 * n + $1] }
            let frobenius = a.reduce(0.0) { $0 + $1 * $1 }
            #expect(abs(eigenvalues.reduce(0, +) - trace) < 1e-11 * Double(n))
            #expect(abs(eigenvalues.reduce(0) { $0 + $1 * $1 } - frobenius) < 1e-11 * frobenius)
            #expect(zip(eigenvalues, eigenvalues.dropFirst()).allSatisfy { $0 <= $1 })
            // Each eigenvalue λ makes A − λI singular: its smallest eigenvalue in absolute value is 0.
            let shifted = (0..<(n * n)).map { a[$0] - ($0 % (n + 1) == 0 ? eigenvalues[n / 2] : 0) }
            let residual = try SymmetricEigen.eigenvalues(shifted, order: n).map(abs).min() ?? 1
            #expect(residual < 1e-11)
        }
    }

    @Test func readsOnlyTheUpperTriangle() throws {
        #expect(Self.close(try SymmetricEigen.eigenvalues([2, 1, 99, 2], order: 2), [1, 3], 1e-14))
    }

    @Test func refusesNonFiniteEntries() {
        #expect(throws: SymmetricEigen.NotConverged.self) { try SymmetricEigen.eigenvalues([1, .nan, .nan, 1], order: 2) }
    }

    @Test func doubleProductsMatchTheDefinition() {
        let a: [Double] = [1, 2, 3, 4, 5, 6]  // 2 × 3
        let b: [Double] = [1, 0, -1, 2, 0.5, 1]  // 3 × 2
        // Row 1: (1, 2, 3)·columns (1, −1, 0.5) and (0, 2, 1); row 2: (4, 5, 6)·the same.
        let expected: [Double] = [0.5, 7, 2, 16]
        #expect(DoubleProducts.product(a, rows: 2, inner: 3, b, columns: 2) == expected)
        // aᵀ (3 × 2) times a 2 × 1 column.
        #expect(DoubleProducts.product(a, rows: 3, inner: 2, [1, -1], columns: 1, transposeA: true) == [-3, -3, -3])
        #expect(DoubleProducts.gram(a, rows: 2, columns: 3) == [14, 32, 32, 77])
    }
}
