import Foundation
import Numerics

/// The standard normal restricted to (−2, 2), as Keras and JAX use it for their
/// variance-scaling rules.
///
/// Cutting the tails removes variance: for Z ~ N(0, 1) given |Z| < c, with P = P(|Z| < c) and φ
/// the standard normal density, integrating by parts gives
/// E[Z²] = 1 − 2cφ(c)/P and E[Z⁴] = 3 − 2(c³ + 3c)φ(c)/P. At c = 2 the standard deviation is
/// C = 0.8796…, so a rule that wants variance σ² draws with σ/C before cutting; Keras and
/// TensorFlow fixed exactly this 12% shortfall in 2018 (keras#8048, Keras PR #9963).
public enum TruncatedNormal {
    /// Where the normal is cut, in standard deviations of the distribution before the cut.
    public static let cut = 2.0

    /// The standard deviation of N(0, 1) restricted to (−2, 2), the constant in Keras's and JAX's
    /// source.
    public static let unitStandardDeviation = 0.87962566103423978

    /// E[Z⁴] / E[Z²]² for Z ~ N(0, 1) restricted to (−2, 2): the kurtosis, which the scaling
    /// to a target variance leaves unchanged. About 2.36, against 3 for the untruncated normal.
    public static let kurtosis: Double = {
        let density = exp(-cut * cut / 2) / (2 * Double.pi).squareRoot()
        let inside = 1 - StandardNormal.twoSidedTail(cut)
        let second = 1 - 2 * cut * density / inside
        let fourth = 3 - 2 * (cut * cut * cut + 3 * cut) * density / inside
        return fourth / (second * second)
    }()

    /// The largest magnitude a weight of target standard deviation `std` can take: 2σ/C.
    public static func bound(std: Double) -> Double {
        cut * (std / unitStandardDeviation)
    }

    /// Fills `buffer` with independent draws of variance `std²`, by rejection: a standard normal
    /// draw is kept when it lies inside the cut (95.4% of them do), then scaled by σ/C.
    static func fill(_ buffer: UnsafeMutableBufferPointer<Float>, std: Double, using random: inout RandomSource) {
        let scale = std / unitStandardDeviation
        var i = buffer.startIndex
        while i < buffer.endIndex {
            let (z0, z1) = random.nextNormalPair()
            if abs(z0) < cut {
                buffer[i] = Float(scale * z0)
                i += 1
            }
            if i < buffer.endIndex, abs(z1) < cut {
                buffer[i] = Float(scale * z1)
                i += 1
            }
        }
    }
}
