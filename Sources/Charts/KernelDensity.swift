import Foundation
import Numerics

/// The distribution of one category of a ``Violins`` mark: a density known at increasing
/// values, with optional quartiles and a point mass. Estimate it from samples with
/// ``init(samples:pointMass:scale:)`` or pass a density computed elsewhere.
public struct KernelDensity: Sendable, Hashable {
    /// A share of the samples sitting exactly at one value, such as the zeros among ReLU
    /// outputs: a density cannot show an atom, so it is drawn apart as a disc.
    public struct PointMass: Sendable, Hashable {
        /// The value the samples take exactly.
        public var value: Double
        /// Their share of all samples, in 0...1.
        public var fraction: Double

        /// Creates a point mass.
        public init(value: Double, fraction: Double) {
            self.value = value
            self.fraction = fraction
        }
    }

    /// The three quartiles, drawn as a bar from the lower to the upper one with a dot at the median.
    public struct Quartiles: Sendable, Hashable {
        /// The 25th percentile.
        public var lower: Double
        /// The 50th percentile.
        public var median: Double
        /// The 75th percentile.
        public var upper: Double

        /// Creates quartiles; `lower ≤ median ≤ upper`.
        public init(lower: Double, median: Double, upper: Double) {
            self.lower = lower
            self.median = median
            self.upper = upper
        }
    }

    /// Where the density is known, increasing, in data units.
    public var values: [Double]
    /// The density at each value, per unit of the scale's transformed space (per decade of
    /// log10 for ``Scale/log10``), so that drawn areas are proportional to probability.
    public var densities: [Double]
    /// The space the density is measured in; it must be the y scale of the panel.
    public var scale: Scale
    /// Median and quartiles of the samples the density describes.
    public var quartiles: Quartiles?
    /// A share of the samples at one value, outside the density.
    public var pointMass: PointMass?

    /// Accepts a precomputed density. `values` and `densities` have the same length.
    public init(
        values: [Double], densities: [Double], scale: Scale = .linear,
        quartiles: Quartiles? = nil, pointMass: PointMass? = nil
    ) {
        self.values = values
        self.densities = densities
        self.scale = scale
        self.quartiles = quartiles
        self.pointMass = pointMass
    }

    /// A Gaussian kernel density estimate of the finite samples, with Silverman's
    /// rule-of-thumb bandwidth 0.9·min(σ, IQR/1.34)·n^(−1/5), computed in the scale's
    /// transformed space (log10 of the samples on a log axis).
    ///
    /// - Samples equal to `pointMass` (0 for ReLU outputs) are taken out and reported as a
    ///   ``PointMass``; the density of the rest integrates to their share, not to one.
    ///   Samples the scale cannot show (not positive on a log axis) are left out the same way.
    /// - The quartiles are those of the samples the density describes, so that the bar
    ///   summarises the shape it is drawn on, and stays drawable on a log axis.
    /// - The density is evaluated from the smallest to the largest remaining sample only, so
    ///   the violin never suggests values that did not occur (ReLU outputs below zero).
    /// - Empty input gives an empty density, which draws nothing.
    public init(samples: [Double], pointMass atom: Double? = nil, scale: Scale = .linear) {
        let finite = samples.filter(\.isFinite).sorted()
        let total = Double(finite.count)
        var rest = finite
        var pointMass: PointMass?
        if let atom, !finite.isEmpty {
            rest = finite.filter { $0 != atom }
            pointMass = PointMass(value: atom, fraction: Double(finite.count - rest.count) / total)
        }
        let shown = rest.filter { scale.transform($0) != nil }
        let (grid, densities) = Self.estimate(sortedTransformed: shown.compactMap(scale.transform), total: total)
        self.init(
            values: grid.map(scale.inverse), densities: densities, scale: scale,
            quartiles: shown.isEmpty
                ? nil
                : Quartiles(
                    lower: Quantile.ofSorted(shown, 0.25), median: Quantile.ofSorted(shown, 0.5), upper: Quantile.ofSorted(shown, 0.75)),
            pointMass: pointMass)
    }

    /// Silverman's rule of thumb, falling back as R's `bw.nrd0` does when the interquartile
    /// range or the standard deviation is zero (most samples equal).
    static func silvermanBandwidth(sorted: [Double]) -> Double {
        let n = Double(sorted.count)
        let mean = sorted.reduce(0, +) / n
        let variance = n > 1 ? sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
        let deviation = variance.squareRoot()
        let spread =
            [min(deviation, (Quantile.ofSorted(sorted, 0.75) - Quantile.ofSorted(sorted, 0.25)) / 1.34), deviation, abs(sorted[0]), 1]
            .first { $0 > 0 } ?? 1
        return 0.9 * spread * pow(n, -0.2)
    }

    /// Kernel sums over a grid after linear binning (Wand 1994): each sample's weight is split
    /// between its two neighbouring grid points, so the cost grows with the samples plus the
    /// grid times the kernel's reach, not with their product. The grid is fine enough (a
    /// third of a bandwidth, up to 512 points) that the binning error is invisible.
    private static func estimate(sortedTransformed samples: [Double], total: Double) -> (grid: [Double], densities: [Double]) {
        guard var low = samples.first, var high = samples.last else { return ([], []) }
        let bandwidth = silvermanBandwidth(sorted: samples)
        // Only sums of samples near ±10³⁰⁰ overflow to here.
        guard bandwidth.isFinite, bandwidth > 0 else { return ([], []) }
        if high - low <= bandwidth * 1e-9 {
            // All samples equal: show the kernel itself rather than a zero-height sliver.
            low -= 3 * bandwidth
            high += 3 * bandwidth
        }
        let count = Int(min(max(3 * (high - low) / bandwidth, 63), 511).rounded(.up)) + 1
        let step = (high - low) / Double(count - 1)
        // The last point is the largest sample exactly, not its rounded multiple of the step.
        let grid = (0..<count).map { $0 == count - 1 ? high : low + Double($0) * step }
        var weights = [Double](repeating: 0, count: count)
        for sample in samples {
            let position = min(max((sample - low) / step, 0), Double(count - 1))
            let below = min(Int(position), count - 2)
            let fraction = position - Double(below)
            weights[below] += 1 - fraction
            weights[below + 1] += fraction
        }
        // The kernel is cut at five bandwidths, where it has fallen below 4·10⁻⁶ of its peak.
        let reach = min(count - 1, Int((5 * bandwidth / step).rounded(.up)))
        let normalisation = 1 / (total * bandwidth * (2 * Double.pi).squareRoot())
        let kernel = (0...reach).map { offset -> Double in
            let u = Double(offset) * step / bandwidth
            return exp(-0.5 * u * u) * normalisation
        }
        var densities = [Double](repeating: 0, count: count)
        for (source, weight) in weights.enumerated() where weight > 0 {
            for target in max(0, source - reach)...min(count - 1, source + reach) {
                densities[target] += weight * kernel[abs(target - source)]
            }
        }
        return (grid, densities)
    }
}
