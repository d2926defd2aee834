import Numerics

/// Layer-sequential unit-variance initialisation (Mishkin & Matas 2016): starting from weights
/// already drawn (the paper draws them orthogonal), each dense layer, first to last, is
/// rescaled on a batch until the variance of its output, A = X Wᵀ + b pooled over the batch and
/// the units, lies within ``tolerance`` of 1, or ``maximumIterations`` rescalings were made.
/// Each rescaling divides W by √Var(A). Biases are left as they are, as in the paper.
///
/// The output is measured before the activation, as the authors' code does (Caffe applies a
/// ReLU in place after the variance is read). With a zero bias, A is linear in W, so
/// Var(A/√v) = Var(A)/v = 1: one rescaling suffices, and more are needed only when the bias
/// or rounding makes the variance respond less than in proportion.
///
/// Deterministic: the same network and batch give the same weights.
public struct LSUV: Sendable, Hashable, Codable {
    /// Tol_var: the largest |Var(A) − 1| accepted. The paper's 0.1; the authors' code uses 0.02.
    public let tolerance: Double
    /// T_max: the most rescalings of one layer. The paper's 10; the authors' code uses 20.
    public let maximumIterations: Int

    /// Throws nothing a user can cause: the experiments pass their configured, checked values.
    public init(tolerance: Double = 0.1, maximumIterations: Int = 10) {
        precondition(tolerance > 0 && maximumIterations >= 1, "LSUV needs a positive tolerance and at least one iteration")
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
    }

    /// Rescales the dense layers of `network` in place on `batch` (one sample per row) and says
    /// what each layer took. The network must not use batch normalisation, whose statistics
    /// would undo the rescaling.
    public func normalize(_ network: inout Network, batch: Matrix) -> LSUVReport {
        precondition(!network.architecture.batchNorm, "LSUV rescales networks without batch normalisation")
        var workspace = Workspace(network.architecture, batchSize: batch.rows)
        workspace.inputs = batch
        var layers: [LSUVLayer] = []
        let last = network.dense.count - 1
        for index in 0...last {
            let input = index == 0 ? workspace.inputs : workspace.layers[index - 1].activations
            var variances: [Double] = []
            var outcome = LSUVLayer.Outcome.withinTolerance
            while true {
                network.dense[index].multiply(input, into: &workspace.layers[index].preActivations)
                let variance = Self.variance(workspace.layers[index].preActivations, bias: network.dense[index].bias)
                variances.append(variance)
                if abs(variance - 1) < tolerance { break }
                guard variance > 0 && variance.isFinite else {
                    outcome = .noVariance
                    break
                }
                guard variances.count <= maximumIterations else {
                    outcome = .reachedCap
                    break
                }
                let factor = Float(1 / variance.squareRoot())
                network.dense[index].weights.elements.withUnsafeMutableBufferPointer { weights in
                    for i in weights.indices { weights[i] *= factor }
                }
            }
            layers.append(LSUVLayer(variances: variances, outcome: outcome))
            if index < last { workspace.layers[index].activate(network.architecture.activation, bias: network.dense[index].bias) }
        }
        return LSUVReport(tolerance: tolerance, layers: layers)
    }

    /// The variance of A + b over every element, in double precision.
    static func variance(_ preActivations: Matrix, bias: [Float]) -> Double {
        var moments = Moments()
        let columns = preActivations.columns
        preActivations.elements.withUnsafeBufferPointer { a in
            for row in 0..<preActivations.rows {
                for column in 0..<columns {
                    moments.add(Double(a[row * columns + column]) + (bias.isEmpty ? 0 : Double(bias[column])))
                }
            }
        }
        return moments.variance
    }
}
