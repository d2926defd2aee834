import Testing

@testable import Numerics

@Suite struct QuantileTests {
    @Test func typeSevenAgreesWithRAndNumPy() {
        // R: quantile(c(1, 2, 3, 4, 10), c(0, 0.1, 0.25, 0.5, 0.9, 1)) = 1, 1.4, 2, 3, 7.6, 10
        // (numpy.quantile gives the same: both default to type 7).
        let values: [Double] = [10, 3, 1, 4, 2]
        for (p, expected) in [(0.0, 1.0), (0.1, 1.4), (0.25, 2), (0.5, 3), (0.9, 7.6), (1, 10)] {
            #expect(abs(Quantile.of(values, p) - expected) < 1e-12)
            #expect(abs(Quantile.ofSorted(values.sorted(), p) - expected) < 1e-12)
        }
        // The median of an even count is the mean of the middle two, as R and NumPy give it.
        #expect(Quantile.of([4.0, 1, 3, 2], 0.5) == 2.5)
    }

    @Test func selectionAgreesWithSorting() {
        var random = RandomSource(seed: 9)
        let values = (0..<5000).map { _ in random.nextNormal() }
        let sorted = values.sorted()
        for p in [0.0, 0.25, 0.5, 0.98, 1.0, 0.123456] {
            #expect(Quantile.of(values, p) == Quantile.ofSorted(sorted, p))
        }
        #expect(Quantile.of([Double](), 0.5).isNaN)
        #expect(Quantile.ofSorted([Double](), 0.5).isNaN)
        #expect(Quantile.of([3.0, 3, 3], 0.5) == 3)
        #expect(Quantile.of([7.0], 0.3) == 7)
    }

    /// The bucketed selection of |v| gives exactly the number selection over |v| gives: with
    /// signs, zeros of both signs, ties, order statistics in one bucket or in two, and values
    /// crowded into one bucket.
    @Test func magnitudesAgreeWithSelectionOverAbsoluteValues() {
        var random = RandomSource(seed: 4)
        var values = (0..<20_000).map { _ in Float(random.nextNormal() * 3) }
        values += [0, -0.0, 1, -1, 1, 2, -2, 1e-30, -3e20]
        // Values of one magnitude (sigmoid units near ½) fill one bucket of the top bits, and
        // the selection splits it by the next ones.
        let near = (0..<9000).map { _ in Float(0.5 + random.nextNormal() * 1e-3) }
        let cases: [[Float]] = [values, [1, -2], [-0.0, 0], [5], [3, -3, 3, 1.5], Array(values.prefix(7)), near, near.map { $0 - 0.5 }]
        for sample in cases {
            for p in [0.0, 0.02, 0.5, 0.98, 0.995, 1.0, 0.123456] {
                let magnitudes = sample.withUnsafeBufferPointer { Quantile.ofMagnitudes($0, p) }
                #expect(magnitudes == Quantile.of(sample.map { abs($0) }, p), "p = \(p), \(sample.count) values")
            }
        }
        #expect([Float]().withUnsafeBufferPointer { Quantile.ofMagnitudes($0, 0.5) }.isNaN)
    }

    @Test func worksInSinglePrecision() {
        #expect(Quantile.of([Float(1), 2, 3, 4], 0.5) == 2.5)
    }
}
