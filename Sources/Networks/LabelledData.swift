import Numerics

/// Samples held in memory: one row of `inputs` and one label per sample.
public struct LabelledData: Dataset, Hashable {
    public let inputs: Matrix
    public let labels: [Int]
    public let classCount: Int

    /// Samples as given: one label per row of `inputs`, each in 0..<`classCount`.
    public init(inputs: Matrix, labels: [Int], classCount: Int) {
        precondition(inputs.rows == labels.count, "\(inputs.rows) samples but \(labels.count) labels")
        precondition(labels.allSatisfy { (0..<classCount).contains($0) }, "a label lies outside 0..<\(classCount)")
        self.inputs = inputs
        self.labels = labels
        self.classCount = classCount
    }

    /// The first `count` samples of `dataset` (all of them, if it has fewer).
    public init(materializing dataset: any Dataset, count: Int) {
        let count = min(count, dataset.sampleCount ?? count)
        var inputs = Matrix(rows: count, columns: dataset.featureCount)
        var labels = [Int](repeating: 0, count: count)
        let columns = dataset.featureCount
        inputs.elements.withUnsafeMutableBufferPointer { all in
            for index in 0..<count {
                let row = UnsafeMutableBufferPointer(rebasing: all[index * columns..<(index + 1) * columns])
                labels[index] = dataset.sample(index, into: row)
            }
        }
        self.init(inputs: inputs, labels: labels, classCount: dataset.classCount)
    }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> LabelledData {
        let columns = inputs.columns
        var elements = [Float]()
        elements.reserveCapacity(indices.count * columns)
        for index in indices { elements += inputs.elements[index * columns..<(index + 1) * columns] }
        return LabelledData(
            inputs: Matrix(rows: indices.count, columns: columns, elements: elements),
            labels: indices.map { labels[$0] }, classCount: classCount)
    }

    /// How many samples each class has, by class.
    public var classCounts: [Int] {
        labels.reduce(into: [Int](repeating: 0, count: classCount)) { $0[$1] += 1 }
    }

    public var count: Int { labels.count }
    public var featureCount: Int { inputs.columns }
    public var sampleCount: Int? { labels.count }

    public func sample(_ index: Int, into features: UnsafeMutableBufferPointer<Float>) -> Int {
        let columns = inputs.columns
        inputs.elements.withUnsafeBufferPointer { all in
            _ = features.update(fromContentsOf: all[index * columns..<(index + 1) * columns])
        }
        return labels[index]
    }
}
