import Charts
import Experiments
import Numerics
import TextSupport

/// The order-and-chaos experiment in the handout: the phase diagram with its critical line, the
/// correlation of two inputs through depth in each phase, and the trainability map with 6ξ_c.
struct OrderAndChaosPresenter: Presenter {
    static let title = "Order and chaos in random tanh networks"

    let experiment: OrderAndChaos
    let result: OrderAndChaos.Result

    var figures: [FigureSpec] { [phaseFigure, correlationFigure, trainabilityFigure] }

    var tables: [String: DataTable] {
        var phase = DataTable(columns: ["sigma_w2", "sigma_b2", "q_star", "chi1", "c_star", "xi_c"])
        for cell in result.phase {
            phase.append([
                .number(cell.weightVariance), .number(cell.biasVariance), .number(cell.fixedLength), .number(cell.chi1),
                .number(cell.fixedCorrelation), .number(cell.correlationDepth),
            ])
        }
        var runs = DataTable(columns: ["phase", "network", "layer", "correlation"])
        for run in result.runs {
            for (layer, value) in run.correlations.enumerated() {
                runs.append([.text(run.phase.rawValue), .integer(run.network), .integer(layer + 1), .number(value)])
            }
        }
        var training = DataTable(columns: ["sigma_w2", "depth", "seed", "held_out_accuracy"])
        for cell in result.training {
            training.append([.number(cell.weightVariance), .integer(cell.depth), .integer(cell.seed), .number(cell.accuracy ?? .nan)])
        }
        return ["meanfield-phase-cells": phase, "meanfield-correlation-runs": runs, "meanfield-trainability-runs": training]
    }

    /// The edges of `count` equal cells from 0 to `maximum`.
    static func edges(count: Int, maximum: Double) -> [Double] {
        (0...count).map { maximum * Double($0) / Double(count) }
    }

    /// ξ_c drawn in the phase diagram saturates here: beyond it a network of the handout's depths
    /// has not forgotten its inputs' correlation, and the colours would otherwise spend their
    /// range on the neighbourhood of the line, where ξ_c is infinite.
    static let depthColourLimit = 20.0

    var phaseFigure: FigureSpec {
        let p = parameters
        let values = result.phase.map { min($0.correlationDepth, Self.depthColourLimit) }
        let heatmap = Heatmap(
            xEdges: Self.edges(count: p.phaseColumns, maximum: p.maxWeightVariance),
            yEdges: Self.edges(count: p.phaseRows, maximum: p.maxBiasVariance), values: values, colorBarLabel: "ξ_c (layers)",
            range: 0...Self.depthColourLimit)
        let line = Series(
            "critical line χ_1 = 1", x: result.line.map(\.weightVariance), y: result.line.map(\.biasVariance),
            style: Style(color: 7, dash: .solid, lineWidth: 2))
        var data = DataTable(columns: ["sigma_b2", "sigma_w2_critical"])
        for point in result.line { data.append([.number(point.biasVariance), .number(point.weightVariance)]) }
        let first = result.line.first?.weightVariance ?? .nan, last = result.line.last?.weightVariance ?? .nan
        let title = "The phase diagram of tanh networks"
        let summary =
            "the critical line runs from σ_w² = \(NumberText.format(first, digits: 3)) at σ_b² = 0 to "
            + "\(NumberText.format(last, digits: 3)) at σ_b² = \(NumberText.format(p.maxBiasVariance, digits: 2)); ξ_c is small far "
            + "from it on either side and grows without bound towards it"
        return FigureSpec(
            id: "meanfield-phase", title: title,
            alt: "A heatmap of the correlation depth ξ_c over σ_w² (horizontal) and σ_b² (vertical), with the critical line: "
                + "\(summary).",
            chart: Figure(
                title: title, description: "Phase diagram: \(summary).", size: Size(width: 480, height: 300),
                panels: [
                    Panel(
                        x: Axis("σ_w^2", domain: 0...p.maxWeightVariance), y: Axis("σ_b^2", domain: 0...p.maxBiasVariance),
                        marks: [.heatmap(heatmap), .line(line)], legend: .auto, grid: false)
                ]),
            data: data)
    }

    var correlationFigure: FigureSpec {
        let p = parameters
        let layers = (1...p.depth).map(Double.init)
        var marks: [Mark] = []
        var theories: [Mark] = []
        var data = DataTable(columns: ["phase", "sigma_w2", "layer", "mean", "low", "high", "theory"])
        var summary: [String] = []
        for (index, phase) in OrderAndChaos.Phase.allCases.enumerated() {
            let runs = experiment.runs(result, phase)
            let intervals = (0..<p.depth).map { layer in MeanInterval(runs.map { $0.correlations[layer] }) }
            let theory = experiment.theory(phase)
            let style = Style(color: index, dash: .solid, lineWidth: 2)
            let label = "\(phase.rawValue), σ_w² = \(NumberText.format(experiment.weightVariance(phase), digits: 3))"
            marks.append(.band(Band(nil, x: layers, lower: intervals.map(\.low), upper: intervals.map(\.high), style: style)))
            marks.append(.line(Series(label, x: layers, y: intervals.map(\.mean), style: style)))
            theories.append(.line(Series(index == 0 ? "correlation map" : nil, x: layers, y: theory, style: RuleStyle.theory)))
            for layer in 0..<p.depth {
                data.append([
                    .text(phase.rawValue), .number(experiment.weightVariance(phase)), .integer(layer + 1), .number(intervals[layer].mean),
                    .number(intervals[layer].low), .number(intervals[layer].high), .number(theory[layer]),
                ])
            }
            summary.append(
                "\(label): from \(NumberText.format(intervals.first?.mean ?? .nan, digits: 3)) to "
                    + "\(NumberText.format(intervals.last?.mean ?? .nan, digits: 3)), "
                    + "the map \(NumberText.format(theory.last ?? .nan, digits: 3))"
            )
        }
        let title = "The correlation of two inputs through depth"
        let text = summary.joined(separator: "; ")
        return FigureSpec(
            id: "meanfield-correlation", title: title,
            alt: "Line chart of the correlation of two inputs' pre-activations against the layer, one curve per phase with its 95 % "
                + "band and the iterated correlation map dashed: \(text).",
            chart: Figure(
                title: title, description: "Correlation through depth: \(text).", size: Size(width: 480, height: 300),
                panels: [Panel(x: Axis("layer l"), y: Axis("correlation c_l", domain: 0...1), marks: marks + theories)]),
            data: data)
    }

    var trainabilityFigure: FigureSpec {
        let p = parameters
        let variances = p.trainWeightVariances.sorted(), depths = p.trainDepths.sorted()
        var values: [Double] = []
        for depth in depths {
            for variance in variances {
                let cells = result.training.filter { $0.depth == depth && $0.weightVariance == variance }
                let chance = result.classes > 0 ? 1 / Double(result.classes) : .nan
                values.append(Moments(cells.map { $0.accuracy ?? chance }).mean)
            }
        }
        let heatmap = Heatmap(
            xEdges: Self.midpoints(variances), yEdges: Self.midpoints(depths.map(Double.init)), values: values,
            colorBarLabel: "held-out accuracy", range: 0...1)
        let top = Self.midpoints(depths.map(Double.init)).last ?? 1
        // Above the chart a curve breaks (a point that is not a number leaves a gap) rather than
        // joining its two sides across the critical σ_w² along the top edge.
        func curve(_ multiple: Double, _ name: String, _ style: Style) -> Series {
            let y = result.scales.map { multiple * $0.correlationDepth <= top ? multiple * $0.correlationDepth : .nan }
            return Series(name, x: result.scales.map(\.weightVariance), y: y, style: style)
        }
        let outer = curve(OrderAndChaos.untrainableDepths, "6ξ_c", Style(color: 7, dash: .solid, lineWidth: 2))
        let inner = curve(OrderAndChaos.trainableDepths, "2ξ_c", Style(color: 7, dash: .dashed, lineWidth: 1.5))
        var data = DataTable(columns: ["sigma_w2", "depth", "mean_accuracy", "xi_c"])
        var index = 0
        for depth in depths {
            for variance in variances {
                data.append([.number(variance), .integer(depth), .number(values[index]), .number(experiment.correlationDepth(variance))])
                index += 1
            }
        }
        let groups = experiment.trainabilityGroups(result)
        let summary =
            "networks within 2ξ_c reach a mean accuracy of \(NumberText.format(Moments(groups.inside).mean, digits: 3)), "
            + "those beyond 6ξ_c \(NumberText.format(Moments(groups.beyond).mean, digits: 3))"
        let title = "Which depths train"
        return FigureSpec(
            id: "meanfield-trainability", title: title,
            alt: "A heatmap of held-out accuracy over σ_w² (horizontal) and depth (vertical) at σ_b² = "
                + "\(NumberText.format(p.biasVariance, digits: 3)), with the curves 2ξ_c and 6ξ_c: \(summary).",
            chart: Figure(
                title: title, description: "Trainability: \(summary).", size: Size(width: 480, height: 300),
                panels: [
                    Panel(
                        x: Axis("σ_w^2"), y: Axis("depth L"), marks: [.heatmap(heatmap), .line(outer), .line(inner)], legend: .auto,
                        grid: false)
                ]),
            data: data)
    }

    /// Cell edges for centres in increasing order: halfway between neighbours, and as far
    /// beyond the ends as the nearest neighbour is.
    static func midpoints(_ centres: [Double]) -> [Double] {
        guard centres.count > 1 else { return centres.first.map { [$0 - 0.5, $0 + 0.5] } ?? [] }
        let inner = zip(centres, centres.dropFirst()).map { ($0 + $1) / 2 }
        return [centres[0] - (inner[0] - centres[0])] + inner + [2 * centres[centres.count - 1] - inner[inner.count - 1]]
    }
}
