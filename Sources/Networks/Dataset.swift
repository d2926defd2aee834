/// A source of labelled samples, each a vector of features. Samples are addressed by index and
/// produced on request, so a generated set needs no storage and any sample can be made alone.
public protocol Dataset: Sendable {
    var featureCount: Int { get }
    var classCount: Int { get }
    /// How many samples there are; nil for a set generated on demand, where every index ≥ 0 is
    /// a sample.
    var sampleCount: Int? { get }
    /// Writes sample `index`'s features into `features` (``featureCount`` values) and returns
    /// its label, in 0..<``classCount``.
    func sample(_ index: Int, into features: UnsafeMutableBufferPointer<Float>) -> Int
}

/// The part of a generated set a sample belongs to; each split draws from its own stream, so
/// the splits share no sample.
public enum DataSplit: String, Codable, Sendable, Hashable, CaseIterable {
    case training
    case validation
    case test
}
