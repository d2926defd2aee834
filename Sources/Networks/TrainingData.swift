/// What a training run learns from and is measured on: a training part and a held-out part,
/// both standardised with the training part's statistics only, so that nothing of the held-out
/// samples leaks into the inputs the network is trained on.
public struct TrainingData: Sendable, Hashable {
    /// Standardised samples to train on; a ``Dataset`` as training takes it.
    public let training: LabelledData
    /// Standardised samples to evaluate on, classes interleaved so that every prefix holds them
    /// in proportion (see ``StratifiedSplit``): a shorter evaluation may take the first ones.
    public let heldOut: LabelledData
    /// The map applied to both parts, fitted to the training part.
    public let standardization: Standardization
    public let imageRows: Int
    public let imageColumns: Int
    /// The content hash of the files read (see ``IDXSet/contentHash``), for the result cache's
    /// key; nil for a generated set, which its parameters identify.
    public let contentHash: UInt64?

    /// `training` and `heldOut` (raw, with the same features and classes) standardised with
    /// statistics pooled over every pixel of `training` (see ``Standardization/Scope/global``
    /// for why not per pixel).
    init(rawTraining: LabelledData, rawHeldOut: LabelledData, imageRows: Int, imageColumns: Int, contentHash: UInt64?) {
        precondition(
            rawTraining.featureCount == rawHeldOut.featureCount && rawTraining.classCount == rawHeldOut.classCount,
            "the two parts have different features or classes")
        let standardization = Standardization(fittedTo: rawTraining, samples: rawTraining.count, scope: .global)
        training = LabelledData(materializing: rawTraining.standardized(by: standardization), count: rawTraining.count)
        heldOut = LabelledData(materializing: rawHeldOut.standardized(by: standardization), count: rawHeldOut.count)
        self.standardization = standardization
        self.imageRows = imageRows
        self.imageColumns = imageColumns
        self.contentHash = contentHash
    }
}
