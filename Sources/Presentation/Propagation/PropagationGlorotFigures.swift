import Charts
import Experiments
import TextSupport

/// Glorot and Bengio's Figures 6 and 7: per-layer histograms of the activations and of the
/// back-propagated gradients of a tanh network, under each rule.
extension PropagationPresenter {
    func histogramFigure(gradients: Bool) -> FigureSpec {
        let runs = parameters.histograms.rules.compactMap { rule in result.histograms.first { $0.rule == rule } }
        let panels = runs.map { run in
            let edges = gradients ? run.gradientEdges : run.activationEdges
            let densities = gradients ? run.gradientDensities : run.activationDensities
            return Panel(
                title: run.rule.label,
                x: Axis(gradients ? "∂L/∂a" : "tanh(a)"), y: Axis("density"),
                marks: densities.enumerated().map { layer, density in
                    .histogram(
                        Histogram(
                            "layer \(layer + 1)", edges: edges, values: density, normalization: .count, filled: false,
                            style: Style(color: layer)))
                })
        }
        var data = DataTable(columns: ["rule", "layer", "bin_left", "bin_right", "density"])
        for run in runs {
            let edges = gradients ? run.gradientEdges : run.activationEdges
            for (layer, density) in (gradients ? run.gradientDensities : run.activationDensities).enumerated() {
                for bin in density.indices {
                    data.append([
                        .text(run.rule.label), .integer(layer + 1), .number(edges[bin]), .number(edges[bin + 1]), .number(density[bin]),
                    ])
                }
            }
        }
        let setup = parameters.histograms
        let chart = Figure(
            title: gradients ? "Back-propagated gradients per layer" : "Activation values per layer",
            description: "Normalised histograms of the \(gradients ? "back-propagated gradients" : "tanh activations") "
                + "of each of \(setup.depth) hidden layers of \(setup.width) units, under each rule.",
            size: Size(width: 540, height: 250), columns: runs.count, panels: panels, legend: .shared, sharedAxes: .both)
        let spread = runs.map { run -> String in
            let stats = gradients ? run.gradientStatistics : run.activationStatistics
            let values = stats.map { (gradients ? $0.secondMoment : $0.percentile98) }
            return "\(run.rule.label): \(gradients ? "gradient variance" : "98th percentile of |tanh(a)|") "
                + "from \(NumberText.format(values.first ?? .nan, digits: 2)) at layer 1 "
                + "to \(NumberText.format(values.last ?? .nan, digits: 2)) at layer \(values.count)"
        }.joined(separator: "; ")
        return FigureSpec(
            id: gradients ? "propagation-glorot-gradients" : "propagation-glorot-activations",
            title: gradients
                ? "Gradients shrink towards the input under the standard rule" : "Activations shrink with depth under the standard rule",
            alt: "Two panels of step histograms, one curve per layer. " + spread + ".",
            chart: chart, data: data)
    }
}
