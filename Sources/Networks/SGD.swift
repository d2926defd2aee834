import Numerics

/// Stochastic gradient descent with classical momentum (Polyak; as in Sutskever et al. 2013):
///   v ← μ·v − ε·g,   θ ← θ + v.
/// PyTorch's form, v ← μ·v + g, θ ← θ − ε·v, gives the same iterates while ε stays fixed
/// (its v is this v divided by −ε); the two differ only when ε changes during training.
/// μ = 0 is plain SGD, θ ← θ − ε·g, as Glorot & Bengio trained.
public struct SGD: Codable, Sendable, Hashable {
    /// ε.
    public var learningRate: Double
    /// μ.
    public var momentum: Double

    /// ε and μ; ``TrainingConfiguration`` checks that ε > 0 and 0 ≤ μ < 1.
    public init(learningRate: Double, momentum: Double = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// Updates every parameter of `network` from `gradients`, carrying the velocity (shaped
    /// like the gradients, zero at the start) from step to step. Returns false when a
    /// parameter has become NaN or ±∞.
    public func step(_ network: inout Network, gradients: Gradients, velocity: inout Gradients) -> Bool {
        var finite = true
        for index in network.dense.indices {
            finite =
                update(&network.dense[index].weights.elements, gradients.weights[index].elements, &velocity.weights[index].elements)
                && finite
            finite = update(&network.dense[index].bias, gradients.biases[index], &velocity.biases[index]) && finite
        }
        for index in network.batchNorm.indices {
            finite = update(&network.batchNorm[index].scale, gradients.scales[index], &velocity.scales[index]) && finite
            finite = update(&network.batchNorm[index].shift, gradients.shifts[index], &velocity.shifts[index]) && finite
        }
        return finite
    }

    /// A dense layer's weights stepped during back-propagation, while the layer is in cache and
    /// without storing their gradient: v ← μ·v − ε·(dAᵀ X) as one GEMM into the velocity
    /// (alpha −ε, beta μ), then θ ← θ + v. Returns false when a weight has become NaN or ±∞.
    func step(_ weights: inout Matrix, velocity: inout Matrix, outputGradient: Matrix, input: Matrix) -> Bool {
        Matrix.multiply(outputGradient, .transposed, input, .none, into: &velocity, alpha: -Float(learningRate), beta: Float(momentum))
        return Self.advance(&weights.elements, by: velocity.elements)
    }

    /// v ← μ·v − ε·g, then θ ← θ + v.
    func update(_ parameters: inout [Float], _ gradient: [Float], _ velocity: inout [Float]) -> Bool {
        let mu = Float(momentum), epsilon = Float(learningRate)
        gradient.withUnsafeBufferPointer { g in
            velocity.withUnsafeMutableBufferPointer { v in
                for i in 0..<v.count { v[i] = mu * v[i] - epsilon * g[i] }
            }
        }
        return Self.advance(&parameters, by: velocity)
    }

    /// θ ← θ + v; false when some θ is NaN or ±∞ afterwards.
    static func advance(_ parameters: inout [Float], by velocity: [Float]) -> Bool {
        // A Float is NaN or ±∞ exactly when its 8 exponent bits are all ones; OR-ing a flag for
        // that over the loop checks every parameter in the same pass, and, unlike a
        // floating-point sum, an integer OR still vectorises.
        var nonFinite: UInt32 = 0
        velocity.withUnsafeBufferPointer { v in
            parameters.withUnsafeMutableBufferPointer { theta in
                precondition(theta.count == v.count, "\(v.count) velocities for \(theta.count) parameters")
                for i in 0..<theta.count {
                    let updated = theta[i] + v[i]
                    theta[i] = updated
                    nonFinite |= (((updated.bitPattern >> 23) & 0xFF) &+ 1) >> 8
                }
            }
        }
        return nonFinite == 0
    }
}
