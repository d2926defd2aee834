/// The identity initialisation: gain times the identity matrix, so a square layer starts by
/// passing its input through unchanged.
enum Identity {
    /// Writes gain on the diagonal of a dense (out, in) matrix, rectangular or not. A kernel
    /// (out, in, k₁, …) gets the convolution's identity, PyTorch's `dirac_`: channel d to channel
    /// d at the centre tap (index k/2 in each spatial dimension, the right-of-centre tap for even
    /// sizes, where Flux and JAX take (k−1)/2).
    static func fill(_ weights: UnsafeMutableBufferPointer<Float>, shape: [Int], gain: Double) {
        weights.update(repeating: 0)
        let kernel = shape.dropFirst(2)
        let field = kernel.reduce(1, *)
        let centre = kernel.reduce(0) { offset, size in offset * size + size / 2 }
        for d in 0..<min(shape[0], shape[1]) {
            weights[(d * shape[1] + d) * field + centre] = Float(gain)
        }
    }
}
