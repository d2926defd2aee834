import Testing

@testable import Numerics

@Suite struct WelchTTests {
    static let larger = [0.912, 0.905, 0.918, 0.909, 0.915]
    static let smaller = [0.884, 0.897, 0.879, 0.902, 0.890]

    /// scipy.stats.ttest_ind(larger, smaller, equal_var=False, alternative="greater") gives
    /// statistic 4.501523832454897 (its df, Welch–Satterthwaite's 6.17, is not the one used).
    @Test func theStatisticMatchesScipy() {
        let welch = WelchT(Moments(Self.larger), Moments(Self.smaller))
        #expect(abs(welch.difference - 0.0214) < 1e-12)
        #expect(abs(welch.difference / welch.standardError - 4.501523832454897) < 1e-9)
    }

    /// Hsu's degrees of freedom are the smaller group's n − 1, whatever the spreads.
    @Test func degreesOfFreedomAreTheSmallerGroupsLessOne() {
        #expect(WelchT(Moments(Self.larger), Moments(Self.smaller)).degreesOfFreedom == 4)
        #expect(WelchT(Moments(Self.larger), Moments([0.9, 0.9, 0.9])).degreesOfFreedom == 2)
        #expect(WelchT(Moments(Self.larger + Self.larger), Moments(Self.smaller)).degreesOfFreedom == 4)
        #expect(WelchT(Moments([1.0]), Moments(Self.smaller)).degreesOfFreedom.isNaN)
    }

    @Test func aGroupOfOneHasNoStandardError() {
        #expect(WelchT(Moments([1.0]), Moments(Self.smaller)).standardError.isNaN)
        #expect(WelchT(Moments([Double]()), Moments(Self.smaller)).standardError.isNaN)
    }
}
