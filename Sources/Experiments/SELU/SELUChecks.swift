import Networks
import Numerics
import TextSupport

extension SELU {
    static let constant = "LeCun's Σw² = 1"

    /// Three kinds of claim.
    /// - The fixed point: E[selu(Z)] = 0 and E[selu(Z)²] = 1 for Z ~ N(0, 1), by quadrature, to
    ///   the rounding of α and λ (exact claims).
    /// - The map, one layer at a time: given the layer below, each unit's pre-activation for
    ///   input s is exactly N(0, q_s) over the Gaussian weights, q_s = |h_s|²/n, so the map
    ///   applied to each input's own q_s predicts the next layer's mean and second moment with
    ///   no error in expectation at any width. Per network, the mean over the layers of
    ///   (measured − predicted) mean and of measured/predicted second moment; Student's t over
    ///   the networks.
    /// - Attraction: the last layer's variance against the map iterated from the start, which
    ///   has come close to 1. The iterated map is the infinite-width value; at width n the
    ///   spread of q_s bends it by O(1/n) through the map's curvature, far inside the tolerance
    ///   the spread of the networks gives (the figure shows both). The last layer's mean is not
    ///   checked: inputs that share a mean stay correlated, so a network's mean varies like an
    ///   average of n values, not of n·batch, and a 10 % change of Σw² moves it by less than
    ///   that spread allows to see; the one-layer claim above covers the mean.
    public func checks(_ result: Result) -> [Check] {
        let alpha = parameters.falseAlarmRate
        let fixedPoint = SELUMap.oneLayer(inputSecondMoment: 1)
        // α and λ carry 17 significant digits and the quadrature is converged to rounding.
        let bound = 1e-12
        var checks = [
            Check.exact(
                id: "selu/fixed-point/mean", claim: "E[selu(Z)] = 0 for Z ~ N(0, 1): the mean of the fixed point (0, 1)",
                expected: 0, measured: fixedPoint.mean, bound: bound, basis: "Gauss–Legendre quadrature converged to rounding"),
            Check.exact(
                id: "selu/fixed-point/second-moment", claim: "E[selu(Z)²] = 1 for Z ~ N(0, 1): the variance of the fixed point (0, 1)",
                expected: 1, measured: fixedPoint.secondMoment, bound: bound,
                basis: "Gauss–Legendre quadrature converged to rounding"),
        ]
        let n = parameters.width, depth = parameters.depth
        // A 10 % change of Σw² moves the mean near the fixed point by only 0.1·dμ′/dq ≈ 0.009:
        // the mean's one-layer claim pools the networks of every start to see that far.
        let every = parameters.starts.flatMap { runs(result, $0) }
        let starts = parameters.starts.map { theory($0) }
        checks.append(
            Check.studentT(
                id: "selu/map/mean",
                claim: "SELU, LeCun normal, from every start: each layer's mean is the map's E[selu(√q z)] of the layer below, "
                    + "layer by layer",
                samples: every.map { run in Self.average(run.layers.dropFirst().map { $0.mean - $0.predictedMean }) },
                theory: Theory(Self.constant) { factor in
                    Self.average(starts.flatMap { $0.dropLast() }.map { Self.meanShift($0.secondMoment, factor) })
                },
                falseAlarmRate: alpha, note: "mean of (measured − predicted) per network, over \(depth) layers of width \(n)"))
        for start in parameters.starts {
            let runs = runs(result, start)
            let from = "from (μ, ν) = (\(NumberText.format(start.mean, digits: 2)), \(NumberText.format(start.variance, digits: 2)))"
            let meanField = theory(start)
            let note = "one value per network, over \(depth) layers of width \(n)"
            checks.append(
                Check.studentT(
                    id: "selu/map/\(start.id)/second-moment",
                    claim: "SELU, LeCun normal, \(from): each layer's second moment is the map's E[selu(√q z)²] of the layer below",
                    samples: runs.map { run in Self.average(run.layers.dropFirst().map { $0.secondMoment / $0.predictedSecondMoment }) },
                    theory: Theory(Self.constant) { factor in
                        Self.average(meanField.dropLast().map { Self.secondMomentRatio($0.secondMoment, factor) })
                    },
                    falseAlarmRate: alpha, note: "mean of measured/predicted; " + note))
            guard let last = meanField.last else { continue }
            checks.append(
                Check.studentT(
                    id: "selu/attraction/\(start.id)/variance",
                    claim: "SELU, LeCun normal, \(from): after \(depth) layers the variance is the iterated map's "
                        + "\(NumberText.format(last.variance, digits: 3)), on its way to the fixed point 1",
                    samples: runs.compactMap { $0.layers.last?.variance },
                    theory: Theory(Self.constant) { factor in theory(start, weightScale: factor).last?.variance ?? .nan },
                    falseAlarmRate: alpha,
                    note: "last layer's variance per network; the map is exact as n → ∞, off by O(1/n) at n = \(n)"))
        }
        return checks
    }

    /// What a layer's mean would be off by, from the unperturbed map's prediction, if Σw² were
    /// `factor`: the power test's expectation, at the map's own q.
    static func meanShift(_ q: Double, _ factor: Double) -> Double {
        SELUMap.oneLayer(inputSecondMoment: q, weightScale: factor).mean - SELUMap.oneLayer(inputSecondMoment: q).mean
    }

    /// Likewise, the ratio a layer's second moment would have to its prediction.
    static func secondMomentRatio(_ q: Double, _ factor: Double) -> Double {
        SELUMap.oneLayer(inputSecondMoment: q, weightScale: factor).secondMoment / SELUMap.oneLayer(inputSecondMoment: q).secondMoment
    }

    static func average<C: Collection<Double>>(_ values: C) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
