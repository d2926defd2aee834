extension Isometry {
    /// The moments of every weight kind, unit, realisation and depth; the spectra of the linear
    /// networks at the spectrum's depths for its realisations, one singular value per unit;
    /// the two sign summaries over every draw. Moments of Jacobians at criticality stay finite.
    public func problems(in result: Result) -> [String] {
        let kinds = WeightKind.allCases.count
        let networks = WeightKind.allCases.reduce(0) { $0 + Self.units($1).count }
        var problems = ResultShape.count(
            "isometry moments", result.moments.count, expected: parameters.realisations * networks * parameters.depths.count)
        problems += ResultShape.count(
            "isometry spectra", result.spectra.count,
            expected: min(parameters.spectrum.realisations, parameters.realisations) * kinds * parameters.spectrum.depths.count)
        problems += ResultShape.count("isometry sign summaries", result.signs.count, expected: 2)
        for moments in result.moments where !parameters.depths.contains(moments.depth) {
            problems.append("isometry moments at depth \(moments.depth), which is not among \(parameters.depths)")
        }
        problems += ResultShape.finite("isometry moments", result.moments.flatMap { [$0.mean, $0.variance, $0.rootMeanSquareFromOne] })
        for spectrum in result.spectra {
            let name = "isometry spectrum \(spectrum.kind.rawValue)/L=\(spectrum.depth)/\(spectrum.realisation)"
            problems += ResultShape.count("\(name) singular values", spectrum.singularValues.count, expected: parameters.width)
            problems += ResultShape.finite(name, spectrum.singularValues)
        }
        for signs in result.signs {
            let name = "isometry signs (corrected: \(signs.corrected))"
            problems += ResultShape.count("\(name) draws", signs.draws, expected: parameters.signCorrection.draws)
            problems += ResultShape.count("\(name) histogram bins", signs.histogram.count, expected: Self.signHistogramBins)
            if !(0...signs.draws).contains(signs.negatives) {
                problems.append("\(name): \(signs.negatives) negatives of \(signs.draws) draws")
            }
        }
        return problems
    }
}
