import Numerics

/// The mean of independent samples and its 95 % confidence interval, mean ± t₀.₉₇₅(n − 1)·s/√n:
/// what the bands of the training figures and the steps-to-target table show.
struct MeanInterval: Sendable, Hashable {
    let count: Int
    let mean: Double
    /// Half the interval's width; not a number with fewer than two samples.
    let halfWidth: Double

    init(_ samples: [Double]) {
        let moments = Moments(samples)
        count = samples.count
        mean = samples.isEmpty ? .nan : moments.mean
        halfWidth =
            samples.count < 2
            ? .nan : StudentT.twoSidedQuantile(0.05, degreesOfFreedom: Double(samples.count - 1)) * moments.standardError
    }

    var low: Double { mean - halfWidth }
    var high: Double { mean + halfWidth }
}
