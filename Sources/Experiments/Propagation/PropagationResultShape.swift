import Networks

extension Propagation {
    /// One grid run per job of the grid, one histogram run per rule and one scale run per
    /// standard deviation, in the order of the run, each with a value per hidden layer and
    /// per bin. Second moments may overflow for scales a configuration chooses, so only the
    /// fractions and the fixed activation edges are held to their ranges.
    public func problems(in result: Result) -> [String] {
        let grid = jobs.compactMap { job -> (Activation, InitializerChoice, Bool, Int)? in
            guard case .grid(let activation, let rule, let batchNorm, let realisation) = job else { return nil }
            return (activation, rule, batchNorm, realisation)
        }
        var problems = ResultShape.count("propagation grid runs", result.grid.count, expected: grid.count)
        problems += ResultShape.count("propagation histogram runs", result.histograms.count, expected: parameters.histograms.rules.count)
        problems += ResultShape.count(
            "propagation ReLU scale runs", result.reluScale.count, expected: parameters.reluScale.standardDeviations.count)
        guard problems.isEmpty else { return problems }
        for (run, (activation, rule, batchNorm, realisation)) in zip(result.grid, grid) {
            let name = "propagation grid run \(activation.name)/\(rule.label)/bn=\(batchNorm)/\(realisation)"
            if run.activation != activation || run.rule != rule || run.batchNorm != batchNorm || run.realisation != realisation {
                problems.append("\(name): holds another run")
            }
            problems += ResultShape.count("\(name) forward layers", run.forward.count, expected: parameters.grid.depth)
            problems += ResultShape.count("\(name) backward layers", run.backward.count, expected: parameters.grid.depth)
            problems += ResultShape.fraction(name, run.forward.map { $0.saturatedFraction })
        }
        let setup = parameters.histograms
        for (run, rule) in zip(result.histograms, setup.rules) {
            let name = "propagation histogram run \(rule.label)"
            if run.rule != rule { problems.append("\(name): holds \(run.rule.label)") }
            problems += ResultShape.count("\(name) activation edges", run.activationEdges.count, expected: setup.bins + 1)
            problems += ResultShape.finite("\(name) activation edges", run.activationEdges)
            problems += ResultShape.count("\(name) activation layers", run.activationDensities.count, expected: setup.depth)
            problems += ResultShape.count("\(name) gradient layers", run.gradientDensities.count, expected: setup.depth)
            problems += ResultShape.count("\(name) activation statistics", run.activationStatistics.count, expected: setup.depth)
            problems += ResultShape.count("\(name) gradient statistics", run.gradientStatistics.count, expected: setup.depth)
            for densities in run.activationDensities {
                problems += ResultShape.count("\(name) activation bins", densities.count, expected: setup.bins)
            }
            // All-zero gradients have no range to bin, and give no densities.
            for densities in run.gradientDensities where !densities.isEmpty {
                problems += ResultShape.count("\(name) gradient bins", densities.count, expected: setup.bins)
            }
        }
        let scale = parameters.reluScale
        let samples = (scale.width * scale.batch + Propagation.sampleStride - 1) / Propagation.sampleStride
        for (run, deviation) in zip(result.reluScale, scale.standardDeviations) {
            let name = "propagation ReLU scale run σ=\(deviation)"
            if run.standardDeviation != deviation { problems.append("\(name): holds σ=\(run.standardDeviation)") }
            problems += ResultShape.count("\(name) layers", run.outputSecondMoments.count, expected: scale.depth)
            problems += ResultShape.count("\(name) zero fractions", run.zeroFractions.count, expected: scale.depth)
            problems += ResultShape.fraction(name, run.zeroFractions)
            problems += ResultShape.count("\(name) sampled layers", run.samples.count, expected: scale.depth)
            for layer in run.samples {
                problems += ResultShape.count("\(name) samples", layer.count, expected: samples)
            }
        }
        return problems
    }
}
