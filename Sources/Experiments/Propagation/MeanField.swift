import Networks

/// The mean-field (infinite-width) theory of a signal through an MLP at initialisation, for
/// zero-mean independent weights with σ_w² = fan_in · Var(W) and zero biases.
///
/// Forward: a pre-activation a_{l+1} = Σᵢ W_{ij} φ(a_{l,i}) is a sum of many independent terms,
/// close to N(0, q_{l+1}) with q_{l+1} = σ_w² · E[φ(√q_l z)²], z ~ N(0, 1) (the length map).
/// Backward: ∂L/∂a_l = φ′(a_l) ⊙ W_{l+1}ᵀ ∂L/∂a_{l+1}, so with fan_out · Var(W) = σ_w² for
/// equal widths, Var(∂L/∂a_l) = σ_w² · E[φ′(√q_l z)²] · Var(∂L/∂a_{l+1}).
/// For the linear activation E[φ²] = q and E[φ′²] = 1: both passes scale by σ_w² per layer.
public struct MeanField: Sendable {
    public let activation: Activation
    /// σ_w² of each hidden layer, first to last, and of the output layer.
    public let weightScales: [Double]

    public init(activation: Activation, weightScales: [Double]) {
        self.activation = activation
        self.weightScales = weightScales
    }

    /// q_l of every hidden layer, from inputs with E[x²] = `inputSecondMoment`.
    public func forward(inputSecondMoment: Double = 1) -> [Double] {
        var q: [Double] = []
        var incoming = inputSecondMoment
        // The first layer sees the inputs themselves, later ones the activations.
        for scale in weightScales.dropLast() {
            let next = scale * incoming
            q.append(next)
            incoming = activation.secondMoment(variance: next)
        }
        return q
    }

    /// Var(∂L/∂a_l) of every hidden layer, for an output gradient of variance `outputVariance`.
    public func backward(outputVariance: Double = 1, inputSecondMoment: Double = 1) -> [Double] {
        let q = forward(inputSecondMoment: inputSecondMoment)
        var result = [Double](repeating: 0, count: q.count)
        var above = outputVariance
        for layer in stride(from: q.count - 1, through: 0, by: -1) {
            above = weightScales[layer + 1] * activation.derivativeSecondMoment(variance: q[layer]) * above
            result[layer] = above
        }
        return result
    }
}
