import ArgumentParser
import Configuration
import Experiments
import FileSafety
import Foundation
import TextSupport

/// The options that decide what is computed: shared by `build` and `run`, so a shard and the
/// build that assembles it agree on every parameter.
struct PlanOptions: ParsableArguments {
    @Option(
        help: """
            A YAML file with the seed, the profile, any experiment parameters to change and the course's title block and \
            sections (see `initlab config --defaults`).
            """)
    var config: String?

    @Option(help: "The seed every random stream derives from (default 1; overrides the configuration file).")
    var seed: UInt64?

    @Option(
        help:
            "How big the experiments are: quick (seconds, for tests), handout (the printed handout; the default) or paper (the papers' sizes, for those with time). Overrides the configuration file."
    )
    var profile: Profile?

    @Option(help: "The folder experiment results are cached in.")
    var cache = ".initlab-cache"

    @Flag(help: "Run every experiment, neither reading nor writing the cache.")
    var noCache = false

    func plan() throws(LocatedError) -> Plan {
        try configuration().plan
    }

    /// The plan and the course's settings, from the configuration file or the profile.
    func configuration() throws(LocatedError) -> BuildConfiguration {
        guard let config else { return try BuildConfiguration(profile: profile ?? .handout, seed: seed ?? 1).readingData() }
        return try BuildConfiguration(path: config, seed: seed, profile: profile)
    }

    /// The cache, once its folder is known to be initlab's (or absent); a user's folder given
    /// by mistake is refused here, before any experiment runs and with nothing written into it.
    func resultCache() throws(FileSafetyError) -> ResultCache? {
        guard !noCache else { return nil }
        let folder = URL(fileURLWithPath: cache)
        try CacheFolder.claim(folder)
        return ResultCache(folder: folder)
    }
}

extension Profile: ExpressibleByArgument {}
