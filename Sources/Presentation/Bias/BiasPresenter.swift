import Charts
import Experiments
import Foundation
import Numerics
import TextSupport

/// The bias experiment in the handout: the first steps of training from a zero output bias and
/// from the log prior, with the two losses the theory gives for the start, and every
/// evaluation and initial loss as tables.
struct BiasPresenter: Presenter {
    static let title = "Biases and embeddings"

    let experiment: Bias
    let result: Bias.Result

    var figures: [FigureSpec] { [trainingFigure] }

    var tables: [String: DataTable] {
        var runs = DataTable(columns: ["start", "seed", "step", "loss", "accuracy"])
        for run in result.runs {
            for point in run.points {
                runs.append([
                    .text(run.start.rawValue), .integer(run.seed), .integer(point.step), .number(point.loss), .number(point.accuracy),
                ])
            }
        }
        var initial = DataTable(columns: ["realisation", "loss_zero_bias", "loss_log_prior", "mean_hidden_square"])
        for network in result.initial {
            initial.append([
                .integer(network.realisation), .number(network.zero), .number(network.logPrior), .number(network.hiddenSquare),
            ])
        }
        return ["bias-runs": runs, "bias-initial": initial]
    }

    /// How legends name a start.
    static func label(_ start: Bias.Start) -> String {
        switch start {
        case .zero: "output bias 0"
        case .logPrior: "output bias log p̂_k"
        }
    }

    /// Over the seeds of a start, at each evaluated step: the mean of a quantity and its 95 %
    /// interval.
    func summary(_ start: Bias.Start, _ value: (Bias.Point) -> Double) -> (steps: [Double], intervals: [MeanInterval]) {
        let runs = result.runs.filter { $0.start == start }
        let steps = Set(runs.flatMap { $0.points.map(\.step) }).sorted()
        let intervals = steps.map { step in
            MeanInterval(runs.compactMap { run in run.points.first { $0.step == step }.map(value) }.filter(\.isFinite))
        }
        return (steps.map(Double.init), intervals)
    }

    /// The mean over seeds of the loss of a start at a step.
    func meanLoss(_ start: Bias.Start, step: Int) -> Double? {
        let losses = experiment.losses(result, start, step: step)
        return losses.isEmpty ? nil : Moments(losses).mean
    }

    /// The steps the left panel shows: where the two starts differ.
    static let firstSteps = 20

    var trainingFigure: FigureSpec {
        let p = experiment.proportions(result)
        let entropy = Bias.entropy(p), logK = log(Double(p.count))
        var data = DataTable(columns: ["start", "step", "mean_loss", "low", "high", "mean_accuracy"])
        let rules: [Mark] = [
            .rule(ReferenceLine(.horizontal, at: logK, label: "log K = \(NumberText.format(logK, digits: 3))")),
            .rule(ReferenceLine(.horizontal, at: entropy, label: "H(p̂) = \(NumberText.format(entropy, digits: 3))")),
        ]
        // The same loss twice: the first steps, where the two starts differ, and every step.
        // A run no longer than the zoom is shown whole, once.
        let zoom = parameters.steps > Self.firstSteps ? [(Self.firstSteps, "the first \(Self.firstSteps) steps")] : []
        let panels = (zoom + [(parameters.steps, "all \(parameters.steps) steps")]).map {
            last, title -> Panel in
            var marks = rules
            for (index, start) in Bias.Start.allCases.enumerated() {
                let s = summary(start, \.loss)
                let shown = s.steps.indices.filter { s.steps[$0] <= Double(last) }
                let (steps, intervals) = (shown.map { s.steps[$0] }, shown.map { s.intervals[$0] })
                let style = Style(color: Style.cycled(index).color, dash: Style.cycled(index).dash, lineWidth: 2)
                marks.append(.band(Band(nil, x: steps, lower: intervals.map(\.low), upper: intervals.map(\.high), style: style)))
                marks.append(.line(Series(Self.label(start), x: steps, y: intervals.map(\.mean), style: style)))
            }
            // The zoom has an x of its own, so it says so in its title.
            let x = Axis(last < parameters.steps ? "training step (the first \(last))" : "training step")
            return Panel(title: title, x: x, y: Axis("loss over the subset"), marks: marks)
        }
        for start in Bias.Start.allCases {
            let loss = summary(start, \.loss), accuracy = summary(start, \.accuracy)
            for (index, step) in loss.steps.enumerated() {
                data.append([
                    .text(start.rawValue), .integer(Int(step)), .number(loss.intervals[index].mean), .number(loss.intervals[index].low),
                    .number(loss.intervals[index].high), .number(index < accuracy.intervals.count ? accuracy.intervals[index].mean : .nan),
                ])
            }
        }
        let step = parameters.comparisonStep
        let described = Bias.Start.allCases.map { start in
            "\(Self.label(start)): loss \(NumberText.format(meanLoss(start, step: 0) ?? .nan, digits: 3)) at the start, "
                + "\(NumberText.format(meanLoss(start, step: step) ?? .nan, digits: 3)) after \(step) steps, "
                + "\(NumberText.format(meanLoss(start, step: parameters.steps) ?? .nan, digits: 3)) after \(parameters.steps)"
        }.joined(separator: "; ")
        let title = "Imbalanced digits: the first steps from a zero bias and from the log prior"
        return FigureSpec(
            id: "bias-training", title: title,
            alt:
                "Two line charts of the loss against the training step, the first steps and all of them, "
                + "with bands over seeds and lines at log K "
                + "and H(p̂). \(described).",
            chart: Figure(
                title: title, description: "Training from two output biases: \(described).", size: Size(width: 540, height: 260),
                columns: panels.count, panels: panels, legend: .shared, sharedAxes: .y),
            data: data)
    }
}
