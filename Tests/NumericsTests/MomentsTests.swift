import Testing

@testable import Numerics

@Suite struct MomentsTests {
    @Test func matchesTheTwoPassFormulas() {
        let values: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        let moments = Moments(values)
        #expect(moments.count == 8)
        #expect(moments.mean == 5)
        #expect(abs(moments.variance - 4) < 1e-12)
        #expect(abs(moments.sampleVariance - 32.0 / 7) < 1e-12)
    }

    @Test func mergingEqualsAddingEverything() {
        var random = RandomSource(seed: 5)
        let values = (0..<1000).map { _ in random.nextNormal() * 3 + 100 }
        var left = Moments(values[..<300]), right = Moments(values[300...])
        left.merge(right)
        let all = Moments(values)
        #expect(left.count == all.count)
        #expect(abs(left.mean - all.mean) < 1e-10)
        #expect(abs(left.variance - all.variance) < 1e-9)
        right = Moments()
        right.merge(all)
        #expect(right == all)
    }

    @Test func emptyHasNoVariance() {
        #expect(Moments().variance.isNaN)
        #expect(Moments([1.0]).sampleVariance.isNaN)
    }

    @Test func standardErrorIsTheSampleSpreadOverRootN() {
        // Values 1, 2, 3, 4: sample variance 5/3, so the standard error is √(5/12).
        let moments = Moments([1.0, 2, 3, 4])
        #expect(abs(moments.standardError - (5.0 / 12).squareRoot()) < 1e-15)
        #expect(Moments([1.0]).standardError.isNaN)
    }
}
