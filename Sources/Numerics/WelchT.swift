/// Welch's comparison of the means of two groups of independent, close to normal values whose
/// variances may differ (final accuracies over seeds, one group per rule): the difference of the
/// means over its estimated standard error. Its law depends on the ratio of the two variances;
/// Student's t with Hsu's min(n₁, n₂) − 1 degrees of freedom bounds its tails whatever that
/// ratio (Mickey and Brown, 1966), and is its exact law when one group has no spread.
public struct WelchT: Sendable, Hashable {
    /// mean(first) − mean(second).
    public let difference: Double
    /// √(s₁²/n₁ + s₂²/n₂), with the unbiased sample variances; not a number when a group has
    /// fewer than two values, whose spread is then unknown.
    public let standardError: Double
    /// Hsu's min(n₁, n₂) − 1; not a number when a group has fewer than two values.
    public let degreesOfFreedom: Double

    public init(_ first: Moments, _ second: Moments) {
        let a = first.sampleVariance / Double(first.count)
        let b = second.sampleVariance / Double(second.count)
        difference = first.mean - second.mean
        standardError = (a + b).squareRoot()
        let smaller = min(first.count, second.count)
        degreesOfFreedom = smaller >= 2 ? Double(smaller - 1) : .nan
    }
}
