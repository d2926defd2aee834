import Foundation

/// Bulk sampling into caller-owned buffers: the hot loops of every experiment draw millions of
/// numbers, so these write in place without allocating.
extension RandomSource {
    /// Fills `buffer` with independent draws from U(low, high).
    public mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>, low: Double, high: Double) {
        let width = high - low
        for i in buffer.indices {
            buffer[i] = Float(low + width * nextUnit())
        }
    }

    /// Fills `buffer` with independent draws from N(mean, std²), by the Box–Muller transform
    /// (both outputs of each pair are used).
    public mutating func fillNormal(_ buffer: UnsafeMutableBufferPointer<Float>, mean: Double = 0, std: Double = 1) {
        var i = buffer.startIndex
        while i < buffer.endIndex {
            let (z0, z1) = nextNormalPair()
            buffer[i] = Float(mean + std * z0)
            i += 1
            if i < buffer.endIndex {
                buffer[i] = Float(mean + std * z1)
                i += 1
            }
        }
    }

    /// Two independent standard normal draws (Box–Muller).
    @inlinable
    public mutating func nextNormalPair() -> (Double, Double) {
        let radius = (-2 * Foundation.log(nextOpenUnit())).squareRoot()
        let angle = 2 * Double.pi * nextUnit()
        return (radius * Foundation.cos(angle), radius * Foundation.sin(angle))
    }

    /// One standard normal draw.
    public mutating func nextNormal() -> Double {
        nextNormalPair().0
    }
}
