import Charts
import Experiments
import TextSupport

extension Convergence.Curve {
    /// The legend's name: the rule, and the normalisation when the setup compares both.
    var label: String { rule.label + (setup.batchNorm.count > 1 ? (batchNorm ? ", batch norm" : ", no batch norm") : "") }

    /// The mean over the seeds of a quantity at each evaluation step, and the 95 % confidence
    /// interval of that mean (Student's t with one degree of freedom fewer than the seeds):
    /// bands that do not overlap say the difference is not the luck of the seeds. Runs that
    /// diverged before a step leave it (a visible gap when all have); with one run there is no
    /// interval.
    func summary(_ value: (Convergence.Point) -> Double) -> (steps: [Double], mean: [Double], low: [Double], high: [Double]) {
        let steps = Set(runs.flatMap { $0.points.map(\.step) }).sorted()
        var mean: [Double] = [], low: [Double] = [], high: [Double] = []
        for step in steps {
            let interval = MeanInterval(runs.compactMap { run in run.points.first { $0.step == step }.map(value) }.filter(\.isFinite))
            mean.append(interval.mean)
            low.append(interval.low)
            high.append(interval.high)
        }
        return (steps.map(Double.init), mean, low, high)
    }
}

extension ConvergencePresenter {
    /// A curve in its rule's colour (``RuleStyle``), dashed with batch normalisation.
    static func ruleStyle(_ index: Int, _ curve: Convergence.Curve) -> Style {
        Style(color: RuleStyle.style(curve.rule.rule).color, dash: curve.batchNorm ? .dashed : .solid)
    }

    /// A panel of one quantity against the training step: per curve, the mean over seeds and
    /// the band of its 95 % confidence interval.
    /// `style`: the style of the `index`-th curve, its rule's unless given.
    /// `label`: the legend's name of a curve, its rule unless given.
    func panel(
        _ curves: [Convergence.Curve], _ quantity: String, y: Axis? = nil, title: String? = nil,
        style: (Int, Convergence.Curve) -> Style = Self.ruleStyle, label: (Convergence.Curve) -> String = \.label,
        _ value: (Convergence.Point) -> Double
    ) -> Panel {
        Panel(
            title: title, x: Axis("training step"), y: y ?? Axis(quantity),
            marks: curves.enumerated().flatMap { index, curve -> [Mark] in
                let s = curve.summary(value)
                let style = style(index, curve)
                return [
                    .band(Band(nil, x: s.steps, lower: s.low, upper: s.high, style: style)),
                    .line(Series(label(curve), x: s.steps, y: s.mean, style: style)),
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
            title: title, description: "Training curves: \(alt).", size: Size(width: 540, height: 260), columns: 2, panels: panels,
            legend: .shared, sharedAxes: .x)
        return FigureSpec(
            id: "convergence-\(name)", title: title,
            alt: "Two line charts against the training step, with bands over seeds. \(alt).", chart: chart, data: data)
    }

    /// How far the weights move while they train, relative to where they start: a small start
    /// against a variance-preserving one (with and without batch normalisation), and one rule at
    /// several widths. Each panel is there when its setups are.
    var distanceFigure: FigureSpec? {
        let scale = experiment.curves(result, setup: "bad-scale")
        let widths = widthCurves
        var data = DataTable(columns: ["setup", "rule", "batch_norm", "width", "seed", "step", "distance"])
        var panels: [Panel] = []
        var alt: [String] = []
        // The first evaluation is the start itself, at distance 0, which a log axis cannot show.
        let axis = Axis("‖W − W₀‖ / ‖W₀‖", scale: .log10)
        let distance: (Convergence.Point) -> Double = { $0.step > 0 ? $0.distance : .nan }
        if !scale.isEmpty {
            panels.append(panel(scale, "", y: axis, title: "ReLU, \(scale[0].setup.depth) layers: scale and batch norm", distance))
        }
        if !widths.isEmpty {
            panels.append(
                panel(
                    widths, "", y: axis, title: "tanh, \(widths[0].setup.depth) layers, \(widths[0].rule.label): by width",
                    style: { index, curve in
                        Style(color: Self.ruleStyle(index, curve).color, dash: [Dash.solid, .dashed, .dotted, .dashDot][index % 4])
                    },
                    label: { "width \($0.setup.width)" }, distance))
        }
        guard !panels.isEmpty else { return nil }
        for curve in scale + widths {
            for run in curve.runs {
                for point in run.points {
                    data.append([
                        .text(curve.setup.name), .text(curve.rule.label), .flag(curve.batchNorm), .integer(curve.setup.width),
                        .integer(run.seed), .integer(point.step), .number(point.distance),
                    ])
                }
            }
            let name = widths.contains { $0.setup == curve.setup } ? "width \(curve.setup.width)" : curve.label
            alt.append("\(name): \(NumberText.format(curve.final { $0.distance }, digits: 2)) after \(curve.setup.steps) steps")
        }
        let title = "How far the weights travel"
        let chart = Figure(
            title: title, description: "Relative distance travelled: \(alt.joined(separator: "; ")).", size: Size(width: 540, height: 280),
            columns: panels.count, panels: panels, legend: .shared, sharedAxes: .both)
        return FigureSpec(
            id: "convergence-distance", title: title,
            alt: "Line charts of the relative distance travelled against the training step. \(alt.joined(separator: "; ")).",
            chart: chart, data: data)
    }

    /// The curves of the setups that differ only in width, narrowest first.
    var widthCurves: [Convergence.Curve] {
        experiment.widthSetups.flatMap { experiment.curves(result, setup: $0.name) }
    }
}
