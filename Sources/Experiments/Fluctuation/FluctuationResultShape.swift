extension Fluctuation {
    /// One result per shape, in order, with a summary per layer; most networks survive every
    /// layer (an all-zero layer has probability 2^{−n}), so every variance is a number.
    public func problems(in result: Result) -> [String] {
        var problems = ResultShape.count("fluctuation shapes", result.shapes.count, expected: parameters.shapes.count)
        guard problems.isEmpty else { return problems }
        for (measured, shape) in zip(result.shapes, parameters.shapes) {
            let name = "fluctuation shape \(shape.name)"
            if measured.shape != shape { problems.append("\(name): holds \(measured.shape.name)") }
            problems += ResultShape.count("\(name) layers", measured.layers.count, expected: shape.widths.count)
            problems += ResultShape.finite(name, measured.layers.flatMap { [$0.mean, $0.variance, $0.fourthMoment] })
            if measured.layers.contains(where: { $0.alive < 2 || $0.alive > shape.realisations }) {
                problems.append("\(name): a layer counts fewer than 2 or more than \(shape.realisations) networks")
            }
        }
        return problems
    }
}
