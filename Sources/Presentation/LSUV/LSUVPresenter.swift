import Charts
import Experiments
import Networks
import Numerics
import TextSupport

/// The LSUV experiment in the handout: the layer variances each start gives on the batch, and
/// the held-out accuracy while training from it.
struct LSUVPresenter: Presenter {
    static let title = "LSUV against the derived rules in deep networks"

    let experiment: LSUVStart
    let result: LSUVStart.Result

    var figures: [FigureSpec] { [variancesFigure, trainingFigure] }

    var tables: [String: DataTable] {
        var table = DataTable(columns: ["setup", "start", "seed", "layer", "output_variance", "rescalings"])
        for run in result.runs {
            for (layer, variance) in run.layerVariances.enumerated() {
                table.append([
                    .text(run.setup), .text(run.start.rawValue), .integer(run.seed), .integer(layer + 1), .number(variance),
                    .integer(run.lsuv.map { $0.layers.count > layer ? $0.layers[layer].iterations : -1 } ?? -1),
                ])
            }
        }
        return ["lsuv": table]
    }

    /// A start as the legend names it: LSUV, or the setup's rule.
    func label(_ setup: LSUVStart.Setup, _ start: LSUVStart.Start) -> String {
        start == .lsuv ? "orthogonal + LSUV" : setup.baseline.label
    }

    func style(_ setup: LSUVStart.Setup, _ start: LSUVStart.Start) -> Style {
        var style = RuleStyle.style(start == .lsuv ? .lsuv : setup.baseline.rule)
        style.lineWidth = 2
        return style
    }

    /// Over the seeds, at each of `positions`, the mean of `value` and its 95 % interval.
    func intervals(_ runs: [LSUVStart.Run], count: Int, _ value: (LSUVStart.Run, Int) -> Double?) -> [MeanInterval] {
        (0..<count).map { index in MeanInterval(runs.compactMap { value($0, index) }.filter(\.isFinite)) }
    }

    var variancesFigure: FigureSpec {
        var data = DataTable(columns: ["setup", "start", "layer", "output_variance_mean", "interval_low", "interval_high"])
        var lines: [String] = []
        let panels = parameters.setups.map { setup -> Panel in
            let layers = (1...setup.depth + 1).map(Double.init)
            let marks = LSUVStart.Start.allCases.flatMap { start -> [Mark] in
                let runs = experiment.runs(result, setup, start)
                let values = intervals(runs, count: layers.count) { run, layer in
                    run.layerVariances.count > layer ? run.layerVariances[layer] : nil
                }
                for (layer, interval) in values.enumerated() {
                    data.append([
                        .text(setup.name), .text(label(setup, start)), .integer(layer + 1), .number(interval.mean), .number(interval.low),
                        .number(interval.high),
                    ])
                }
                lines.append(
                    "\(setup.name), \(label(setup, start)): "
                        + "Var(a) \(NumberText.format(values.first?.mean ?? .nan, digits: 2)) at layer 1, "
                        + "\(NumberText.format(values.last?.mean ?? .nan, digits: 2)) at the output layer")
                let style = style(setup, start)
                return [
                    .band(Band(nil, x: layers, lower: values.map { $0.low > 0 ? $0.low : .nan }, upper: values.map(\.high), style: style)),
                    .line(Series(label(setup, start), x: layers, y: values.map(\.mean), style: style)),
                ]
            }
            return Panel(title: setup.name, x: Axis("layer l"), y: Axis("Var[a_l] on the batch", scale: .log10), marks: marks)
        }
        let title = "Output variance of every layer at the start"
        return FigureSpec(
            id: "lsuv-variances", title: title,
            alt: "Line charts on a logarithmic axis against the layer, one per activation: " + lines.joined(separator: "; ") + ".",
            chart: Figure(
                title: title, description: "Layer variances at the start: " + lines.joined(separator: "; ") + ".",
                size: Size(width: 540, height: 240), columns: 2, panels: panels, legend: .shared, sharedAxes: [.x, .y]),
            data: data)
    }

    var trainingFigure: FigureSpec {
        var data = DataTable(columns: ["setup", "start", "seed", "step", "held_out_loss", "held_out_accuracy"])
        var lines: [String] = []
        let panels = parameters.setups.map { setup -> Panel in
            let marks = LSUVStart.Start.allCases.flatMap { start -> [Mark] in
                let runs = experiment.runs(result, setup, start)
                for run in runs {
                    for point in run.evaluations {
                        data.append([
                            .text(setup.name), .text(label(setup, start)), .integer(run.seed), .integer(point.step),
                            .number(point.heldOutLoss), .number(point.heldOutAccuracy),
                        ])
                    }
                }
                let steps = (runs.first?.evaluations ?? []).map { Double($0.step) }
                let values = intervals(runs, count: steps.count) { run, index in
                    run.evaluations.count > index ? run.evaluations[index].heldOutAccuracy : nil
                }
                lines.append(
                    "\(setup.name), \(label(setup, start)): "
                        + "final held-out accuracy \(NumberText.format(values.last?.mean ?? .nan, digits: 2))"
                )
                let style = style(setup, start)
                return [
                    .band(Band(nil, x: steps, lower: values.map(\.low), upper: values.map(\.high), style: style)),
                    .line(Series(label(setup, start), x: steps, y: values.map(\.mean), style: style)),
                ]
            }
            return Panel(title: setup.name, x: Axis("training step"), y: Axis("held-out accuracy"), marks: marks)
        }
        let title = "Training from LSUV and from the derived rule"
        return FigureSpec(
            id: "lsuv-training", title: title,
            alt: "Line charts of held-out accuracy against the training step, one per activation: " + lines.joined(separator: "; ") + ".",
            chart: Figure(
                title: title, description: "Training curves: " + lines.joined(separator: "; ") + ".", size: Size(width: 540, height: 240),
                columns: 2, panels: panels, legend: .shared, sharedAxes: [.x, .y]),
            data: data)
    }

    /// The final held-out accuracy of a setup from a start, over its seeds.
    func finalAccuracy(_ name: String, _ start: LSUVStart.Start) -> MeanInterval? {
        guard let setup = parameters.setups.first(where: { $0.name == name }) else { return nil }
        let finals = experiment.runs(result, setup, start).compactMap { $0.evaluations.last?.heldOutAccuracy }
        return finals.isEmpty ? nil : MeanInterval(finals)
    }

    /// Over the LSUV runs of a setup, the most rescalings any layer took.
    func mostRescalings(_ name: String) -> Double? {
        guard let setup = parameters.setups.first(where: { $0.name == name }) else { return nil }
        return experiment.runs(result, setup, .lsuv).compactMap { $0.lsuv?.layers.map(\.iterations).max() }.max().map(Double.init)
    }

    /// Over the seeds, the mean Var(a) at the output layer of a setup from a start.
    func lastVariance(_ name: String, _ start: LSUVStart.Start) -> Double? {
        guard let setup = parameters.setups.first(where: { $0.name == name }) else { return nil }
        let values = experiment.runs(result, setup, start).compactMap(\.layerVariances.last)
        return values.isEmpty ? nil : Moments(values).mean
    }
}
