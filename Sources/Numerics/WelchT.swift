/// Welch's comparison of the means of two groups of independent, close to normal values whose
/// variances may differ (final accuracies over seeds, one group per rule): the difference of the
/// means over its estimated standard error follows, nearly, Student's t with the
/// Welch–Satterthwaite degrees of freedom, which need not be a whole number.
public struct WelchT: Sendable, Hashable {
    /// mean(first) − mean(second).
    public let difference: Double
    /// √(s₁²/n₁ + s₂²/n₂), with the unbiased sample variances; not a number when a group has
    /// fewer than two values, whose spread is then unknown.
    public let standardError: Double
    /// (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)): between the smaller
    /// n − 1 and n₁ + n₂ − 2. Not a number when neither group has any spread.
    public let degreesOfFreedom: Double

    public init(_ first: Moments, _ second: Moments) {
        let a = first.sampleVariance / Double(first.count)
        let b = second.sampleVariance / Double(second.count)
        difference = first.mean - second.mean
        standardError = (a + b).squareRoot()
        degreesOfFreedom = (a + b) * (a + b) / (a * a / Double(first.count - 1) + b * b / Double(second.count - 1))
    }
}
