import Charts
import Experiments
import TextSupport

extension Convergence.Curve {
    /// The legend's name: the rule, and the normalisation when the setup compares both.
    var label: String { rule.label + (setup.batchNorm.count > 1 ? (batchNorm ? ", batch norm" : ", no batch norm") : "") }

    /// Mean, least and largest over the seeds of a quantity at each evaluation step; runs
    /// that diverged before a step leave it (a visible gap when all have).
    func summary(_ value: (Convergence.Point) -> Double) -> (steps: [Double], mean: [Double], low: [Double], high: [Double]) {
        let steps = Set(runs.flatMap { $0.points.map(\.step) }).sorted()
        var mean: [Double] = [], low: [Double] = [], high: [Double] = []
        for step in steps {
            let values = runs.compactMap { run in run.points.first { $0.step == step }.map(value) }.filter(\.isFinite)
            mean.append(values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count))
            low.append(values.min() ?? .nan)
            high.append(values.max() ?? .nan)
        }
        return (steps.map(Double.init), mean, low, high)
    }
}

extension ConvergencePresenter {
    /// A panel of one quantity against the training step: per curve, the mean over seeds and
    /// a band over their range.
    /// `firstStyle`: the style of the first curve, so panels of one figure can keep theirs apart.
    func panel(
        _ curves: [Convergence.Curve], _ quantity: String, y: Axis? = nil, title: String? = nil, firstStyle: Int = 0,
        _ value: (Convergence.Point) -> Double
    ) -> Panel {
        Panel(
            title: title, x: Axis("training step"), y: y ?? Axis(quantity),
            marks: curves.enumerated().flatMap { index, curve -> [Mark] in
                let s = curve.summary(value)
                let style = Style.cycled(firstStyle + index)
                return [
                    .band(Band(nil, x: s.steps, lower: s.low, upper: s.high, style: style)),
                    .line(Series(curve.label, x: s.steps, y: s.mean, style: style)),
                ]
            })
    }

    /// The training curves of one setup: held-out loss and accuracy, or for the symmetry setup
    /// accuracy and the spread across units.
    func figure(_ setup: Convergence.Setup, title: String) -> FigureSpec {
        let name = setup.name
        let curves = experiment.curves(result, setup: name)
        let panels =
            name == "symmetry"
            ? [panel(curves, "held-out accuracy") { $0.heldOutAccuracy }, panel(curves, "spread across units") { $0.unitSpread }]
            : [panel(curves, "held-out loss") { $0.heldOutLoss }, panel(curves, "held-out accuracy") { $0.heldOutAccuracy }]
        var data = DataTable(columns: ["setup", "rule", "batch_norm", "seed", "step", "held_out_loss", "held_out_accuracy", "unit_spread"])
        for curve in curves {
            for run in curve.runs {
                for point in run.points {
                    data.append([
                        .text(name), .text(curve.rule.label), .flag(curve.batchNorm), .integer(run.seed), .integer(point.step),
                        .number(point.heldOutLoss), .number(point.heldOutAccuracy), .number(point.unitSpread),
                    ])
                }
            }
        }
        let alt = curves.map { curve in
            let diverged = curve.runs.filter { $0.divergedAt != nil }.count
            return "\(curve.label): final held-out accuracy \(NumberText.format(curve.final { $0.heldOutAccuracy }, digits: 2))"
                + (diverged > 0 ? " (\(diverged) of \(curve.runs.count) runs diverged)" : "")
        }.joined(separator: "; ")
        let chart = Figure(
            title: title, description: "Training curves: \(alt).", size: Size(width: 560, height: 260), columns: 2, panels: panels,
            legend: .shared, sharedAxes: .x)
        return FigureSpec(
            id: "convergence-\(name)", title: title,
            alt: "Two line charts against the training step, with bands over seeds. \(alt).", chart: chart, data: data)
    }

    /// How far the weights move while they train, relative to where they start, one panel a setup.
    func distanceFigure(_ setups: [(setup: String, title: String)]) -> FigureSpec {
        var data = DataTable(columns: ["setup", "rule", "batch_norm", "seed", "step", "distance"])
        var panels: [Panel] = []
        var alt: [String] = []
        for (name, panelTitle) in setups {
            let curves = experiment.curves(result, setup: name)
            // The first evaluation is the start itself, at distance 0, which a log axis cannot show.
            panels.append(
                panel(
                    curves, "‖W − W₀‖ / ‖W₀‖", y: Axis("‖W − W₀‖ / ‖W₀‖", scale: .log10), title: panelTitle, firstStyle: alt.count
                ) { $0.step > 0 ? $0.distance : .nan })
            for curve in curves {
                for run in curve.runs {
                    for point in run.points {
                        data.append([
                            .text(name), .text(curve.rule.label), .flag(curve.batchNorm), .integer(run.seed), .integer(point.step),
                            .number(point.distance),
                        ])
                    }
                }
                alt.append("\(name), \(curve.label): \(NumberText.format(curve.final { $0.distance }, digits: 2)) after training")
            }
        }
        let title = "How far the weights travel"
        let chart = Figure(
            title: title, description: "Relative distance travelled: \(alt.joined(separator: "; ")).", size: Size(width: 560, height: 280),
            columns: setups.count, panels: panels, legend: .shared)
        return FigureSpec(
            id: "convergence-distance", title: title,
            alt: "Line charts of the relative distance travelled against the training step, one per setup. "
                + "\(alt.joined(separator: "; ")).",
            chart: chart, data: data)
    }
}
