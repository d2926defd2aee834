import Experiments
import TextSupport

extension ConvergencePresenter {
    /// The held-out accuracy the steps-to-target table counts the steps to: well above what the
    /// stalled networks reach and below where every trained one ends.
    static let targetAccuracy = 0.8

    /// The setups of the steps-to-target table, in the order the prose discusses them.
    static let stepsSetups = ["deep-relu", "tanh", "sigmoid", "deep-tanh", "bad-scale"]

    /// Per rule, how many runs reach the target accuracy and after how many steps: the mean and
    /// its 95 % interval when all do, the range of those that do when some do, "never" when none
    /// does within the steps trained. Steps are counted at the evaluations, so they are a
    /// multiple of the interval between evaluations, rounded up.
    var stepsTable: PageTable {
        let percent = NumberText.format(100 * Self.targetAccuracy, digits: 2)
        var table = PageTable(
            id: "convergence-steps",
            columns: [
                .init("Network"), .init("Rule"), .init("Seeds reaching \(percent) %", numeric: true), .init("Steps", numeric: true),
            ],
            data: DataTable(columns: ["setup", "rule", "batch_norm", "seed", "steps_trained", "steps_to_target"]))
        for name in Self.stepsSetups {
            for curve in experiment.curves(result, setup: name) {
                let steps = curve.stepsToReach(Self.targetAccuracy)
                for (run, step) in zip(curve.runs, steps) {
                    table.data.append([
                        .text(name), .text(curve.rule.label), .flag(curve.batchNorm), .integer(run.seed), .integer(curve.setup.steps),
                        step.map { .integer($0) } ?? .text("never"),
                    ])
                }
                table.append([
                    curve.setup.shape, curve.label, "\(steps.compactMap(\.self).count) of \(steps.count)",
                    Self.stepsText(steps, trained: curve.setup.steps),
                ])
            }
        }
        return table
    }

    static func stepsText(_ steps: [Int?], trained: Int) -> String {
        let reached = steps.compactMap(\.self)
        guard let first = reached.min(), let last = reached.max() else { return "never in \(trained)" }
        guard reached.count == steps.count else { return first == last ? "\(first)" : "\(first)–\(last)" }
        // Whole steps: the evaluations are steps apart, so fractions would claim a precision the
        // counting does not have.
        let interval = MeanInterval(reached.map(Double.init))
        let mean = Int(interval.mean.rounded())
        let half = interval.halfWidth.isFinite ? Int(interval.halfWidth.rounded()) : 0
        return half == 0 ? "\(mean)" : "\(mean) ± \(half)"
    }
}
