import Numerics

/// Per-feature standardisation, x ← (x − mean)/std, with the statistics of a training split, so
/// that held-out data goes through the same map. A feature that never varies (a border pixel)
/// is only centred.
public struct Standardization: Codable, Sendable, Hashable {
    public let means: [Float]
    /// 1/std per feature, or 1 where the standard deviation is 0.
    public let inverseStandardDeviations: [Float]

    /// Statistics of the first `samples` samples of `dataset`, accumulated in Double.
    public init(fittedTo dataset: any Dataset, samples: Int) {
        let count = min(samples, dataset.sampleCount ?? samples)
        precondition(count >= 1, "standardisation needs at least one sample")
        var moments = [Moments](repeating: Moments(), count: dataset.featureCount)
        var row = [Float](repeating: 0, count: dataset.featureCount)
        for index in 0..<count {
            _ = row.withUnsafeMutableBufferPointer { dataset.sample(index, into: $0) }
            for feature in row.indices { moments[feature].add(Double(row[feature])) }
        }
        means = moments.map { Float($0.mean) }
        inverseStandardDeviations = moments.map { $0.variance > 0 ? Float(1 / $0.standardDeviation) : 1 }
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
