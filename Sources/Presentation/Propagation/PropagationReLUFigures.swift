import Charts
import Experiments
import Numerics
import TextSupport

/// The ReLU picture: weights N(0, σ²) too small, right and too large, as the root mean square
/// of each layer's outputs and as their distributions.
extension PropagationPresenter {
    /// The runs from the smallest standard deviation to the largest.
    var scaleRuns: [Propagation.ScaleRun] {
        result.reluScale.sorted { $0.standardDeviation < $1.standardDeviation }
    }

    /// The smallest and largest share of outputs exactly 0, in per cent, as the alt text says it.
    var zeroPercents: String {
        let zeros = result.reluScale.flatMap(\.zeroFractions)
        let percent = { (fraction: Double?) in NumberText.format((fraction ?? .nan) * 100, digits: 2) }
        return percent(zeros.min()) + " and " + percent(zeros.max())
    }

    var scaleFigure: FigureSpec {
        let setup = parameters.reluScale
        let layers = (1...setup.depth).map(Double.init)
        var marks: [Mark] = [], theories: [Mark] = []
        var data = DataTable(columns: ["std", "layer", "rms_measured", "rms_theory", "zero_fraction"])
        for (index, run) in scaleRuns.enumerated() {
            let theory = experiment.reluScaleTheory(run.standardDeviation)
            let measured = run.outputSecondMoments.map { $0.squareRoot() }
            let label = "σ = \(NumberText.format(run.standardDeviation, digits: 2))"
            let style = Style(color: index, marker: Self.markers[index % Self.markers.count])
            marks.append(.line(Series(label, x: layers, y: measured, style: style)))
            theories.append(.line(Series("theory", x: layers, y: theory, style: RuleStyle.theory)))
            for layer in measured.indices {
                data.append([
                    .number(run.standardDeviation), .integer(layer + 1), .number(measured[layer]), .number(theory[layer]),
                    .number(run.zeroFractions[layer]),
                ])
            }
        }
        let chart = Figure(
            title: "ReLU outputs through \(NumberText.spelled(setup.depth)) layers",
            description: "Root mean square of the ReLU outputs of each hidden layer for weights N(0, σ²) with three values of σ, "
                + "with the theory dashed.",
            size: Size(width: 480, height: 300),
            panels: [Panel(x: Axis("hidden layer"), y: Axis("RMS of relu(a_l)", scale: .log10), marks: marks + theories)],
            legend: .shared)
        return FigureSpec(
            id: "propagation-relu-scale",
            title: "Too small, right, too large",
            alt: "Line chart on a logarithmic axis: with σ = 0.10 the RMS falls layer after layer, with σ = 0.14 it stays level, "
                + "with σ = 0.28 it roughly doubles per layer. Between \(zeroPercents) per cent of the outputs are exactly zero.",
            chart: chart, data: data)
    }

    /// The per-layer distributions of the ReLU outputs, as violins, one panel per σ on one log
    /// axis, so that the panels compare as the scale figure does.
    var distributionFigure: FigureSpec {
        let runs = scaleRuns
        let panels = runs.enumerated().map { index, run in
            Panel(
                title: "σ = \(NumberText.format(run.standardDeviation, digits: 2))",
                x: Axis("hidden layer"), y: Axis("relu(a_l)", scale: .log10),
                marks: [
                    .violins(
                        Violins(
                            nil, categories: .named((1...run.samples.count).map(String.init)),
                            densities: zip(run.samples, run.zeroFractions).map { samples, zeros in
                                // The share of zeros among all outputs, which the caption quotes,
                                // rather than among the drawn sample.
                                var density = KernelDensity(samples: samples, pointMass: 0, scale: .log10)
                                density.pointMass = KernelDensity.PointMass(value: 0, fraction: zeros)
                                return density
                            },
                            pointMassName: index == 0 ? "share exactly 0 (a full bar is 100 %)" : nil, style: Style(color: index)))
                ])
        }
        var data = DataTable(columns: ["std", "layer", "value"])
        for run in runs {
            for (layer, values) in run.samples.enumerated() {
                for value in values { data.append([.number(run.standardDeviation), .integer(layer + 1), .number(value)]) }
            }
        }
        let spread = runs.map { run in
            "σ = \(NumberText.format(run.standardDeviation, digits: 2)): upper quartile of the outputs "
                + "from \(NumberText.format(Quantile.of(run.samples.first ?? [], 0.75), digits: 2)) at layer 1 "
                + "to \(NumberText.format(Quantile.of(run.samples.last ?? [], 0.75), digits: 2)) at layer \(run.samples.count)"
        }.joined(separator: "; ")
        return FigureSpec(
            id: "propagation-relu-distributions",
            title: "The distributions behind these scales",
            alt: "Three panels of violins on one logarithmic axis, one violin per layer, with a bar at the foot of each that is "
                + "filled to the share of outputs exactly 0, between \(zeroPercents) per cent. \(spread).",
            chart: Figure(
                title: "ReLU output distributions per layer",
                description: "Violins of the positive ReLU outputs per hidden layer for three weight scales, on one logarithmic axis, "
                    + "and bars filled to the share of outputs exactly 0. \(spread).",
                size: Size(width: 540, height: 250), columns: 3, panels: panels, legend: .shared, sharedAxes: .both),
            data: data)
    }
}
