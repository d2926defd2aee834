import Charts
import Experiments
import Numerics
import TextSupport

/// The modes experiment in the handout: forward and backward variances layer by layer in a
/// tapering network, for He's rule in both modes and for leaky units under two rules.
struct ModesPresenter: Presenter {
    static let title = "He's rule in a tapering network: modes and slopes"

    let experiment: Modes
    let result: Modes.Result

    var figures: [FigureSpec] { [figure] }

    var tables: [String: DataTable] {
        var table = DataTable(columns: [
            "mode", "slope", "rule_slope", "realisation", "layer", "width", "forward_second_moment", "backward_second_moment",
        ])
        for run in result.runs {
            for layer in run.forward.indices {
                table.append([
                    .text(run.variant.mode.rawValue), .number(run.variant.slope), .number(run.variant.ruleSlope),
                    .integer(run.realisation), .integer(layer + 1), .integer(parameters.widths[layer + 1]),
                    .number(run.forward[layer]), .number(run.backward.count > layer ? run.backward[layer] : .nan),
                ])
            }
        }
        return ["modes": table]
    }

    /// How legends and the figure's data name a kind of network.
    static func label(_ variant: Modes.Variant) -> String {
        if variant.slope == 0 { return "ReLU, mode \(variant.mode.rawValue)" }
        let slope = NumberText.format(variant.slope, digits: 2)
        return "leaky ReLU a = \(slope), He with a = \(NumberText.format(variant.ruleSlope, digits: 2))"
    }

    /// Over the networks of a kind: the mean of the ratio of the variance at the far end of a
    /// pass to the variance where it starts.
    func ratio(_ variant: Modes.Variant, forward: Bool) -> Double {
        let ratios = experiment.runs(result, variant).compactMap { run -> Double? in
            let values = forward ? run.forward : run.backward
            guard let first = values.first, let last = values.last, first > 0, last > 0 else { return nil }
            return forward ? last / first : first / last
        }
        return Moments(ratios).mean
    }

    var figure: FigureSpec {
        let layers = (1..<parameters.widths.count).map(Double.init)
        var data = DataTable(columns: ["variant", "pass", "layer", "width", "variance_measured", "variance_theory"])
        let panels = [true, false].map { forward -> Panel in
            var marks: [Mark] = [], theories: [Mark] = []
            for (index, variant) in experiment.variants.enumerated() {
                let values = experiment.runs(result, variant).map { forward ? $0.forward : $0.backward }
                let mean = layers.indices.map { layer in
                    values.reduce(0.0) { $0 + ($1.count > layer ? $1[layer] : .nan) } / Double(max(values.count, 1))
                }
                let theory = forward ? experiment.theory(variant).forward : experiment.theory(variant).backward
                let cycled = Style.cycled(index)
                // Lines that coincide (the first and third backward, the second and fourth
                // forward at first) put their markers on alternate layers, so both show.
                let style = Style(
                    color: cycled.color, dash: cycled.dash, lineWidth: 2, marker: Self.markers[index % Self.markers.count],
                    markerStride: 2, markerOffset: [0, 1, 1, 0][index % 4])
                let label = Self.label(variant)
                marks.append(.line(Series(label.replacingOccurrences(of: "_", with: "-"), x: layers, y: mean, style: style)))
                theories.append(.line(Series(RuleStyle.theoryName, x: layers, y: theory, style: RuleStyle.theory)))
                for (layer, value) in mean.enumerated() {
                    data.append([
                        .text(label), .text(forward ? "forward" : "backward"), .integer(layer + 1),
                        .integer(parameters.widths[layer + 1]), .number(value), .number(theory[layer]),
                    ])
                }
            }
            let y = Axis(forward ? "Var[a_l]" : "Var[∂L/∂a_l]", scale: .log10)
            return Panel(title: forward ? "forward" : "backward", x: Axis("hidden layer l"), y: y, marks: marks + theories)
        }
        let title = "He's rule in a tapering network: both modes, and the slope"
        let summary = experiment.variants.map { variant in
            "\(Self.label(variant)): forward ratio \(NumberText.format(ratio(variant, forward: true), digits: 3)), "
                + "backward ratio \(NumberText.format(ratio(variant, forward: false), digits: 3))"
        }.joined(separator: "; ")
        return FigureSpec(
            id: "modes-tapering", title: title,
            alt: "Two line charts on logarithmic axes against the hidden layer, one per pass, each with a curve per network kind: "
                + "\(summary).",
            chart: Figure(
                title: title, description: "Forward and backward variances in a tapering network: \(summary).",
                size: Size(width: 540, height: 300), columns: 2, panels: panels, legend: .shared, sharedAxes: .x),
            data: data)
    }

    private static let markers: [Marker] = [.circle, .square, .triangle, .diamond]
}
