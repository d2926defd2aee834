extension Saturation {
    /// One row per setting and fan-in, in the order of the run, each with the samples its
    /// replicates give; every value is finite (the inputs are bounded or Gaussian, the sums Double).
    public func problems(in result: Result) -> [String] {
        let expected = parameters.settings.flatMap { setting in parameters.fanIns.map { (setting, $0) } }
        var problems = ResultShape.count("saturation rows", result.rows.count, expected: expected.count)
        guard problems.isEmpty else { return problems }
        for (row, (setting, fanIn)) in zip(result.rows, expected) {
            let name = "saturation row \(setting.rawValue)/d=\(fanIn)"
            if row.setting != setting || row.fanIn != fanIn {
                problems.append("\(name): holds \(row.setting.rawValue)/d=\(row.fanIn)")
            }
            let samples = replicates(setting, fanIn: fanIn) * parameters.units * parameters.batch
            problems += ResultShape.count("\(name) samples", row.samples, expected: samples)
            problems += ResultShape.finite(name, [row.varianceMeasured, row.varianceTheory, row.standardError, row.meanDerivative])
            if !(0...row.samples).contains(row.outsideFour) {
                problems.append("\(name): \(row.outsideFour) of \(row.samples) samples beyond 4")
            }
        }
        return problems
    }
}
