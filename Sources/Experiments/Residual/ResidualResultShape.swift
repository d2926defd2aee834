extension Residual {
    /// One run per scheme and realisation, in the order of the run, each with L + 1 second moments
    /// per pass and L values per block, all finite at the depths ``problems(_:)`` allows.
    public func problems(in result: Result) -> [String] {
        let expected = schemes.flatMap { scheme in (0..<parameters.realisations).map { (scheme, $0) } }
        var problems = ResultShape.count("residual runs", result.runs.count, expected: expected.count)
        guard problems.isEmpty else { return problems }
        let depth = parameters.depth
        for (run, (scheme, realisation)) in zip(result.runs, expected) {
            let name = "residual run \(scheme.rawValue)/\(realisation)"
            if run.scheme != scheme || run.realisation != realisation {
                problems.append("\(name): holds \(run.scheme.rawValue)/\(run.realisation)")
            }
            problems += ResultShape.count("\(name) forward", run.forward.count, expected: depth + 1)
            problems += ResultShape.count("\(name) backward", run.backward.count, expected: depth + 1)
            problems += ResultShape.count("\(name) branch", run.branch.count, expected: depth)
            problems += ResultShape.count("\(name) gradient", run.gradient.count, expected: depth)
            problems += ResultShape.count("\(name) projection gradient", run.projectionGradient.count, expected: depth)
            problems += ResultShape.finite(
                name, run.forward + run.backward + run.branch + run.gradient + run.projectionGradient + [run.identityError])
        }
        return problems
    }
}
