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
        precondition(
            workspace.inputs.columns == architecture.inputs && workspace.layers.count == dense.count,
            "the workspace was made for another architecture")
        workspace.mode = mode
        let last = dense.count - 1
        for index in 0...last {
            let input = index == 0 ? workspace.inputs : workspace.layers[index - 1].activations
            dense[index].multiply(input, into: &workspace.layers[index].preActivations)
            guard index < last else {
                if !dense[index].bias.isEmpty { workspace.layers[index].preActivations.addToEachRow(dense[index].bias) }
                break
            }
            if architecture.batchNorm {
                switch mode {
                case .training: batchNorm[index].normalizeWithBatchStatistics(&workspace.layers[index])
                case .inference: batchNorm[index].normalizeWithRunningStatistics(&workspace.layers[index])
                }
            }
            // Without batch normalisation the bias is added here, in the same pass as the units.
            workspace.layers[index].activate(architecture.activation, bias: dense[index].bias)
        }
    }

    /// Back-propagates ∂L/∂(logits), which the loss left in the workspace, through the network
    /// as the last forward pass ran it: every layer's ∂L/∂A stays in the workspace, the
    /// parameters' gradients go to `gradients`.
    public func backward(_ workspace: inout Workspace, gradients: inout Gradients) {
        for index in stride(from: dense.count - 1, through: 0, by: -1) {
            let (outputGradient, input) = backpropagate(into: index, &workspace, gradients: &gradients)
            dense[index].weightGradient(outputGradient: outputGradient, input: input, into: &gradients.weights[index])
            // The inputs need no gradient.
            if index > 0 {
                dense[index].inputGradient(outputGradient: outputGradient, into: &workspace.layers[index - 1].backpropagated)
            }
        }
    }

    /// ``backward(_:gradients:)`` with a step of `optimizer` taken layer by layer on the way, each
    /// layer's parameters updated as soon as the layer below has what it needs from them, while
    /// they are in cache; the weights' gradients are never stored (see ``SGD``). Returns false
    /// when a parameter has become NaN or ±∞.
    mutating func backward(
        _ workspace: inout Workspace, stepping optimizer: SGD, gradients: inout Gradients, velocity: inout Gradients
    ) -> Bool {
        var finite = true
        for index in stride(from: dense.count - 1, through: 0, by: -1) {
            let (outputGradient, input) = backpropagate(into: index, &workspace, gradients: &gradients)
            if index > 0 {
                dense[index].inputGradient(outputGradient: outputGradient, into: &workspace.layers[index - 1].backpropagated)
            }
            finite =
                optimizer.step(
                    &dense[index].weights, velocity: &velocity.weights[index], outputGradient: outputGradient, input: input) && finite
            finite = optimizer.update(&dense[index].bias, gradients.biases[index], &velocity.biases[index]) && finite
            if index < batchNorm.count {
                finite = optimizer.update(&batchNorm[index].scale, gradients.scales[index], &velocity.scales[index]) && finite
                finite = optimizer.update(&batchNorm[index].shift, gradients.shifts[index], &velocity.shifts[index]) && finite
            }
        }
        return finite
    }

    /// ∂L/∂A of dense layer `index`, from ∂L/∂H that the layer above passed down (or from the
    /// loss, for the output layer), with the gradients of its bias and batch normalisation;
    /// returns ∂L/∂A and the layer's input, which the weights' gradient multiplies.
    private func backpropagate(
        into index: Int, _ workspace: inout Workspace, gradients: inout Gradients
    ) -> (outputGradient: Matrix, input: Matrix) {
        if index < dense.count - 1 {
            workspace.layers[index].backpropagateThroughActivation(architecture.activation, biasGradient: &gradients.biases[index])
            if architecture.batchNorm {
                batchNorm[index].backward(
                    &workspace.layers[index], mode: workspace.mode,
                    scaleGradient: &gradients.scales[index], shiftGradient: &gradients.shifts[index])
            }
        } else if !gradients.biases[index].isEmpty {
            workspace.layers[index].preActivationGradients.sumColumns(into: &gradients.biases[index])
        }
        return (workspace.layers[index].preActivationGradients, index == 0 ? workspace.inputs : workspace.layers[index - 1].activations)
    }

    /// Moves batch normalisation's running averages towards the statistics of the last
    /// training-mode forward pass in `workspace`.
    public mutating func updateRunningStatistics(from workspace: Workspace) {
        for index in batchNorm.indices {
            batchNorm[index].updateRunningStatistics(from: workspace.layers[index])
        }
    }

    /// A training-mode forward pass over the batch in `workspace`, the running averages moved,
    /// and the loss, whose gradient is left where the backward pass starts. Returns the
    /// batch's mean loss, NaN or ±∞ included: the caller decides what divergence means.
    mutating func forwardWithLoss(_ workspace: inout Workspace, loss: Loss) -> Double {
        forward(&workspace, mode: .training)
        updateRunningStatistics(from: workspace)
        return loss.mean(of: &workspace)
    }

    /// One training-mode pass over the batch in `workspace`: forward, running averages, loss
    /// and backward. Returns the batch's mean loss, NaN or ±∞ included: the caller decides
    /// what divergence means.
    public mutating func computeGradients(_ workspace: inout Workspace, loss: Loss, gradients: inout Gradients) -> Double {
        let value = forwardWithLoss(&workspace, loss: loss)
        backward(&workspace, gradients: &gradients)
        return value
    }
}
