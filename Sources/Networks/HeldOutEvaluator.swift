import Numerics

/// Loss and accuracy of a network on a fixed labelled set, computed in batches with inference-
/// mode batch normalisation. Its workspaces are made once, so evaluating during training
/// allocates nothing.
public struct HeldOutEvaluator: Sendable {
    public let data: LabelledData
    // One for the full batches, and one for the last, shorter batch when the batch size does
    // not divide the set.
    private var workspaces: [Workspace]

    /// An evaluator of networks of `architecture` on `data` (at least one sample), in batches
    /// of at most `batchSize`.
    public init(_ architecture: Architecture, data: LabelledData, batchSize: Int = 500) {
        precondition(data.count >= 1, "an evaluation needs at least one sample")
        self.data = data
        let size = min(batchSize, data.count)
        workspaces = [Workspace(architecture, batchSize: size)]
        if data.count % size != 0 { workspaces.append(Workspace(architecture, batchSize: data.count % size)) }
    }

    /// The mean loss and the fraction of samples whose largest output is their label's.
    public mutating func evaluate(_ network: Network, loss: Loss) -> (loss: Double, accuracy: Double) {
        var totalLoss = 0.0, correct = 0
        var start = 0
        while start < data.count {
            let which = data.count - start >= workspaces[0].batchSize ? 0 : 1
            Self.measure(
                network, loss: loss, data: data, start: start, workspace: &workspaces[which], totalLoss: &totalLoss, correct: &correct)
            start += workspaces[which].batchSize
        }
        return (totalLoss / Double(data.count), Double(correct) / Double(data.count))
    }

    private static func measure(
        _ network: Network, loss: Loss, data: LabelledData, start: Int,
        workspace: inout Workspace, totalLoss: inout Double, correct: inout Int
    ) {
        for row in 0..<workspace.batchSize { workspace.load(row, from: data, index: start + row) }
        network.forward(&workspace, mode: .inference)
        totalLoss += loss.mean(outputs: workspace.outputs, labels: workspace.labels) * Double(workspace.batchSize)
        correct += correctCount(workspace.outputs, labels: workspace.labels)
    }

    /// How many rows have their largest output (the first, in a tie) at their label.
    static func correctCount(_ outputs: Matrix, labels: [Int]) -> Int {
        var correct = 0
        for row in 0..<outputs.rows {
            var best = 0
            for k in 1..<outputs.columns where outputs[row, k] > outputs[row, best] { best = k }
            if best == labels[row] { correct += 1 }
        }
        return correct
    }
}
