import Numerics

/// Standardisation, x ← (x − mean)/std, with the statistics of a training split, so that
/// held-out data goes through the same map. A feature that never varies (a border pixel) is
/// only centred.
public struct Standardization: Codable, Sendable, Hashable {
    /// Which values share a mean and a standard deviation.
    public enum Scope: String, Codable, Sendable, Hashable {
        /// Each feature its own: right for features of different units and scales.
        case perFeature
        /// One for all features: right for images. Per pixel, a pixel that is almost always
        /// blank (near MNIST's borders, lit in a handful of training images) has a tiny standard
        /// deviation, and a held-out image that lights it gets a huge value there: on the shipped
        /// sample's 4,000/1,000 split, 165 held-out images get a value above 10, the largest 356.
        /// One pooled map keeps images as they are drawn, shifted and scaled (all values below 3).
        case global
    }

    public let means: [Float]
    /// 1/std per feature, or 1 where the standard deviation is 0.
    public let inverseStandardDeviations: [Float]

    /// Statistics of the first `samples` samples of `dataset`, accumulated in Double, per
    /// feature or pooled over all features.
    public init(fittedTo dataset: any Dataset, samples: Int, scope: Scope = .perFeature) {
        let count = min(samples, dataset.sampleCount ?? samples)
        precondition(count >= 1, "standardisation needs at least one sample")
        var moments = [Moments](repeating: Moments(), count: scope == .global ? 1 : dataset.featureCount)
        var row = [Float](repeating: 0, count: dataset.featureCount)
        for index in 0..<count {
            _ = row.withUnsafeMutableBufferPointer { dataset.sample(index, into: $0) }
            for feature in row.indices { moments[scope == .global ? 0 : feature].add(Double(row[feature])) }
        }
        let means = moments.map { Float($0.mean) }
        let inverses = moments.map { $0.variance > 0 ? Float(1 / $0.standardDeviation) : 1 }
        self.means = scope == .global ? Array(repeating: means[0], count: dataset.featureCount) : means
        inverseStandardDeviations = scope == .global ? Array(repeating: inverses[0], count: dataset.featureCount) : inverses
    }

    /// Standardises one sample in place.
    public func apply(_ features: UnsafeMutableBufferPointer<Float>) {
        precondition(features.count == means.count, "\(features.count) features, standardisation fitted to \(means.count)")
        for i in 0..<features.count { features[i] = (features[i] - means[i]) * inverseStandardDeviations[i] }
    }
}

/// A dataset whose samples pass through a standardisation.
public struct StandardizedDataset: Dataset {
    public let base: any Dataset
    public let standardization: Standardization

    public var featureCount: Int { base.featureCount }
    public var classCount: Int { base.classCount }
    public var sampleCount: Int? { base.sampleCount }

    public func sample(_ index: Int, into features: UnsafeMutableBufferPointer<Float>) -> Int {
        let label = base.sample(index, into: features)
        standardization.apply(features)
        return label
    }
}

extension Dataset {
    /// This dataset with `standardization` applied to every sample.
    public func standardized(by standardization: Standardization) -> StandardizedDataset {
        StandardizedDataset(base: self, standardization: standardization)
    }
}
