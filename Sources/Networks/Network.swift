import Numerics

/// A multilayer perceptron: dense layers with an activation after each hidden one (and batch
/// normalisation before it, if the architecture asks), and a linear output layer.
public struct Network: Sendable, Hashable {
    /// Whether batch normalisation uses the batch's statistics (training) or its running
    /// averages (inference).
    public enum Mode: Sendable, Hashable {
        case training
        case inference
    }

    /// The shape the network was built for.
    public let architecture: Architecture
    /// The dense layers, the output layer last.
    public var dense: [DenseLayer]
    /// One per hidden layer with batch normalisation, none without.
    public var batchNorm: [BatchNorm]

    /// A network whose weights `initializer` fills: it is called once per dense layer, first
    /// to last, with the zero (fan_out, fan_in) matrix and a stream of its own, derived from
    /// `random` by the label "dense/<index>" so that each layer's draws do not depend on the
    /// others'. Biases start at 0, batch normalisation at γ = 1, β = 0.
    public init(_ architecture: Architecture, random: RandomSource, initializer: (inout Matrix, inout RandomSource) -> Void) {
        self.architecture = architecture
        let shapes = architecture.layerShapes
        dense = shapes.indices.map { index in
            let isOutput = index == shapes.count - 1
            var layer = DenseLayer(fanIn: shapes[index].fanIn, fanOut: shapes[index].fanOut, hasBias: !architecture.batchNorm || isOutput)
            var stream = random.derived("dense/\(index)")
            initializer(&layer.weights, &stream)
            return layer
        }
        batchNorm = architecture.batchNorm ? architecture.hiddenWidths.map { BatchNorm(width: $0) } : []
    }

    /// Propagates `workspace.inputs` through the network, leaving every layer's pre-activations
    /// and activations in the workspace and the logits in `workspace.outputs`.
    public func forward(_ workspace: inout Workspace, mode: Mode) {
        precondition(workspace.inputs.columns == architecture.inputs && workspace.layers.count == dense.count,
                     "the workspace was made for another architecture")
        workspace.mode = mode
        let last = dense.count - 1
        for index in 0...last {
            let input = index == 0 ? workspace.inputs : workspace.layers[index - 1].activations
            dense[index].forward(input, into: &workspace.layers[index].preActivations)
            guard index < last else { break }
            if architecture.batchNorm {
                switch mode {
                case .training: batchNorm[index].normalizeWithBatchStatistics(&workspace.layers[index])
                case .inference: batchNorm[index].normalizeWithRunningStatistics(&workspace.layers[index])
                }
            }
            workspace.layers[index].activate(architecture.activation)
        }
    }

    /// Back-propagates ∂L/∂(logits), which the loss left in the workspace, through the network
    /// as the last forward pass ran it: every layer's ∂L/∂A stays in the workspace, the
    /// parameters' gradients go to `gradients`.
    public func backward(_ workspace: inout Workspace, gradients: inout Gradients) {
        let last = dense.count - 1
        for index in stride(from: last, through: 0, by: -1) {
            if index < last {
                workspace.layers[index].backpropagateThroughActivation(architecture.activation)
                if architecture.batchNorm {
                    batchNorm[index].backward(
                        &workspace.layers[index], mode: workspace.mode,
                        scaleGradient: &gradients.scales[index], shiftGradient: &gradients.shifts[index])
                }
            }
            let outputGradient = workspace.layers[index].preActivationGradients
            let input = index == 0 ? workspace.inputs : workspace.layers[index - 1].activations
            dense[index].parameterGradients(
                outputGradient: outputGradient, input: input,
                weights: &gradients.weights[index], bias: &gradients.biases[index])
            // The inputs need no gradient.
            if index > 0 {
                dense[index].inputGradient(outputGradient: outputGradient, into: &workspace.layers[index - 1].backpropagated)
            }
        }
    }

    /// Moves batch normalisation's running averages towards the statistics of the last
    /// training-mode forward pass in `workspace`.
    public mutating func updateRunningStatistics(from workspace: Workspace) {
        for index in batchNorm.indices {
            batchNorm[index].updateRunningStatistics(from: workspace.layers[index])
        }
    }

    /// One training-mode pass over the batch in `workspace`: forward, running averages, loss
    /// and backward. Returns the batch's mean loss, NaN or ±∞ included: the caller decides
    /// what divergence means.
    public mutating func computeGradients(_ workspace: inout Workspace, loss: Loss, gradients: inout Gradients) -> Double {
        forward(&workspace, mode: .training)
        updateRunningStatistics(from: workspace)
        let value = loss.mean(of: &workspace)
        backward(&workspace, gradients: &gradients)
        return value
    }
}
