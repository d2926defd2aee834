import Charts
import Experiments
import Networks
import Numerics
import TextSupport

/// The layer-normalisation experiment in the handout: the stream's second moment and each
/// block's gradient through depth, pre-LN against post-LN, against the mean-field curves.
struct LayerNormPlacementPresenter: Presenter {
    static let title = "Pre-LN against post-LN at initialisation"

    let experiment: LayerNormPlacement
    let result: LayerNormPlacement.Result

    var figures: [FigureSpec] { [figure] }

    var tables: [String: DataTable] {
        var table = DataTable(columns: ["placement", "realisation", "block", "forward_second_moment", "parameter_gradient"])
        for run in result.runs {
            for l in 0...parameters.depth {
                table.append([
                    .text(run.placement.rawValue), .integer(run.realisation), .integer(l), .number(run.forward[l]),
                    .number(l < parameters.depth ? run.gradient[l] : .nan),
                ])
            }
        }
        return ["layernorm": table]
    }

    static func name(_ placement: ResidualStack.Normalization) -> String {
        placement == .pre ? "pre-LN, x + F(LN(x))" : "post-LN, LN(x + F(x))"
    }

    /// The mean over the stacks of a placement of a per-block quantity, with its 95 % interval.
    func intervals(_ placement: ResidualStack.Normalization, _ values: (LayerNormPlacement.Run) -> [Double]) -> [MeanInterval] {
        let runs = experiment.runs(result, placement).map(values)
        let count = runs.map(\.count).min() ?? 0
        return (0..<count).map { l in MeanInterval(runs.map { $0[l] }) }
    }

    /// The mean over the stacks of the last block's gradient over the first's.
    func topOverBottom(_ placement: ResidualStack.Normalization) -> Double? {
        let ratios = experiment.runs(result, placement).compactMap { run -> Double? in
            guard let first = run.gradient.first, let last = run.gradient.last, first > 0 else { return nil }
            return last / first
        }
        return ratios.isEmpty ? nil : Moments(ratios).mean
    }

    var figure: FigureSpec {
        var data = DataTable(columns: ["placement", "quantity", "block", "mean", "low", "high", "theory"])
        var summary: [String] = []
        let panels = [true, false].map { forward -> Panel in
            let blocks = forward ? (0...parameters.depth).map(Double.init) : (1...parameters.depth).map(Double.init)
            var marks: [Mark] = []
            for (index, placement) in experiment.placements.enumerated() {
                let means = intervals(placement) { forward ? $0.forward : $0.gradient }
                let theory = forward ? experiment.theoryForward(placement) : experiment.theoryGradient(placement)
                var style = Style.cycled(index)
                style.lineWidth = 2
                let lower = means.map { $0.low > 0 ? $0.low : Double.nan }
                marks += [
                    .band(Band(nil, x: blocks, lower: lower, upper: means.map(\.high), style: style)),
                    .line(Series(Self.name(placement), x: blocks, y: means.map(\.mean), style: style)),
                    .line(Series(RuleStyle.theoryName, x: blocks, y: theory, style: RuleStyle.theory)),
                ]
                for (l, interval) in means.enumerated() {
                    data.append([
                        .text(placement.rawValue), .text(forward ? "forward" : "gradient"), .integer(forward ? l : l + 1),
                        .number(interval.mean), .number(interval.low), .number(interval.high), .number(theory[l]),
                    ])
                }
                if !forward, let first = means.first, let last = means.last {
                    summary.append(
                        "\(Self.name(placement)): \(NumberText.format(first.mean, digits: 3)) at the first block, "
                            + "\(NumberText.format(last.mean, digits: 3)) at the last")
                }
            }
            return Panel(
                title: forward ? "the stream" : "each block's parameters", x: Axis("block l"),
                y: Axis(forward ? "E|x_l|²/n" : "|∂ℓ/∂θ_l|² per sample", scale: .log10), marks: marks)
        }
        let title = "Pre-LN against post-LN through \(parameters.depth) blocks"
        let text = summary.joined(separator: "; ")
        return FigureSpec(
            id: "layernorm-gradients", title: title,
            alt: "Two line charts on logarithmic axes against the block, the stream's second moment and each block's squared "
                + "gradient, one curve per placement with its band and its theory: \(text).",
            chart: Figure(
                title: title, description: "Pre-LN against post-LN at initialisation: \(text).",
                size: Size(width: 540, height: 300), columns: 2, panels: panels, legend: .shared, sharedAxes: .x),
            data: data)
    }
}
