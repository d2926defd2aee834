import Foundation

/// Runs a plan: for each experiment, a cache hit or a run, then its checks.
public struct Runner: Sendable {
    public struct Outcome: Sendable {
        public let results: [ExperimentResult]
        /// One line per experiment: its id, whether the cache served it, and how long it took.
        public let timings: [(experiment: String, cached: Bool, seconds: Double)]
        public let warnings: [String]
    }

    public let plan: Plan
    public let cache: ResultCache?

    public init(plan: Plan, cache: ResultCache?) {
        self.plan = plan
        self.cache = cache
    }

    /// Runs the plan, or with `shard` = (i, n) only the experiments at positions i, i + n, …
    /// (counting from 0), which is how several machines share one plan.
    /// `watch` is handed each experiment's progress as it starts running (not when the cache
    /// serves it) and told when it ends.
    public func run(
        shard: (index: Int, count: Int) = (0, 1),
        log: @Sendable (String) -> Void = { _ in },
        watch: @Sendable (_ experiment: String, _ progress: RunProgress?) -> Void = { _, _ in }
    ) -> Outcome {
        let share = plan.experiments.enumerated().filter { $0.offset % shard.count == shard.index }.map(\.element)
        // A cache that cannot be written says so once, and is not tried again for the rest
        // of the plan: every later entry would fail the same way.
        var cache = cache
        var outcomes: [(result: ExperimentResult, cached: Bool, seconds: Double, warnings: [String])] = []
        for experiment in share {
            let outcome = execute(experiment, cache: cache, log: log, watch: watch)
            outcomes.append((outcome.result, outcome.cached, outcome.seconds, outcome.warnings))
            if !outcome.stored { cache = nil }
        }
        return Outcome(
            results: outcomes.map(\.result),
            timings: outcomes.map { ($0.result.id, $0.cached, $0.seconds) },
            warnings: outcomes.flatMap(\.warnings))
    }

    private func execute<E: Experiment>(
        _ experiment: E, cache: ResultCache?, log: (String) -> Void, watch: (String, RunProgress?) -> Void
    ) -> (result: ExperimentResult, cached: Bool, seconds: Double, warnings: [String], stored: Bool) {
        let start = DispatchTime.now().uptimeNanoseconds
        var warnings: [String] = []
        var stored = true
        var cached = false
        let result: E.Result
        switch cache?.load(experiment, seed: plan.seed) ?? .miss {
        case .hit(let entry):
            result = entry
            cached = true
        case .corrupt(let reason):
            warnings.append("cache entry ignored and recomputed: \(reason)")
            result = running(experiment, log: log, watch: watch)
        case .miss:
            result = running(experiment, log: log, watch: watch)
        }
        if !cached, let cache {
            do {
                try cache.store(result, for: experiment, seed: plan.seed)
            } catch {
                warnings.append("cannot write the cache in \(cache.folder.path) (\(error)); results of this build are not cached")
                stored = false
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let checked = ExperimentResult(experiment: experiment, result: result, checks: experiment.checks(result))
        return (checked, cached, seconds, warnings, stored)
    }

    private func running<E: Experiment>(_ experiment: E, log: (String) -> Void, watch: (String, RunProgress?) -> Void) -> E.Result {
        log("running \(E.id)")
        let progress = RunProgress()
        watch(E.id, progress)
        defer { watch(E.id, nil) }
        return experiment.run(random: E.stream(seed: plan.seed), progress: progress)
    }
}
