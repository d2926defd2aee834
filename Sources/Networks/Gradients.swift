import Numerics

/// One value per parameter of a network, in the network's own layout: the gradient of the loss
/// after a backward pass, or an optimiser's per-parameter state (SGD's velocity).
public struct Gradients: Sendable, Hashable {
    /// ∂L/∂W of each dense layer, (fan_out, fan_in), the output layer last.
    public internal(set) var weights: [Matrix]
    /// ∂L/∂b of each dense layer (empty where batch normalisation replaces the bias).
    public internal(set) var biases: [[Float]]
    /// ∂L/∂γ and ∂L/∂β of each batch normalisation (none without it).
    public internal(set) var scales: [[Float]]
    public internal(set) var shifts: [[Float]]

    /// Zeros, shaped like the parameters of `architecture`.
    public init(_ architecture: Architecture) {
        let shapes = architecture.layerShapes
        weights = shapes.map { Matrix(rows: $0.fanOut, columns: $0.fanIn) }
        biases = shapes.indices.map { index in
            let hasBias = !architecture.batchNorm || index == shapes.count - 1
            return [Float](repeating: 0, count: hasBias ? shapes[index].fanOut : 0)
        }
        // Separate arrays for scales and shifts: shared storage would be copied on the first write.
        func perUnit() -> [[Float]] {
            architecture.batchNorm ? architecture.hiddenWidths.map { [Float](repeating: 0, count: $0) } : []
        }
        scales = perUnit()
        shifts = perUnit()
    }
}
