/// Running mean and variance (Welford's update, Chan et al.'s merge), so that statistics over
/// millions of values need no second pass and no stored copy, and partial results computed in
/// parallel combine exactly.
public struct Moments: Sendable, Hashable {
    public private(set) var count: Int = 0
    public private(set) var mean: Double = 0
    private var sumOfSquaredDeviations: Double = 0

    public init() {}

    /// Moments of `values`.
    public init<S: Sequence>(_ values: S) where S.Element: BinaryFloatingPoint {
        for value in values { add(Double(value)) }
    }

    public mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (value - mean)
    }

    /// Adds every element of a buffer.
    public mutating func add(_ values: UnsafeBufferPointer<Float>) {
        for value in values { add(Double(value)) }
    }

    /// Combines two sets of moments as if all their values had been added to one.
    public mutating func merge(_ other: Moments) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let total = Double(count + other.count)
        let delta = other.mean - mean
        sumOfSquaredDeviations +=
            other.sumOfSquaredDeviations
            + delta * delta * Double(count) * Double(other.count) / total
        mean += delta * Double(other.count) / total
        count += other.count
    }

    /// The population variance (divides by n): the quantity the theory predicts.
    public var variance: Double { count > 0 ? sumOfSquaredDeviations / Double(count) : .nan }

    /// The unbiased sample variance (divides by n − 1).
    public var sampleVariance: Double { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : .nan }

    public var standardDeviation: Double { variance.squareRoot() }

    /// The standard error of the mean, √(sample variance / n): how far the mean of independent
    /// draws is expected to lie from their expectation. Not a number for fewer than two values.
    public var standardError: Double { (sampleVariance / Double(count)).squareRoot() }
}
