import Experiments
import Numerics

/// The result tables in long format: every cell's layers with their statistics and theory, and
/// every bin of Glorot and Bengio's histograms.
extension PropagationPresenter {
    var table: DataTable {
        var table = DataTable(columns: [
            "activation", "rule", "batch_norm", "depth", "width", "layer", "pass", "variance_measured", "variance_theory",
            "mean", "p98_abs", "saturated_fraction", "standard_error",
        ])
        for cell in cells {
            for pass in [Pass.forward, .backward] {
                let theory = experiment.theory(cell, pass)
                let all = cell.layers(pass)
                for layer in 0..<(all.first?.count ?? 0) {
                    let values = all.map { $0[layer] }
                    let second = Moments(values.map(\.secondMoment))
                    table.append([
                        .text(cell.activation.name), .text(cell.rule.label), .flag(cell.batchNorm), .integer(parameters.grid.depth),
                        .integer(parameters.grid.width), .integer(layer + 1), .text(pass.rawValue), .number(second.mean),
                        .number(theory?[layer] ?? .nan), .number(Moments(values.map(\.mean)).mean),
                        .number(Moments(values.map(\.percentile98)).mean), .number(Moments(values.map(\.saturatedFraction)).mean),
                        .number(second.standardError),
                    ])
                }
            }
        }
        return table
    }

    var histogramTable: DataTable {
        var table = DataTable(columns: ["activation", "rule", "layer", "pass", "bin_left", "bin_right", "density"])
        for run in result.histograms {
            let passes = [
                ("forward", run.activationEdges, run.activationDensities), ("backward", run.gradientEdges, run.gradientDensities),
            ]
            for (pass, edges, densities) in passes {
                for (layer, density) in densities.enumerated() {
                    for bin in density.indices {
                        table.append([
                            .text("tanh"), .text(run.rule.label), .integer(layer + 1), .text(pass), .number(edges[bin]),
                            .number(edges[bin + 1]), .number(density[bin]),
                        ])
                    }
                }
            }
        }
        return table
    }
}
