/// One measurement during training.
public struct Evaluation: Codable, Sendable, Hashable {
    /// Updates made before it.
    public var step: Int
    /// The mean mini-batch loss over the updates since the previous evaluation (nil when there
    /// were none).
    public var trainingLoss: Double?
    public var heldOutLoss: Double
    /// The fraction of held-out samples classified correctly.
    public var heldOutAccuracy: Double
}

/// What a training run measured, and whether and where it diverged.
public struct TrainingRecord: Codable, Sendable, Hashable {
    public var evaluations: [Evaluation]
    /// Where the run stopped early, if it did.
    public var divergence: Divergence?
    /// Updates made (fewer than asked when the run diverged).
    public var steps: Int

    public var diverged: Bool { divergence != nil }
}
