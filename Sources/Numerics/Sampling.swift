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

    /// Fills `buffer` with independent draws from N(mean, std²), by Marsaglia's polar method
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

    /// Two independent standard normal draws: a point uniform in the unit disc, (u, v) with
    /// s = u² + v², gives u·√(−2 ln s / s) and v·√(−2 ln s / s). It needs no sine or cosine,
    /// and accepts π/4 of the points it tries.
    @inlinable
    public mutating func nextNormalPair() -> (Double, Double) {
        while true {
            let u = 2 * nextUnit() - 1
            let v = 2 * nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * Foundation.log(s) / s).squareRoot()
                return (u * factor, v * factor)
            }
        }
    }

    /// One standard normal draw.
    public mutating func nextNormal() -> Double {
        nextNormalPair().0
    }
}
