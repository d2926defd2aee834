import Numerics

extension Workspace {
    /// Sets ∂L/∂(logits) for the next backward pass directly, as propagation studies do: a
    /// gradient of known variance shows what the network itself does to it, whatever the loss.
    public mutating func setOutputGradients(_ fill: (UnsafeMutableBufferPointer<Float>) -> Void) {
        layers[layers.count - 1].backpropagated.elements.withUnsafeMutableBufferPointer { fill($0) }
    }

    /// Sets ∂L/∂(logits) to the gradient of `loss` at the current outputs and labels, and returns
    /// the loss.
    @discardableResult
    public mutating func setOutputGradients(loss: Loss) -> Double {
        loss.mean(of: &self)
    }
}
