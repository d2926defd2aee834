extension Convergence {
    /// Zero weights leave the hidden units identical through training: each unit computes the
    /// same output and receives the same gradient, so the updates are the same too. Float
    /// arithmetic is the only source of difference, so the tolerance is a millionth of the
    /// spread a random start keeps.
    public func checks(_ result: Result) -> [Check] {
        let curves = curves(result, setup: "symmetry")
        guard let zeros = curves.first(where: { $0.rule.rule == .zeros }), let other = curves.first(where: { $0.rule.rule != .zeros })
        else { return [] }
        let spread = zeros.runs.flatMap { $0.points.map(\.unitSpread) }.max() ?? .nan
        // An identity, nothing to perturb.
        return [
            Check.exact(
                id: "convergence/symmetry/zeros",
                claim:
                    "Zero weights: after \(zeros.setup.steps) steps of training the hidden units are still identical (spread across units)",
                expected: 0, measured: spread, bound: 1e-6 * other.final { $0.unitSpread },
                basis: "identical units get identical updates; 10⁻⁶ of a random start's spread allows for the order of float operations")
        ]
    }
}
