extension OrderAndChaos {
    /// A cell per row and column of the phase diagram, a point of the critical line per row edge,
    /// a correlation run per phase and network with a finite correlation at every hidden layer,
    /// and a trainability cell per σ_w², depth and seed with an accuracy between 0 and 1 unless
    /// it diverged.
    public func problems(in result: Result) -> [String] {
        let p = parameters
        var problems = ResultShape.count("meanfield phase cells", result.phase.count, expected: p.phaseRows * p.phaseColumns)
        problems += ResultShape.count("meanfield critical line", result.line.count, expected: p.phaseRows + 1)
        problems += ResultShape.count("meanfield correlation runs", result.runs.count, expected: Phase.allCases.count * p.networks)
        problems += ResultShape.count(
            "meanfield trainability cells", result.training.count,
            expected: p.trainWeightVariances.count * p.trainDepths.count * p.trainSeeds)
        if result.classes < 2 { problems.append("meanfield: \(result.classes) classes, fewer than any data set has") }
        guard problems.isEmpty else { return problems }
        for run in result.runs {
            let name = "meanfield run \(run.phase.rawValue)/\(run.network)"
            problems += ResultShape.count("\(name) layers", run.correlations.count, expected: p.depth)
            problems += ResultShape.finite(name, run.correlations)
        }
        problems += ResultShape.finite("meanfield phase cells", result.phase.flatMap { [$0.fixedLength, $0.chi1, $0.fixedCorrelation] })
        problems += ResultShape.finite("meanfield critical line", result.line.map(\.weightVariance))
        problems += ResultShape.fraction("meanfield accuracies", result.training.compactMap(\.accuracy))
        return problems
    }
}
