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
        // Through buffers, so the loops over units vectorise; each unit still sums its rows in order.
        a.elements.withUnsafeBufferPointer { a in
            layer.batchMean.withUnsafeBufferPointer { mean in
                layer.batchVariance.withUnsafeMutableBufferPointer { variance in
                    for row in 0..<(a.count / max(mean.count, 1)) {
                        let offset = row * mean.count
                        for unit in 0..<mean.count {
                            let deviation = a[offset + unit] - mean[unit]
                            variance[unit] += deviation * deviation
                        }
                    }
                }
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
        let a = layer.preActivations, inverse = layer.inverseStandardDeviation
        let width = a.columns
        a.elements.withUnsafeBufferPointer { a in
            layer.normalized.elements.withUnsafeMutableBufferPointer { normalized in
                layer.normalizedPreActivations.elements.withUnsafeMutableBufferPointer { z in
                    for row in 0..<(a.count / max(width, 1)) {
                        let offset = row * width
                        for unit in 0..<width {
                            let value = (a[offset + unit] - mean[unit]) * inverse[unit]
                            normalized[offset + unit] = value
                            z[offset + unit] = scale[unit] * value + shift[unit]
                        }
                    }
                }
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
        let width = g.columns, inverse = layer.inverseStandardDeviation
        let perSample: Float = mode == .training ? 1 / Float(g.rows) : 0
        let shiftSums = shiftGradient
        g.elements.withUnsafeBufferPointer { g in
            xHat.elements.withUnsafeBufferPointer { xHat in
                scaleGradient.withUnsafeMutableBufferPointer { scaleSums in
                    for row in 0..<(g.count / max(width, 1)) {
                        let offset = row * width
                        for unit in 0..<width { scaleSums[unit] += g[offset + unit] * xHat[offset + unit] }
                    }
                }
                let scaleSums = scaleGradient
                layer.normalizationGradients.elements.withUnsafeMutableBufferPointer { gradients in
                    for row in 0..<(g.count / max(width, 1)) {
                        let offset = row * width
                        for unit in 0..<width {
                            let correction = perSample * (shiftSums[unit] + xHat[offset + unit] * scaleSums[unit])
                            gradients[offset + unit] = scale[unit] * inverse[unit] * (g[offset + unit] - correction)
                        }
                    }
                }
            }
        }
    }
}
