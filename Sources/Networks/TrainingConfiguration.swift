/// How a network is trained: mini-batch size, number of updates, loss, optimiser, and when to
/// measure it on held-out data.
public struct TrainingConfiguration: Sendable, Hashable {
    public let batchSize: Int
    /// Updates to make.
    public let steps: Int
    /// After how many updates to evaluate on the held-out set; 0 is before the first. Steps
    /// beyond ``steps`` are never reached.
    public let evaluationSteps: [Int]
    /// How many held-out samples each evaluation uses (the first ones of the held-out set).
    public let heldOutSamples: Int
    public let loss: Loss
    public let optimizer: SGD

    /// Throws when a setting cannot run: a batch or held-out set of no samples, negative steps,
    /// a learning rate that is not a positive number, momentum outside [0, 1).
    public init(
        batchSize: Int, steps: Int, evaluationSteps: [Int], heldOutSamples: Int, loss: Loss = .crossEntropy, optimizer: SGD
    ) throws(TrainingConfigurationError) {
        guard batchSize >= 1 else { throw .notPositive("batchSize", batchSize) }
        guard heldOutSamples >= 1 else { throw .notPositive("heldOutSamples", heldOutSamples) }
        guard steps >= 0 else { throw .negativeSteps(steps) }
        guard optimizer.learningRate.isFinite && optimizer.learningRate > 0 else { throw .learningRate(optimizer.learningRate) }
        guard (0..<1).contains(optimizer.momentum) else { throw .momentum(optimizer.momentum) }
        self.batchSize = batchSize
        self.steps = steps
        self.evaluationSteps = evaluationSteps
        self.heldOutSamples = heldOutSamples
        self.loss = loss
        self.optimizer = optimizer
    }
}

extension TrainingConfiguration: Codable {
    fileprivate enum CodingKeys: String, CodingKey { case batchSize, steps, evaluationSteps, heldOutSamples, loss, optimizer }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                batchSize: container.decode(Int.self, forKey: .batchSize),
                steps: container.decode(Int.self, forKey: .steps),
                evaluationSteps: container.decode([Int].self, forKey: .evaluationSteps),
                heldOutSamples: container.decode(Int.self, forKey: .heldOutSamples),
                loss: container.decodeIfPresent(Loss.self, forKey: .loss) ?? .crossEntropy,
                optimizer: container.decode(SGD.self, forKey: .optimizer))
        } catch let error as TrainingConfigurationError {
            throw DecodingError.dataCorruptedError(forKey: error.key, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(batchSize, forKey: .batchSize)
        try container.encode(steps, forKey: .steps)
        try container.encode(evaluationSteps, forKey: .evaluationSteps)
        try container.encode(heldOutSamples, forKey: .heldOutSamples)
        try container.encode(loss, forKey: .loss)
        try container.encode(optimizer, forKey: .optimizer)
    }
}

/// A training setting that cannot be run.
public enum TrainingConfigurationError: Error, Hashable, CustomStringConvertible {
    case notPositive(String, Int)
    case negativeSteps(Int)
    case learningRate(Double)
    case momentum(Double)

    public var description: String {
        switch self {
        case .notPositive(let name, let value): "\(name) is \(value): it must be at least 1"
        case .negativeSteps(let steps): "steps is \(steps): it must not be negative"
        case .learningRate(let rate): "learning rate \(rate): it must be a positive number"
        case .momentum(let momentum): "momentum \(momentum): it must lie in [0, 1)"
        }
    }

    fileprivate var key: TrainingConfiguration.CodingKeys {
        switch self {
        case .notPositive(let name, _): name == "batchSize" ? .batchSize : .heldOutSamples
        case .negativeSteps: .steps
        case .learningRate, .momentum: .optimizer
        }
    }
}
