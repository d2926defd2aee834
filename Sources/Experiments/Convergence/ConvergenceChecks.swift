import Initializers

extension Convergence {
    /// The claims the handout makes about training, each confronted with the runs:
    /// - zero weights leave the hidden units identical through training: each unit computes the
    ///   same output and receives the same gradient, so the updates are the same too; float
    ///   arithmetic is the only source of difference, so the tolerance is a millionth of the
    ///   spread a random start keeps;
    /// - one start ends more accurate than another (or moves further): Welch's one-sided t-test
    ///   on the values of the last evaluation, one per seed, at the configured false-alarm rate.
    /// A claim whose setup or rules the configuration leaves out is not checked.
    public func checks(_ result: Result) -> [Check] {
        var checks: [Check] = []
        let symmetry = curves(result, setup: "symmetry")
        if let zeros = symmetry.first(where: { $0.rule.rule == .zeros }), let other = symmetry.first(where: { $0.rule.rule != .zeros }) {
            let spread = zeros.runs.flatMap { $0.points.map(\.unitSpread) }.max() ?? .nan
            // An identity, nothing to perturb.
            checks.append(
                Check.exact(
                    id: "convergence/symmetry/zeros",
                    claim:
                        "Zero weights: after \(zeros.setup.steps) steps of training the hidden units are still identical (spread across units)",
                    expected: 0, measured: spread, bound: 1e-6 * other.final { $0.unitSpread },
                    basis: "identical units get identical updates; 10⁻⁶ of a random start's spread allows for the order of float operations"))
        }
        let accuracy: (Point) -> Double = { $0.heldOutAccuracy }
        let comparisons: [(setup: String, larger: Selector, smaller: Selector)] = [
            ("symmetry", .rule(.glorotUniform), .rule(.zeros)),
            ("deep-relu", .rule(.heNormal), .rule(.glorotNormal)),
            ("deep-relu", .rule(.heNormal), .rule(.fanInUniform)),
            ("sigmoid", .rule(.glorotUniformSigmoid), .rule(.fanInUniform)),
            ("sigmoid", .rule(.kumar), .rule(.fanInUniform)),
            ("bad-scale", .batchNorm(.normal), .rule(.normal)),
            ("bad-scale", .rule(.heNormal), .rule(.normal)),
        ]
        for comparison in comparisons {
            let setupCurves = curves(result, setup: comparison.setup)
            guard let larger = setupCurves.first(where: comparison.larger.matches),
                let smaller = setupCurves.first(where: comparison.smaller.matches)
            else { continue }
            checks.append(
                Check.exceeds(
                    id: "convergence/\(comparison.setup)/\(comparison.larger.name)-over-\(comparison.smaller.name)",
                    claim:
                        "\(larger.setup.shape), \(larger.setup.steps) steps: "
                        + "held-out accuracy from \(larger.describe) above that from \(smaller.describe)",
                    larger: larger.finals(accuracy), smaller: smaller.finals(accuracy), falseAlarmRate: parameters.falseAlarmRate,
                    note: "final accuracy of each seed"))
        }
        let widths = widthSetups
        if let narrow = widths.first.flatMap({ curves(result, setup: $0.name).first }),
            let wide = widths.last.flatMap({ curves(result, setup: $0.name).first }), wide.setup.width > narrow.setup.width
        {
            checks.append(
                Check.exceeds(
                    id: "convergence/width/distance",
                    claim:
                        "\(narrow.setup.depth)-layer \(narrow.setup.activation.name), \(narrow.setup.steps) steps: the weights of \(narrow.setup.width) units a layer "
                        + "move further from their start, relative to its size, than those of \(wide.setup.width)",
                    larger: narrow.finals(\.distance), smaller: wide.finals(\.distance), falseAlarmRate: parameters.falseAlarmRate,
                    note: "‖W − W₀‖/‖W₀‖ of each seed after training"))
        }
        return checks
    }

    /// A curve of a setup: a rule without batch normalisation, or with it.
    enum Selector {
        case rule(RuleID)
        case batchNorm(RuleID)

        func matches(_ curve: Curve) -> Bool {
            switch self {
            case .rule(let rule): curve.rule.rule == rule && !curve.batchNorm
            case .batchNorm(let rule): curve.rule.rule == rule && curve.batchNorm
            }
        }

        var name: String {
            switch self {
            case .rule(let rule): rule.rawValue
            case .batchNorm(let rule): rule.rawValue + "-bn"
            }
        }
    }
}

extension Convergence.Curve {
    /// The start in words, for a claim: the rule, and batch normalisation when used.
    var describe: String { rule.label + (batchNorm ? " with batch normalisation" : "") }
}
