import Numerics

/// Batch normalisation of each unit (Ioffe & Szegedy 2015): in training, x̂ = (a − μ_B)/√(σ²_B + ε)
/// with the batch's mean and biased variance, then z = γ x̂ + β; at inference, the running
/// averages replace the batch statistics.
///
/// The running averages follow PyTorch: r ← (1 − m)·r + m·(batch value), m = 0.1, with the
/// unbiased variance σ²_B·B/(B − 1) (the biased one when B = 1).
public struct BatchNorm: Sendable, Hashable {
    /// γ, starting at 1.
    public var scale: [Float]
    /// β, starting at 0.
    public var shift: [Float]
    /// The running averages inference uses, starting at mean 0 and variance 1.
    public var runningMean: [Float]
    public var runningVariance: [Float]

    /// ε in √(σ² + ε), PyTorch's default.
    public static let epsilon: Float = 1e-5
    /// m in the running averages' update, PyTorch's default.
    public static let momentum: Float = 0.1

    init(width: Int) {
        scale = [Float](repeating: 1, count: width)
        shift = [Float](repeating: 0, count: width)
        runningMean = [Float](repeating: 0, count: width)
        runningVariance = [Float](repeating: 1, count: width)
    }

    /// x̂ and Z from the batch's own statistics, which stay in the workspace for the running
    /// averages and the backward pass.
    func normalizeWithBatchStatistics(_ layer: inout LayerWorkspace) {
        let a = layer.preActivations, batch = Float(a.rows)
        // Two passes (mean, then squared deviations) avoid the cancellation in E[a²] − E[a]².
        a.sumColumns(into: &layer.batchMean)
        for unit in layer.batchMean.indices {
            layer.batchMean[unit] /= batch
            layer.batchVariance[unit] = 0
        }
        for row in 0..<a.rows {
            for unit in 0..<a.columns {
                let deviation = a[row, unit] - layer.batchMean[unit]
                layer.batchVariance[unit] += deviation * deviation
            }
        }
        for unit in layer.batchVariance.indices { layer.batchVariance[unit] /= batch }
        normalize(&layer, mean: layer.batchMean, variance: layer.batchVariance)
    }

    /// x̂ and Z from the running averages.
    func normalizeWithRunningStatistics(_ layer: inout LayerWorkspace) {
        normalize(&layer, mean: runningMean, variance: runningVariance)
    }

    private func normalize(_ layer: inout LayerWorkspace, mean: [Float], variance: [Float]) {
        for unit in variance.indices {
            layer.inverseStandardDeviation[unit] = 1 / (variance[unit] + Self.epsilon).squareRoot()
        }
        let a = layer.preActivations
        for row in 0..<a.rows {
            for unit in 0..<a.columns {
                let normalized = (a[row, unit] - mean[unit]) * layer.inverseStandardDeviation[unit]
                layer.normalized[row, unit] = normalized
                layer.normalizedPreActivations[row, unit] = scale[unit] * normalized + shift[unit]
            }
        }
    }

    /// Moves the running averages towards the statistics of the batch in `layer`.
    mutating func updateRunningStatistics(from layer: LayerWorkspace) {
        let batch = Float(layer.preActivations.rows)
        let unbiasing = batch > 1 ? batch / (batch - 1) : 1
        let m = Self.momentum
        for unit in runningMean.indices {
            runningMean[unit] = (1 - m) * runningMean[unit] + m * layer.batchMean[unit]
            runningVariance[unit] = (1 - m) * runningVariance[unit] + m * unbiasing * layer.batchVariance[unit]
        }
    }

    /// ∂L/∂A, ∂L/∂γ and ∂L/∂β from ∂L/∂Z (in `layer.backpropagated`).
    ///
    /// With batch statistics, μ_B and σ²_B depend on every sample, which gives
    /// ∂L/∂aᵢ = γ/√(σ²_B + ε) · (gᵢ − mean(g) − x̂ᵢ·mean(g x̂)), with g = ∂L/∂z, where
    /// mean(g) = ∂L/∂β / B and mean(g x̂) = ∂L/∂γ / B. At inference the map is affine and
    /// ∂L/∂aᵢ = γ/√(σ² + ε) · gᵢ.
    func backward(_ layer: inout LayerWorkspace, mode: Network.Mode, scaleGradient: inout [Float], shiftGradient: inout [Float]) {
        let g = layer.backpropagated, xHat = layer.normalized
        g.sumColumns(into: &shiftGradient)
        for unit in scaleGradient.indices { scaleGradient[unit] = 0 }
        for row in 0..<g.rows {
            for unit in 0..<g.columns { scaleGradient[unit] += g[row, unit] * xHat[row, unit] }
        }
        let perSample: Float = mode == .training ? 1 / Float(g.rows) : 0
        for row in 0..<g.rows {
            for unit in 0..<g.columns {
                let correction = perSample * (shiftGradient[unit] + xHat[row, unit] * scaleGradient[unit])
                layer.normalizationGradients[row, unit] = scale[unit] * layer.inverseStandardDeviation[unit] * (g[row, unit] - correction)
            }
        }
    }
}
