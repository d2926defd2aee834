extension SELU {
    /// One run per start and realisation, in the order of the run, each with the inputs and every
    /// hidden layer; SELU keeps every value finite.
    public func problems(in result: Result) -> [String] {
        let expected = parameters.starts.flatMap { start in (0..<parameters.realisations).map { (start, $0) } }
        var problems = ResultShape.count("selu runs", result.runs.count, expected: expected.count)
        guard problems.isEmpty else { return problems }
        for (run, (start, realisation)) in zip(result.runs, expected) {
            let name = "selu run \(start.id)/\(realisation)"
            if run.start != start || run.realisation != realisation {
                problems.append("\(name): holds \(run.start.id)/\(run.realisation)")
            }
            problems += ResultShape.count("\(name) layers", run.layers.count, expected: parameters.depth + 1)
            problems += ResultShape.finite(
                name, run.layers.flatMap { [$0.mean, $0.secondMoment, $0.predictedMean, $0.predictedSecondMoment] })
        }
        return problems
    }
}
