import Foundation
import Networks
import Numerics

extension Bias {
    /// How many examples each rank of class keeps: the most frequent `largestClass`, then falling
    /// geometrically, n_j = round(n₀ · r^(−j/(K−1))) with r the imbalance, so that the last keeps
    /// n₀/r.
    public func rankCounts(classes: Int) -> [Int] {
        (0..<classes).map { rank in
            let exponent = classes > 1 ? Double(rank) / Double(classes - 1) : 0
            return max(1, Int((Double(parameters.largestClass) * pow(parameters.imbalance, -exponent)).rounded()))
        }
    }

    /// The class proportions p̂_k of a subset with these counts.
    public static func proportions(_ counts: [Int]) -> [Double] {
        let total = Double(counts.reduce(0, +))
        return counts.map { Double($0) / total }
    }

    /// The training part of the shipped digits (split and standardised as every experiment on
    /// them does), cut to an imbalanced subset: the classes ranked in an order drawn from
    /// `random`, each keeping its count of ``rankCounts(classes:)``, the first of its examples in
    /// the split's shuffled order.
    func imbalancedSubset(random: RandomSource) -> LabelledData {
        let data: TrainingData
        do {
            data = try DataSource.shipped(parameters.dataset).load(random: random.derived("data"))
        } catch {
            // A build reads the shipped set when its configuration is checked (the convergence
            // experiment trains on it) and stops there with a located error.
            preconditionFailure("the data of \(Self.id) cannot be read: \(error)")
        }
        let training = data.training
        var order = Array(0..<training.classCount)
        var stream = random.derived("classes")
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(stream.next() % UInt64(i + 1))) }
        let counts = rankCounts(classes: training.classCount)
        var wanted = [Int](repeating: 0, count: training.classCount)
        for (rank, label) in order.enumerated() { wanted[label] = counts[rank] }
        var indices: [Int] = []
        for (index, label) in training.labels.enumerated() where wanted[label] > 0 {
            indices.append(index)
            wanted[label] -= 1
        }
        return training.subset(indices)
    }
}
