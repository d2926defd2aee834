/// The shape of a fully connected network: inputs, hidden layers of the given widths, each a
/// dense layer followed (optionally) by batch normalisation and then the activation, and a
/// linear output layer whose values are the logits.
public struct Architecture: Sendable, Hashable {
    public let inputs: Int
    public let hiddenWidths: [Int]
    public let outputs: Int
    public let activation: Activation
    /// Batch normalisation between each hidden dense layer and its activation (Ioffe & Szegedy
    /// 2015); those dense layers then have no bias, as β plays its part.
    public let batchNorm: Bool

    /// Throws when a layer would have no units.
    public init(inputs: Int, hiddenWidths: [Int], outputs: Int, activation: Activation, batchNorm: Bool = false) throws(ArchitectureError) {
        guard inputs >= 1 else { throw .emptyLayer("the input") }
        guard outputs >= 1 else { throw .emptyLayer("the output layer") }
        if let index = hiddenWidths.firstIndex(where: { $0 < 1 }) {
            throw .emptyLayer("hidden layer \(index + 1)")
        }
        self.inputs = inputs
        self.hiddenWidths = hiddenWidths
        self.outputs = outputs
        self.activation = activation
        self.batchNorm = batchNorm
    }

    /// The (fan-in, fan-out) of each dense layer, the output layer last.
    public var layerShapes: [(fanIn: Int, fanOut: Int)] {
        let widths = [inputs] + hiddenWidths + [outputs]
        return (0..<widths.count - 1).map { (widths[$0], widths[$0 + 1]) }
    }

    /// Σ fan_in·fan_out over the dense layers: a forward pass costs 2·batch times this in
    /// floating-point operations, and a training step about 6·batch times.
    public var weightCount: Int { layerShapes.reduce(0) { $0 + $1.fanIn * $1.fanOut } }
}

extension Architecture: Codable {
    private enum CodingKeys: String, CodingKey { case inputs, hiddenWidths, outputs, activation, batchNorm }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                inputs: container.decode(Int.self, forKey: .inputs),
                hiddenWidths: container.decode([Int].self, forKey: .hiddenWidths),
                outputs: container.decode(Int.self, forKey: .outputs),
                activation: container.decode(Activation.self, forKey: .activation),
                batchNorm: container.decodeIfPresent(Bool.self, forKey: .batchNorm) ?? false)
        } catch let error as ArchitectureError {
            throw DecodingError.dataCorruptedError(forKey: .hiddenWidths, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(hiddenWidths, forKey: .hiddenWidths)
        try container.encode(outputs, forKey: .outputs)
        try container.encode(activation, forKey: .activation)
        try container.encode(batchNorm, forKey: .batchNorm)
    }
}

/// A network shape that cannot be built.
public enum ArchitectureError: Error, Hashable, CustomStringConvertible {
    case emptyLayer(String)

    public var description: String {
        switch self {
        case .emptyLayer(let layer): "\(layer) has no units: every layer needs a width of at least 1"
        }
    }
}
