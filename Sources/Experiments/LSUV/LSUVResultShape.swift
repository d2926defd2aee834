extension LSUVStart {
    /// One run per setup, start and seed; every run with a variance per dense layer and its
    /// evaluations, and an LSUV report for the LSUV runs. No data means no runs, and says why.
    public func problems(in result: Result) -> [String] {
        if let error = result.dataError { return ["lsuv: the data could not be read: \(error)"] }
        let expected = parameters.setups.count * Start.allCases.count * parameters.seeds
        var problems = ResultShape.count("lsuv runs", result.runs.count, expected: expected)
        guard problems.isEmpty else { return problems }
        for run in result.runs {
            let name = "lsuv run \(run.setup)/\(run.start.rawValue)/\(run.seed)"
            guard let setup = parameters.setups.first(where: { $0.name == run.setup }) else {
                problems.append("\(name): no such setup")
                continue
            }
            problems += ResultShape.count("\(name) layers", run.layerVariances.count, expected: setup.depth + 1)
            problems += ResultShape.count(
                "\(name) evaluations", run.evaluations.count,
                expected: run.divergedAt == nil ? parameters.evaluations : run.evaluations.count)
            if (run.lsuv == nil) == (run.start == .lsuv) {
                problems.append("\(name): an LSUV report where none belongs, or none where one does")
            }
            problems += ResultShape.finite(name, run.layerVariances)
        }
        return problems
    }
}
