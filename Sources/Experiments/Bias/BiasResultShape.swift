extension Bias {
    /// A count for each of ten classes, each at least one; one initial loss per realisation,
    /// finite; one run per seed and start, in the order of the run, whose evaluations lie within
    /// its steps and whose accuracies are fractions; an embedding's finite statistics.
    public func problems(in result: Result) -> [String] {
        var problems = ResultShape.count("bias classes", result.classCounts.count, expected: 10)
        if result.classCounts.contains(where: { $0 < 1 }) { problems.append("bias: a class has no example") }
        problems += ResultShape.count("bias initial losses", result.initial.count, expected: parameters.realisations)
        for network in result.initial {
            problems += ResultShape.finite(
                "bias initial loss \(network.realisation)", [network.zero, network.logPrior, network.hiddenSquare])
        }
        let expected = (0..<parameters.seeds).flatMap { seed in Start.allCases.map { (seed, $0) } }
        problems += ResultShape.count("bias runs", result.runs.count, expected: expected.count)
        for (run, (seed, start)) in zip(result.runs, expected) {
            let name = "bias run \(start.rawValue)/\(seed)"
            if run.seed != seed || run.start != start { problems.append("\(name): holds \(run.start.rawValue)/\(run.seed)") }
            if !run.points.allSatisfy({ (0...parameters.steps).contains($0.step) }) {
                problems.append("\(name): an evaluation outside steps 0 to \(parameters.steps)")
            }
            problems += ResultShape.fraction("\(name) accuracies", run.points.map(\.accuracy))
        }
        problems += ResultShape.finite("bias embedding", [result.embedding.meanSquare, result.embedding.logMeanExp])
        return problems
    }
}
