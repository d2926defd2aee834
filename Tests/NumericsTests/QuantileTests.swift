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

    @Test func worksInSinglePrecision() {
        #expect(Quantile.of([Float(1), 2, 3, 4], 0.5) == 2.5)
    }
}
