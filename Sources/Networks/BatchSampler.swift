import Numerics

/// Draws training batches: from a finite set, every sample once per epoch in a fresh random
/// order (Fisher–Yates on the run's stream); from a generated set, fresh samples 0, 1, 2, …
/// in turn, as in online learning.
struct BatchSampler {
    let dataset: any Dataset
    private var order: [Int]
    private var position = 0
    private var random: RandomSource

    init(_ dataset: any Dataset, random: RandomSource) {
        self.dataset = dataset
        self.random = random
        if let count = dataset.sampleCount {
            precondition(count >= 1, "a training set needs at least one sample")
            order = Array(0..<count)
            shuffle()
        } else {
            order = []
        }
    }

    /// Loads the next batch into `workspace`.
    mutating func fill(_ workspace: inout Workspace) {
        for row in 0..<workspace.batchSize {
            workspace.load(row, from: dataset, index: nextIndex())
        }
    }

    private mutating func nextIndex() -> Int {
        guard !order.isEmpty else {
            defer { position += 1 }
            return position
        }
        if position == order.count {
            shuffle()
            position = 0
        }
        defer { position += 1 }
        return order[position]
    }

    private mutating func shuffle() {
        // The modulo's bias, below n/2⁶⁴, is far beneath anything a training run can show.
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(random.next() % UInt64(i + 1)))
        }
    }
}
