extension Convergence {
    /// One run per setup, batch-norm choice, rule and seed, in the order of the run. A run that
    /// did not diverge has an evaluation at every evaluation step (at most `evaluations`, fewer
    /// when short runs repeat a step) with an accuracy between 0 and 1; a diverged run keeps
    /// the evaluations before its divergence, whose losses may be infinite. The data has two
    /// classes or more.
    public func problems(in result: Result) -> [String] {
        var expected: [(setup: Setup, rule: InitializerChoice, batchNorm: Bool, seed: Int)] = []
        for setup in parameters.setups {
            for batchNorm in setup.batchNorm {
                for rule in setup.rules {
                    for seed in 0..<parameters.seeds { expected.append((setup, rule, batchNorm, seed)) }
                }
            }
        }
        var problems = ResultShape.count("convergence runs", result.runs.count, expected: expected.count)
        if result.classes < 2 { problems.append("convergence: \(result.classes) classes, fewer than any data set has") }
        guard problems.isEmpty else { return problems }
        for (run, job) in zip(result.runs, expected) {
            let name = "convergence run \(job.setup.name)/\(job.rule.label)/bn=\(job.batchNorm)/seed=\(job.seed)"
            if run.setup != job.setup.name || run.rule != job.rule || run.batchNorm != job.batchNorm || run.seed != job.seed {
                problems.append("\(name): holds \(run.setup)/\(run.rule.label)/bn=\(run.batchNorm)/seed=\(run.seed)")
            }
            if run.points.count > parameters.evaluations {
                problems.append("\(name): \(run.points.count) evaluations, more than \(parameters.evaluations)")
            }
            if !run.points.allSatisfy({ (0...job.setup.steps).contains($0.step) }) {
                problems.append("\(name): an evaluation outside steps 0 to \(job.setup.steps)")
            }
            if run.divergedAt == nil {
                if run.points.isEmpty { problems.append("\(name): no evaluation") }
                problems += ResultShape.fraction("\(name) accuracies", run.points.map(\.heldOutAccuracy))
            }
        }
        return problems
    }
}
