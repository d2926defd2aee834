import Numerics

/// Every buffer one forward and backward pass needs, for one architecture and batch size,
/// allocated once so that a training step allocates nothing. After a forward pass it holds
/// each layer's pre-activations and activations; after a backward pass, each layer's gradient
/// with respect to its pre-activations.
public struct Workspace: Sendable {
    public let batchSize: Int
    /// The batch, one sample per row: filled by the caller, or by ``load(_:from:index:)``.
    public var inputs: Matrix
    /// The batch's class labels, which the loss reads.
    public var labels: [Int]
    /// One entry per dense layer, the output layer last.
    public internal(set) var layers: [LayerWorkspace]
    /// How batch normalisation ran in the last forward pass, which its backward pass follows.
    var mode: Network.Mode = .training

    /// The buffers for batches of `batchSize` samples through networks of `architecture`.
    public init(_ architecture: Architecture, batchSize: Int) {
        precondition(batchSize >= 1, "a batch needs at least one sample")
        self.batchSize = batchSize
        inputs = Matrix(rows: batchSize, columns: architecture.inputs)
        labels = [Int](repeating: 0, count: batchSize)
        let shapes = architecture.layerShapes
        layers = shapes.indices.map { index in
            let isOutput = index == shapes.count - 1
            return LayerWorkspace(
                batchSize: batchSize, width: shapes[index].fanOut,
                batchNormalized: architecture.batchNorm && !isOutput, hasActivation: !isOutput)
        }
    }

    /// The network's outputs (logits) from the last forward pass.
    public var outputs: Matrix { layers[layers.count - 1].preActivations }

    /// Writes sample `index` of `dataset` into row `row` of the inputs and labels.
    public mutating func load(_ row: Int, from dataset: any Dataset, index: Int) {
        precondition(dataset.featureCount == inputs.columns, "\(dataset.featureCount) features for \(inputs.columns) inputs")
        let columns = inputs.columns
        labels[row] = inputs.elements.withUnsafeMutableBufferPointer { all in
            dataset.sample(index, into: UnsafeMutableBufferPointer(rebasing: all[row * columns..<(row + 1) * columns]))
        }
    }
}

/// The buffers of one dense layer and what follows it, each (batch size × width).
public struct LayerWorkspace: Sendable {
    /// A = X Wᵀ + b.
    public internal(set) var preActivations: Matrix
    /// With batch normalisation, x̂ = (A − μ_B)/√(σ²_B + ε); empty otherwise.
    public internal(set) var normalized: Matrix
    /// With batch normalisation, Z = γ x̂ + β, what the activation acts on; empty otherwise.
    public internal(set) var normalizedPreActivations: Matrix
    /// H = φ(Z) (or φ(A)); empty for the output layer.
    public internal(set) var activations: Matrix
    /// ∂L/∂H as the layer above passes it down, turned into ∂L/∂Z in place by the activation's
    /// derivative; for the output layer, ∂L/∂(logits) from the loss.
    var backpropagated: Matrix
    /// With batch normalisation, ∂L/∂A.
    var normalizationGradients: Matrix
    /// With batch normalisation, the batch's mean and (biased) variance per unit, and
    /// 1/√(variance + ε) of the statistics used for x̂.
    var batchMean: [Float]
    var batchVariance: [Float]
    var inverseStandardDeviation: [Float]
    /// Whether batch normalisation follows the dense layer.
    public let batchNormalized: Bool

    init(batchSize: Int, width: Int, batchNormalized: Bool, hasActivation: Bool) {
        // Each buffer gets storage of its own: buffers sharing one array would be copied on
        // their first write, in the first training step.
        func matrix(if present: Bool) -> Matrix { present ? Matrix(rows: batchSize, columns: width) : Matrix(rows: 0, columns: 0) }
        func perUnit() -> [Float] { [Float](repeating: 0, count: batchNormalized ? width : 0) }
        preActivations = matrix(if: true)
        normalized = matrix(if: batchNormalized)
        normalizedPreActivations = matrix(if: batchNormalized)
        activations = matrix(if: hasActivation)
        backpropagated = matrix(if: true)
        normalizationGradients = matrix(if: batchNormalized)
        batchMean = perUnit()
        batchVariance = perUnit()
        inverseStandardDeviation = perUnit()
        self.batchNormalized = batchNormalized
    }

    /// What the activation acts on: Z with batch normalisation, A without.
    public var activationInputs: Matrix { batchNormalized ? normalizedPreActivations : preActivations }

    /// ∂L/∂A after a backward pass.
    public var preActivationGradients: Matrix { batchNormalized ? normalizationGradients : backpropagated }

    /// H = φ(activation inputs); with a (non-empty) `bias`, A ← A + b first, in the same pass.
    mutating func activate(_ activation: Activation, bias: [Float] = []) {
        guard !bias.isEmpty else {
            let inputs = activationInputs
            inputs.elements.withUnsafeBufferPointer { a in
                activations.elements.withUnsafeMutableBufferPointer { h in activation.apply(a, into: h) }
            }
            return
        }
        precondition(!batchNormalized, "a bias before batch normalisation")
        bias.withUnsafeBufferPointer { b in
            preActivations.elements.withUnsafeMutableBufferPointer { a in
                activations.elements.withUnsafeMutableBufferPointer { h in activation.apply(addingToEachRow: b, a, into: h) }
            }
        }
    }

    /// ∂L/∂H ⊙ φ′ in place; with a (non-empty) `biasGradient`, the column sums of the result
    /// (the gradient of the bias before the units) go there in the same pass.
    mutating func backpropagateThroughActivation(_ activation: Activation, biasGradient: inout [Float]) {
        let inputs = activationInputs, outputs = activations
        inputs.elements.withUnsafeBufferPointer { a in
            outputs.elements.withUnsafeBufferPointer { h in
                backpropagated.elements.withUnsafeMutableBufferPointer { g in
                    if biasGradient.isEmpty {
                        activation.multiplyByDerivative(g, preActivations: a, activations: h)
                    } else {
                        biasGradient.withUnsafeMutableBufferPointer { sums in
                            activation.multiplyByDerivative(g, preActivations: a, activations: h, summingColumnsInto: sums)
                        }
                    }
                }
            }
        }
    }
}
