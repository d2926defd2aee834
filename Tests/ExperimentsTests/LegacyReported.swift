import Experiments

extension LegacyReporting {
    /// Runs and reports without a cache, the way the experiments reported before presenters.
    func reported(seed: UInt64) -> ExperimentReport {
        report(run(random: Self.stream(seed: seed)))
    }
}
