import Charts
import Experiments
import TextSupport

/// The grid of activations against rules: the variance of each layer, forward and backward,
/// without and with batch normalisation.
extension PropagationPresenter {
    typealias Pass = Propagation.Pass
    typealias Cell = Propagation.Cell

    static let activationTitles: [String: String] = ["linear": "linear", "tanh": "tanh", "sigmoid": "logistic σ", "relu": "ReLU"]
    static let markers: [Marker] = [.circle, .square, .triangle, .diamond, .cross, .circle]

    func seriesMarks(_ cell: Cell, _ pass: Pass, color: Int) -> [Mark] {
        let measured = cell.meanSecondMoments(pass)
        let layers = measured.indices.map { Double($0 + 1) }
        let style = Style(color: color, marker: Self.markers[color % Self.markers.count])
        var marks: [Mark] = [.line(Series(cell.rule.label, x: layers, y: measured, style: style))]
        if let theory = experiment.theory(cell, pass) {
            marks.append(.line(Series(nil, x: layers, y: theory, style: Style(color: color, dash: .dashed, lineWidth: 1))))
        }
        return marks
    }

    func gridFigure(_ pass: Pass) -> FigureSpec {
        let forward = pass == .forward
        let depth = parameters.grid.depth
        let panels = parameters.grid.activations.map { activation in
            Panel(
                title: Self.activationTitles[activation.id] ?? activation.name,
                x: Axis("layer l"), y: Axis(forward ? "Var[a_l]" : "Var[∂L/∂a_l]", scale: .log10),
                marks: cells.filter { $0.activation == activation && !$0.batchNorm }.enumerated()
                    .flatMap { seriesMarks($0.element, pass, color: $0.offset) })
        }
        var data = DataTable(columns: ["activation", "rule", "layer", "variance_measured", "variance_theory"])
        for cell in cells where !cell.batchNorm {
            let theory = experiment.theory(cell, pass)
            for (layer, value) in cell.meanSecondMoments(pass).enumerated() {
                data.append([
                    .text(cell.activation.name), .text(cell.rule.label), .integer(layer + 1), .number(value),
                    .number(theory?[layer] ?? .nan),
                ])
            }
        }
        let chart = Figure(
            title: forward
                ? "Forward: variance of the pre-activations through depth" : "Backward: variance of the gradients through depth",
            description: "Per-layer variance of the \(forward ? "pre-activations" : "gradients with respect to the pre-activations") "
                + "in \(depth)-layer networks of width \(parameters.grid.width), for each activation and rule, "
                + "with the mean-field theory dashed.",
            size: Size(width: 560, height: 460), columns: 2, panels: panels, legend: .shared, sharedAxes: .x)
        return FigureSpec(
            id: forward ? "propagation-forward" : "propagation-backward",
            title: forward
                ? "The forward signal through \(NumberText.spelled(depth)) layers"
                : "The backward signal through \(NumberText.spelled(depth)) layers",
            alt: "Four panels, one per activation (linear, tanh, logistic, ReLU), each with one curve per rule of the variance "
                + "against the layer on a logarithmic axis. " + gridAlt(pass),
            chart: chart, data: data)
    }

    func gridAlt(_ pass: Pass) -> String {
        let lines = cells.filter { !$0.batchNorm }.map { cell -> String in
            let values = cell.meanSecondMoments(pass)
            let from = pass == .forward ? values.first : values.last
            let to = pass == .forward ? values.last : values.first
            return "\(cell.activation.name) with \(cell.rule.label): "
                + "from \(NumberText.format(from ?? .nan, digits: 2)) to \(NumberText.format(to ?? .nan, digits: 2))"
        }
        return lines.joined(separator: "; ") + "."
    }

    var batchNormFigure: FigureSpec {
        let normalised = cells.filter { $0.batchNorm }
        let activations = parameters.grid.batchNormActivations.filter { activation in normalised.contains { $0.activation == activation } }
        let panels = activations.flatMap { activation in
            [Pass.forward, .backward].map { pass in
                Panel(
                    title: "\(Self.activationTitles[activation.id] ?? activation.name) with batch norm, \(pass.rawValue)",
                    x: Axis("layer l"), y: Axis(pass == .forward ? "Var[a_l]" : "Var[∂L/∂a_l]", scale: .log10),
                    marks: normalised.filter { $0.activation == activation }.enumerated()
                        .flatMap { seriesMarks($0.element, pass, color: $0.offset) })
            }
        }
        var data = DataTable(columns: ["activation", "rule", "layer", "pass", "variance_measured"])
        for cell in normalised {
            for pass in [Pass.forward, .backward] {
                for (layer, value) in cell.meanSecondMoments(pass).enumerated() {
                    data.append([
                        .text(cell.activation.name), .text(cell.rule.label), .integer(layer + 1), .text(pass.rawValue), .number(value),
                    ])
                }
            }
        }
        let chart = Figure(
            title: "Batch normalisation through depth",
            description: "Per-layer variances of pre-activations (before normalisation) and gradients in networks with batch "
                + "normalisation before every activation, for each rule.",
            size: Size(width: 560, height: 460), columns: 2, panels: panels, legend: .shared, sharedAxes: .x)
        let alt = normalised.map { cell in
            "\(cell.activation.name) with \(cell.rule.label): gradient variance at layer 1 "
                + NumberText.format(cell.meanSecondMoments(.backward).first ?? .nan, digits: 2)
        }.joined(separator: "; ")
        return FigureSpec(
            id: "propagation-batchnorm",
            title: "With batch normalisation the scale of the weights stops mattering",
            alt: "Panels of per-layer variances with batch normalisation, forward and backward, "
                + "for \(activations.map(\.name).joined(separator: " and ")). " + alt + ".",
            chart: chart, data: data)
    }
}
