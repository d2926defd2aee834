import Charts
import Experiments
import Numerics
import TextSupport

/// The SELU experiment in the handout: the mean and the variance of the activations through
/// depth from each start, measured over the networks and iterated by the map.
struct SELUPresenter: Presenter {
    static let title = "Self-normalising networks: SELU with LeCun normal weights"

    let experiment: SELU
    let result: SELU.Result

    var figures: [FigureSpec] { [figure] }

    var tables: [String: DataTable] {
        var table = DataTable(columns: [
            "start_mean", "start_variance", "realisation", "layer", "mean", "variance", "predicted_mean", "predicted_second_moment",
        ])
        for run in result.runs {
            for (layer, values) in run.layers.enumerated() {
                table.append([
                    .number(run.start.mean), .number(run.start.variance), .integer(run.realisation), .integer(layer),
                    .number(values.mean), .number(values.variance), .number(values.predictedMean),
                    .number(values.predictedSecondMoment),
                ])
            }
        }
        return ["selu": table]
    }

    static func label(_ start: SELU.Start) -> String {
        "from (\(NumberText.format(start.mean, digits: 2)), \(NumberText.format(start.variance, digits: 2)))"
    }

    /// Over the networks of a start, layer by layer: the mean of a statistic and its 95 % interval.
    func intervals(_ start: SELU.Start, _ value: (SELU.Layer) -> Double) -> [MeanInterval] {
        let runs = experiment.runs(result, start)
        return (0...parameters.depth).map { layer in MeanInterval(runs.map { value($0.layers[layer]) }) }
    }

    var figure: FigureSpec {
        let layers = (0...parameters.depth).map(Double.init)
        var data = DataTable(columns: ["start", "layer", "statistic", "measured", "interval_low", "interval_high", "map"])
        var lines: [String] = []
        let statistics:
            [(name: String, axis: String, value: @Sendable (SELU.Layer) -> Double, map: @Sendable (SELUMap.Moments) -> Double)] = [
                ("mean", "mean μ_l", { $0.mean }, { $0.mean }), ("variance", "variance ν_l", { $0.variance }, { $0.variance }),
            ]
        let panels = statistics.map { statistic -> Panel in
            var marks: [Mark] = [], theories: [Mark] = []
            for (index, start) in parameters.starts.enumerated() {
                let measured = intervals(start, statistic.value)
                let map = experiment.theory(start).map(statistic.map)
                let style = Style(
                    color: Self.colors[index % Self.colors.count], lineWidth: 2, marker: Self.markers[index % Self.markers.count],
                    markerStride: 4, markerOffset: index)
                marks.append(
                    .band(
                        Band(
                            nil, x: layers, lower: measured.map(\.low), upper: measured.map(\.high), style: Style(color: style.color),
                            opacity: 0.2)))
                marks.append(.line(Series("\(Self.label(start)), measured", x: layers, y: measured.map(\.mean), style: style)))
                theories.append(.line(Series("the map (n → ∞)", x: layers, y: map, style: RuleStyle.theory)))
                for layer in layers.indices {
                    data.append([
                        .text(Self.label(start)), .integer(layer), .text(statistic.name), .number(measured[layer].mean),
                        .number(measured[layer].low), .number(measured[layer].high), .number(map[layer]),
                    ])
                }
                if let last = measured.last {
                    lines.append(
                        "\(statistic.name) \(Self.label(start)): \(NumberText.format(last.mean, digits: 3)) at layer \(parameters.depth)")
                }
            }
            return Panel(title: statistic.name, x: Axis("layer l"), y: Axis(statistic.axis), marks: marks + theories)
        }
        let title = "SELU networks bring mean and variance back to (0, 1)"
        return FigureSpec(
            id: "selu-attraction", title: title,
            alt: "Two line charts against the layer, the activations' mean and their variance, one curve per start with a band "
                + "over the networks and the map dashed: " + lines.joined(separator: "; ") + ".",
            chart: Figure(
                title: title, description: "Mean and variance of SELU activations through depth: " + lines.joined(separator: "; ") + ".",
                size: Size(width: 540, height: 260), columns: 2, panels: panels, legend: .shared, sharedAxes: .x),
            data: data)
    }

    private static let colors = [4, 2, 0]
    private static let markers: [Marker] = [.circle, .triangle, .square]
}
