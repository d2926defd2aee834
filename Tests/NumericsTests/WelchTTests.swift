import Testing

@testable import Numerics

@Suite struct WelchTTests {
    static let larger = [0.912, 0.905, 0.918, 0.909, 0.915]
    static let smaller = [0.884, 0.897, 0.879, 0.902, 0.890]

    /// scipy.stats.ttest_ind(larger, smaller, equal_var=False, alternative="greater") gives
    /// statistic 4.501523832454897 and df 6.167273219042283.
    @Test func theStatisticAndDegreesOfFreedomMatchScipy() {
        let welch = WelchT(Moments(Self.larger), Moments(Self.smaller))
        #expect(abs(welch.difference - 0.0214) < 1e-12)
        #expect(abs(welch.difference / welch.standardError - 4.501523832454897) < 1e-9)
        #expect(abs(welch.degreesOfFreedom - 6.167273219042283) < 1e-9)
    }

    /// Equal spreads and sizes give the pooled test's n₁ + n₂ − 2; one group without spread
    /// leaves the other's n − 1.
    @Test func degreesOfFreedomSpanTheirBounds() {
        let shifted = Self.larger.map { $0 - 1 }
        #expect(abs(WelchT(Moments(Self.larger), Moments(shifted)).degreesOfFreedom - 8) < 1e-9)
        #expect(abs(WelchT(Moments(Self.larger), Moments([0.9, 0.9, 0.9])).degreesOfFreedom - 4) < 1e-9)
        #expect(WelchT(Moments([1.0, 1.0]), Moments([0.5, 0.5])).degreesOfFreedom.isNaN)
    }

    @Test func aGroupOfOneHasNoStandardError() {
        #expect(WelchT(Moments([1.0]), Moments(Self.smaller)).standardError.isNaN)
        #expect(WelchT(Moments([Double]()), Moments(Self.smaller)).standardError.isNaN)
    }
}
