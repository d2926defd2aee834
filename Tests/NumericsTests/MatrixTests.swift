import Testing

@testable import Numerics

@Suite struct MatrixTests {
    func naive(_ a: Matrix, _ ta: Transpose, _ b: Matrix, _ tb: Transpose) -> [Double] {
        let m = ta == .none ? a.rows : a.columns, k = ta == .none ? a.columns : a.rows
        let n = tb == .none ? b.columns : b.rows
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                for p in 0..<k {
                    let x = ta == .none ? a[i, p] : a[p, i]
                    let y = tb == .none ? b[p, j] : b[j, p]
                    c[i * n + j] += Double(x) * Double(y)
                }
            }
        }
        return c
    }

    func random(_ rows: Int, _ columns: Int, _ random: inout RandomSource) -> Matrix {
        var m = Matrix(rows: rows, columns: columns)
        m.elements.withUnsafeMutableBufferPointer { random.fillUniform($0, low: -1, high: 1) }
        return m
    }

    @Test(arguments: [(Transpose.none, Transpose.none), (.none, .transposed), (.transposed, .none), (.transposed, .transposed)])
    func gemmAgreesWithTheDefinition(_ ta: Transpose, _ tb: Transpose) {
        var source = RandomSource(seed: 2)
        let (m, k, n) = (37, 53, 29)
        let a = ta == .none ? random(m, k, &source) : random(k, m, &source)
        let b = tb == .none ? random(k, n, &source) : random(n, k, &source)
        let c = Matrix.product(a, ta, b, tb)
        let expected = naive(a, ta, b, tb)
        #expect(c.rows == m && c.columns == n)
        // Float32 accumulation of k products of magnitude ≤ 1: error ≤ k · ε · k in the worst case.
        let bound = Double(k * k) * Double(Float.ulpOfOne)
        for i in 0..<c.count { #expect(abs(Double(c.elements[i]) - expected[i]) <= bound) }
    }

    @Test func multiplyAccumulatesWithBeta() {
        let a = Matrix(rows: 2, columns: 2, elements: [1, 2, 3, 4])
        let identity = Matrix(rows: 2, columns: 2, elements: [1, 0, 0, 1])
        var c = Matrix(rows: 2, columns: 2, elements: [10, 10, 10, 10])
        Matrix.multiply(a, .none, identity, .none, into: &c, alpha: 2, beta: 0.5)
        #expect(c.elements == [7, 9, 11, 13])
    }

    @Test func emptyInnerDimensionScalesByBeta() {
        var c = Matrix(rows: 2, columns: 2, elements: [4, 4, 4, 4])
        Matrix.multiply(Matrix(rows: 2, columns: 0), .none, Matrix(rows: 0, columns: 2), .none, into: &c, beta: 0.5)
        #expect(c.elements == [2, 2, 2, 2])
    }
}
