/// The experiments of one build, each with fully resolved parameters.
public struct Plan: Sendable {
    public let seed: UInt64
    public let profile: Profile
    public let experiments: [any Experiment]

    public init(seed: UInt64, profile: Profile) {
        self.seed = seed
        self.profile = profile
        experiments = [Saturation(profile: profile)]
    }
}
