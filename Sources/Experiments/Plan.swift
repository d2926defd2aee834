/// The experiments of one build, each with fully resolved parameters.
public struct Plan: Sendable {
    /// Every experiment the handout has, in the order the build runs them.
    public static let catalogue: [any Experiment.Type] = [
        Saturation.self, Propagation.self, Modes.self, Isometry.self, Convergence.self,
        Residual.self, LayerNormPlacement.self, Bias.self, OrderAndChaos.self, Fluctuation.self, SELU.self, LSUVStart.self,
    ]

    public let seed: UInt64
    public let profile: Profile
    public let experiments: [any Experiment]

    /// Every experiment at the sizes of `profile`.
    public init(seed: UInt64, profile: Profile) {
        self.init(seed: seed, profile: profile, experiments: Self.catalogue.map { $0.init(profile: profile) })
    }

    public init(seed: UInt64, profile: Profile, experiments: [any Experiment]) {
        self.seed = seed
        self.profile = profile
        self.experiments = experiments
    }
}
