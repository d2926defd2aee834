import Numerics

/// The distribution of each input feature x_i; features are independent.
public enum InputDistribution: String, Codable, Sendable, Hashable {
    /// N(0, 1): inputs standardised to mean 0 and variance 1.
    case standardNormal
    /// Integers 0…255, each equally likely: raw 8-bit pixel values.
    case pixels

    /// E[x].
    public var mean: Double {
        switch self {
        case .standardNormal: 0
        case .pixels: 127.5
        }
    }

    /// E[x²]: the factor the variance of a weighted sum picks up from the inputs.
    public var secondMoment: Double { rawMoment(2) }

    /// E[x⁴].
    public var fourthMoment: Double { rawMoment(4) }

    private func rawMoment(_ k: Int) -> Double {
        switch self {
        case .standardNormal:
            // E[z^k] = (k − 1)!! for even k.
            stride(from: k - 1, to: 0, by: -2).reduce(1.0) { $0 * Double($1) }
        case .pixels:
            (0...255).reduce(0.0) { $0 + pow(Double($1), k) } / 256
        }
    }

    /// Fills `buffer` with independent draws.
    public func fill(_ buffer: UnsafeMutableBufferPointer<Float>, using random: inout RandomSource) {
        switch self {
        case .standardNormal:
            random.fillNormal(buffer)
        case .pixels:
            for i in buffer.indices { buffer[i] = Float(random.next() >> 56) }
        }
    }
}

private func pow(_ x: Double, _ k: Int) -> Double {
    (0..<k).reduce(1.0) { product, _ in product * x }
}
