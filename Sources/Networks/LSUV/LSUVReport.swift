import Foundation

/// What LSUV did to one dense layer: the variance of its output before each rescaling and after
/// the last, and why it stopped.
public struct LSUVLayer: Sendable, Hashable, Codable {
    /// Why the layer's loop ended.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// |Var(A) − 1| < tolerance.
        case withinTolerance
        /// The cap on rescalings came first: the variance does not respond enough to the scale
        /// of W, as when the spread of the biases alone exceeds 1.
        case reachedCap
        /// Var(A) is 0 (or not finite), so no scale of W can make it 1: every input of the
        /// layer is the same over the batch, as behind a layer of dead ReLUs.
        case noVariance
    }

    /// Var(A) as measured before each rescaling, then after the last one: one more than the
    /// rescalings made.
    public let variances: [Double]
    public let outcome: Outcome

    /// The rescalings made (T_i in the paper).
    public var iterations: Int { variances.count - 1 }
    /// Var(A) as LSUV left it.
    public var finalVariance: Double { variances[variances.count - 1] }
}

/// What LSUV did to every dense layer of a network, the output layer last.
public struct LSUVReport: Sendable, Hashable, Codable {
    public let tolerance: Double
    public let layers: [LSUVLayer]

    /// Whether every layer ended within the tolerance.
    public var converged: Bool { layers.allSatisfy { $0.outcome == .withinTolerance } }

    /// One line per layer that did not reach the tolerance, naming it (counted from 1) and why;
    /// empty when every layer did.
    public var problems: [String] {
        layers.indices.compactMap { index in
            let layer = layers[index]
            let variance = String(format: "%.3g", layer.finalVariance)
            switch layer.outcome {
            case .withinTolerance: return nil
            case .reachedCap:
                return "layer \(index + 1): Var(A) = \(variance) after \(layer.iterations) rescalings, "
                    + "still outside 1 ± \(tolerance): the cap on iterations stopped it (biases spread too far?)"
            case .noVariance:
                return "layer \(index + 1): Var(A) = \(variance) on the batch, which no scale of W makes 1: "
                    + "its inputs do not vary (dead units below?); left as it was"
            }
        }
    }
}
