import Networks

extension LayerNormPlacement {
    /// One run per placement and realisation, in the order of the run, each with L + 1 second
    /// moments and L gradients, finite: normalisation keeps every value in range.
    public func problems(in result: Result) -> [String] {
        let expected = placements.flatMap { placement in (0..<parameters.realisations).map { (placement, $0) } }
        var problems = ResultShape.count("layernorm runs", result.runs.count, expected: expected.count)
        guard problems.isEmpty else { return problems }
        for (run, (placement, realisation)) in zip(result.runs, expected) {
            let name = "layernorm run \(placement.rawValue)/\(realisation)"
            if run.placement != placement || run.realisation != realisation {
                problems.append("\(name): holds \(run.placement.rawValue)/\(run.realisation)")
            }
            problems += ResultShape.count("\(name) forward", run.forward.count, expected: parameters.depth + 1)
            problems += ResultShape.count("\(name) gradient", run.gradient.count, expected: parameters.depth)
            problems += ResultShape.finite(name, run.forward + run.gradient + (placement == .pre ? [run.growth, run.outputProjection] : []))
        }
        return problems
    }
}
