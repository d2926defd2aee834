/// One step of the decision procedure: for a kind of network, the rule to start it from and the
/// setting of that rule that matters. The library calls are the rule's `equivalents`, so the
/// procedure names no initialiser of its own.
public struct Decision: Sendable, Hashable {
    /// The network, as a practitioner describes it ("ReLU, leaky ReLU or PReLU units").
    public let network: String
    /// The rule to start from.
    public let rule: RuleID
    /// What to set when calling it, or why this rule.
    public let setting: String
    /// The label (`{#sec:LABEL}`) of the section of the handout that derives the step.
    public let section: String

    /// The libraries a practitioner calls (Lasagne is no longer maintained).
    public static let libraries: [Library] = [.pytorch, .keras, .jax, .flux]

    /// The rule's counterparts in `libraries`, in that order.
    public var calls: [LibraryEquivalent] {
        Self.libraries.compactMap { library in rule.equivalents.first { $0.library == library } }
    }

    /// The procedure, for what the handout derives (SELU comes with the chapter that derives it).
    /// The procedure, for what the handout derives.
    public static let procedure: [Decision] = [
        Decision(
            network: "ReLU, leaky ReLU or PReLU units", rule: .heNormal,
            setting: "mode fan_in; a = the negative slope (0 for ReLU)", section: "relu"),
        Decision(
            network: "tanh units", rule: .glorotUniform, setting: "fan_avg: the compromise of the forward and backward passes",
            section: "backward"),
        Decision(
            network: "Logistic units", rule: .glorotUniformSigmoid,
            setting: "four times Glorot's bound, for the logistic slope ¼ at 0",
            section: "backward"),
        Decision(
            network: "Deep tanh or linear networks", rule: .orthogonal,
            setting: "gain 1: every singular value of a layer is 1, so the Jacobian's do not spread", section: "orthogonal"),
        Decision(
            network: "ReLU units with batch normalisation before every activation", rule: .heNormal,
            setting: "any scale trains; only the last layer's scale remains, and He's rule sets it", section: "batchnorm"),
        Decision(
            network: "Residual networks of ReLU branches", rule: .heNormal,
            setting: "in every branch, then its last layer ÷ √L for L blocks; or that layer at 0, the others × L^(−1/(2m−2)) (Fixup)",
            section: "residual"),
        Decision(
            network: "Transformers", rule: .normal,
            setting:
                "std 0.02, tied embeddings too; the residual projections ÷ √(2N) for N layers (GPT-2), or a zero gate per branch (ReZero)",
            section: "residual"),
        Decision(
            network: "SELU units (self-normalising networks)", rule: .lecunNormal,
            setting: "gain 1, so that (0, 1) is the fixed point; not PyTorch's calculate_gain('selu') = ¾",
            section: "lsuv-selu"),
        Decision(
            network: "Any activation, with a batch of data at hand", rule: .lsuv,
            setting: "orthogonal, then each layer rescaled to output variance 1 on a batch",
            section: "lsuv-selu"),
    ]
}
