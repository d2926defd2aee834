/// Where and why a training run stopped early: a loss or a parameter that is no longer a finite
/// number. The run keeps what it measured before; nothing NaN is recorded.
public struct Divergence: Codable, Sendable, Hashable {
    /// What stopped being finite.
    public enum Cause: String, Codable, Sendable, Hashable {
        /// The mini-batch loss of the step was NaN or ±∞.
        case trainingLoss = "training-loss"
        /// A weight, bias or batch-normalisation parameter became NaN or ±∞ in the update.
        case parameters
        /// The held-out loss was NaN or ±∞ (outputs overflowed with finite parameters).
        case heldOutLoss = "held-out-loss"
    }

    /// The step (1 for the first update) during or after which the run stopped.
    public var step: Int
    public var cause: Cause
}
