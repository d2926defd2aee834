import Testing
@testable import Numerics

@Suite struct QuantileTests {
    @Test func selectionAgreesWithSorting() {
        var random = RandomSource(seed: 9)
        let values = (0..<5001).map { _ in random.nextNormal() }
        let sorted = values.sorted()
        for p in [0.0, 0.25, 0.5, 0.98, 1.0] {
            #expect(Quantile.of(values, p) == sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))])
        }
        #expect(Quantile.of([Double](), 0.5).isNaN)
        #expect(Quantile.of([3.0, 3, 3], 0.5) == 3)
    }
}
