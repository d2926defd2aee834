import Networks
import Numerics

extension Workspace {
    /// Inputs of independent N(0, 1) entries, the input law the variance theory assumes.
    mutating func fillInputsStandardNormal(using random: inout RandomSource) {
        inputs.elements.withUnsafeMutableBufferPointer { random.fillNormal($0) }
    }
}
