extension Modes {
    /// One run per variant and realisation, in the order of the run, each with a second moment
    /// per hidden layer forward and backward. He's rule keeps them finite at any sane depth.
    public func problems(in result: Result) -> [String] {
        let expected = variants.flatMap { variant in (0..<parameters.realisations).map { (variant, $0) } }
        var problems = ResultShape.count("modes runs", result.runs.count, expected: expected.count)
        guard problems.isEmpty else { return problems }
        let layers = parameters.widths.count - 1
        for (run, (variant, realisation)) in zip(result.runs, expected) {
            let name = "modes run \(variant.id)/\(realisation)"
            if run.variant != variant || run.realisation != realisation {
                problems.append("\(name): holds \(run.variant.id)/\(run.realisation)")
            }
            problems += ResultShape.count("\(name) forward layers", run.forward.count, expected: layers)
            problems += ResultShape.count("\(name) backward layers", run.backward.count, expected: layers)
            problems += ResultShape.finite(name, run.forward + run.backward)
        }
        return problems
    }
}
