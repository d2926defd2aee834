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

    /// Which groups of ``RuleStyle/keepsVariance(_:)`` the configured rules fill: the other
    /// rules, then the variance rules; both when there are no rules to tell.
    var ruleGroups: [Bool] {
        let present = [false, true].filter { group in parameters.grid.rules.contains { RuleStyle.keepsVariance($0.rule) == group } }
        return present.isEmpty ? [false, true] : present
    }

    /// A row of panels of one quantity, one per group of ``ruleGroups``: each measured line in
    /// its rule's style and the theory dashed over them all. The row shares its y axis
    /// (`yByRow`), so the groups compare.
    func groupedPanels(_ cells: [Cell], _ pass: Pass, title: String) -> [Panel] {
        ruleGroups.map { keepsVariance in
            let group = cells.filter { RuleStyle.keepsVariance($0.rule.rule) == keepsVariance }
            var measured: [Mark] = [], theory: [Mark] = []
            for (index, cell) in group.enumerated() {
                let values = cell.meanSecondMoments(pass)
                let layers = values.indices.map { Double($0 + 1) }
                let style = RuleStyle.style(cell.rule.rule, index, of: group.count)
                measured.append(.line(Series(cell.rule.label, x: layers, y: values, style: style)))
                if let curve = experiment.theory(cell, pass) {
                    theory.append(.line(Series(RuleStyle.theoryName, x: layers, y: curve, style: RuleStyle.theory)))
                }
            }
            return Panel(
                title: "\(title): \(keepsVariance ? "variance rules" : "other rules")",
                x: Axis("layer l"), y: Axis(pass == .forward ? "Var[a_l]" : "Var[∂L/∂a_l]", scale: .log10), marks: measured + theory)
        }
    }

    func gridFigure(_ pass: Pass) -> FigureSpec {
        let forward = pass == .forward
        let depth = parameters.grid.depth
        let panels = parameters.grid.activations.flatMap { activation in
            groupedPanels(
                cells.filter { $0.activation == activation && !$0.batchNorm }, pass,
                title: Self.activationTitles[activation.id] ?? activation.name)
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
                + "the variance rules apart from the others, with the mean-field theory dashed.",
            size: Self.gridSize(rows: parameters.grid.activations.count), columns: ruleGroups.count, panels: panels, legend: .shared,
            sharedAxes: [.x, .yByRow])
        return FigureSpec(
            id: forward ? "propagation-forward" : "propagation-backward",
            title: forward
                ? "The forward signal through \(NumberText.spelled(depth)) layers"
                : "The backward signal through \(NumberText.spelled(depth)) layers",
            alt: "One row of two panels per activation (\(parameters.grid.activations.map(\.name).joined(separator: ", "))): "
                + "the other rules on the left, the variance rules (LeCun, Glorot, He, orthogonal) on the right, each with one "
                + "curve per rule of the variance against the layer on a logarithmic axis. " + gridAlt(pass),
            chart: chart, data: data)
    }

    /// Rows of two panels over the text column's width: four rows fill the height a printed
    /// page gives a figure; more (the paper profile's activations) make it taller, to be read
    /// on screen.
    static func gridSize(rows: Int) -> Size {
        Size(width: 540, height: 120 + 65 * Double(rows))
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
            [Pass.forward, .backward].flatMap { pass in
                groupedPanels(
                    normalised.filter { $0.activation == activation }, pass,
                    title: "\(Self.activationTitles[activation.id] ?? activation.name), \(pass.rawValue)")
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
                + "normalisation before every activation, for each rule, the variance rules apart from the others.",
            size: Self.gridSize(rows: 2 * activations.count), columns: ruleGroups.count, panels: panels, legend: .shared,
            sharedAxes: [.x, .yByRow])
        let alt = normalised.map { cell in
            "\(cell.activation.name) with \(cell.rule.label): gradient variance at layer 1 "
                + NumberText.format(cell.meanSecondMoments(.backward).first ?? .nan, digits: 2)
        }.joined(separator: "; ")
        return FigureSpec(
            id: "propagation-batchnorm",
            title: "With batch normalisation the scale of the weights stops mattering",
            alt: "Rows of two panels of per-layer variances with batch normalisation, forward and backward, "
                + "for \(activations.map(\.name).joined(separator: " and ")), the other rules on the left and the variance rules "
                + "on the right. " + alt + ".",
            chart: chart, data: data)
    }
}
