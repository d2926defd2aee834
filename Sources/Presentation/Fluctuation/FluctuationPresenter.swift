import Charts
import Experiments
import Numerics
import TextSupport

/// The finite-width experiment in the handout: the variance of log ‖h_l‖² over networks against
/// the layer and against Σ 1/n_l, and the exact variance of one layer against its leading term.
struct FluctuationPresenter: Presenter {
    static let title = "Finite width: how far the signal's length varies between networks"

    let experiment: Fluctuation
    let result: Fluctuation.Result

    var figures: [FigureSpec] { [figure] }

    var tables: [String: DataTable] {
        var table = DataTable(columns: [
            "shape", "layer", "width", "reciprocal_sum", "alive", "mean_log_norm", "variance_log_norm", "variance_standard_error",
            "variance_exact",
        ])
        for measured in result.shapes {
            let exact = Fluctuation.theory(measured.shape)
            let sums = measured.shape.reciprocalSums
            for (layer, summary) in measured.layers.enumerated() {
                table.append([
                    .text(measured.shape.name), .integer(layer + 1), .integer(measured.shape.widths[layer]), .number(sums[layer]),
                    .integer(summary.alive), .number(summary.mean), .number(summary.variance), .number(summary.varianceStandardError),
                    .number(exact[layer].variance),
                ])
            }
        }
        return ["fluctuation": table]
    }

    var pageTables: [PageTable] { [layerTable] }

    /// The widths of the table of one layer's law.
    static let tableWidths = [8, 16, 32, 64, 128, 256]

    /// One layer: the exact Var[log R] against 5/n, and the chance of an all-zero layer.
    var layerTable: PageTable {
        var table = PageTable(
            id: "fluctuation-layer",
            columns: [
                .init("Width n", numeric: true), .init("Var[log R], exact", numeric: true), .init("5/n", numeric: true),
                .init("n · Var[log R]", numeric: true), .init("P(layer all zero)", numeric: true),
            ],
            data: DataTable(columns: ["width", "variance_exact", "leading_term", "dead_probability"]))
        for width in Self.tableWidths {
            let law = LayerRatioLaw(width: width)
            table.data.append([.integer(width), .number(law.variance), .number(law.leadingTerm), .number(law.deadProbability)])
            table.append([
                "\(width)", NumberText.format(law.variance, digits: 3), NumberText.format(law.leadingTerm, digits: 3),
                NumberText.format(Double(width) * law.variance, digits: 3), NumberText.format(law.deadProbability, digits: 2),
            ])
        }
        return table
    }

    /// How legends name a shape.
    static func label(_ shape: Fluctuation.Shape) -> String {
        let widths = Set(shape.widths)
        if widths.count == 1, let width = widths.first { return "\(shape.widths.count) × \(width)" }
        return "\(shape.widths.count / 2) × (\(shape.widths[0]), \(shape.widths[1]))"
    }

    var figure: FigureSpec {
        var byLayer: [Mark] = [], byReciprocalSum: [Mark] = [], exactLines: [Mark] = []
        var data = DataTable(columns: ["shape", "layer", "reciprocal_sum", "variance_measured", "band_low", "band_high", "variance_exact"])
        var largestSum = 0.0
        for (index, measured) in result.shapes.enumerated() {
            let layers = measured.layers.indices.map { Double($0 + 1) }
            let sums = measured.shape.reciprocalSums
            largestSum = max(largestSum, sums.last ?? 0)
            let variance = measured.layers.map(\.variance)
            // 95 % interval of each sample variance, from its own fourth moment (m in the thousands).
            let half = measured.layers.map { 1.96 * $0.varianceStandardError }
            let exact = Fluctuation.theory(measured.shape).map(\.variance)
            let style = Style.cycled(index)
            let name = Self.label(measured.shape)
            let band = Style(color: style.color)
            byLayer.append(.band(Band(nil, x: layers, lower: zip(variance, half).map(-), upper: zip(variance, half).map(+), style: band)))
            byLayer.append(.line(Series(name, x: layers, y: variance, style: Style(color: style.color, dash: style.dash, marker: .circle))))
            exactLines.append(
                .line(Series(index == 0 ? "exact, Σ Var[log R_l]" : nil, x: layers, y: exact, style: RuleStyle.theory)))
            byReciprocalSum.append(
                .band(Band(nil, x: sums, lower: zip(variance, half).map(-), upper: zip(variance, half).map(+), style: band)))
            byReciprocalSum.append(
                .line(Series(nil, x: sums, y: variance, style: Style(color: style.color, dash: style.dash, marker: .circle))))
            for layer in measured.layers.indices {
                data.append([
                    .text(measured.shape.name), .integer(layer + 1), .number(sums[layer]), .number(variance[layer]),
                    .number(variance[layer] - half[layer]), .number(variance[layer] + half[layer]), .number(exact[layer]),
                ])
            }
        }
        let dotted = Style(color: 7, dash: .dotted, lineWidth: 1.4)
        let leading = Mark.line(Series("leading order 5 Σ 1/n_l", x: [0, largestSum], y: [0, 5 * largestSum], style: dotted))
        let y = Axis("Var[log ‖h_l‖²]")
        let panels = [
            Panel(title: "against the layer", x: Axis("layer l"), y: y, marks: byLayer + exactLines),
            Panel(title: "against Σ 1/n_k up to layer l", x: Axis("Σ 1/n_k over k ≤ l"), y: y, marks: byReciprocalSum + [leading]),
        ]
        let title = "The variance of the log of the squared norm over ReLU networks"
        let summary = result.shapes.map { measured in
            "\(Self.label(measured.shape)): \(NumberText.format(measured.layers.last?.variance ?? .nan, digits: 3)) measured, "
                + "\(NumberText.format(Fluctuation.theory(measured.shape).last?.variance ?? .nan, digits: 3)) exact"
        }.joined(separator: "; ")
        return FigureSpec(
            id: "fluctuation-variance", title: title,
            alt: "Two line charts of the variance of log ‖h_l‖² over networks, one against the layer with the exact sums as dashes, "
                + "one against the sum of reciprocal widths with the line 5 Σ 1/n; at the last layer \(summary).",
            chart: Figure(
                title: title, description: "Var[log ‖h_l‖²] over He-initialised ReLU networks of several shapes: \(summary).",
                size: Size(width: 540, height: 280), columns: 2, panels: panels, legend: .shared, sharedAxes: .y),
            data: data)
    }
}
