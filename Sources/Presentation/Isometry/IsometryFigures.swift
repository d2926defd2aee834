import Charts
import Experiments
import Foundation
import Numerics
import TextSupport

extension IsometryPresenter {
    static let unitTitles: [Isometry.Unit: String] = [
        .linear: "linear", .relu: "ReLU, σ_w^2 = 2", .tanh: "tanh, σ_w^2 = 1, small inputs", .tanhCritical: "tanh, critical line, bias",
    ]
    static let kindNames: [Isometry.WeightKind: String] = [.gaussian: "Gaussian", .orthogonal: "orthogonal"]
    /// Gaussian weights are drawn with LeCun's rule, so they take its colour, as orthogonal ones take theirs.
    static func color(_ kind: Isometry.WeightKind) -> Int {
        RuleStyle.style(kind == .gaussian ? .lecunNormal : .orthogonal).color
    }

    var varianceFigure: FigureSpec {
        let depths = parameters.depths.map(Double.init)
        let n = parameters.width
        let maxDepth = experiment.maxDepth
        var data = DataTable(columns: [
            "weights", "activation", "depth", "variance_mean", "variance_standard_error", "m1_mean", "variance_mean_field",
            "variance_exact",
        ])
        var panels: [Panel] = []
        var lines: [String] = []
        for unit in Isometry.Unit.allCases {
            var marks: [Mark] = []
            for (index, kind) in Isometry.WeightKind.allCases.enumerated() where Isometry.units(kind).contains(unit) {
                let cells = parameters.depths.map { experiment.cell(result, kind, unit, depth: $0) }
                let variance = cells.map { $0.statistic(\.variance) }
                let means = cells.map { $0.statistic(\.mean).mean }
                let theory = experiment.meanField(kind, unit)
                let exact: [Double] =
                    kind == .gaussian && unit == .linear
                    ? parameters.depths.map {
                        let e = IsometryTheory.gaussianLinearExact(width: n, depth: $0)
                        return e.secondMoment - e.meanSquareOfMean
                    }
                    : parameters.depths.map { _ in .nan }
                let name = Self.kindNames[kind] ?? kind.rawValue
                // Measured first, so that the legend reads measured, then theory, per kind.
                // ± one standard error over the networks, where it stays positive (log axis).
                marks.append(
                    .band(
                        Band(
                            nil, x: depths, lower: variance.map { $0.mean - $0.standardError > 0 ? $0.mean - $0.standardError : .nan },
                            upper: variance.map { $0.mean + $0.standardError }, style: Style(color: Self.color(kind)), opacity: 0.2)))
                marks.append(
                    .line(
                        Series(
                            "\(name), measured", x: depths, y: variance.map(\.mean),
                            style: Style(color: Self.color(kind), marker: index == 0 ? .circle : .square))))
                marks.append(
                    .line(
                        Series(
                            "\(name), theory n → ∞", x: depths, y: theory.map(\.variance),
                            style: Style(color: Self.color(kind), dash: .dashed, lineWidth: 1.2))))
                if kind == .gaussian && unit == .linear {
                    marks.append(
                        .line(
                            Series(
                                "Gaussian, exact at n = \(n)", x: depths, y: exact, style: Style(color: 7, dash: .dotted, lineWidth: 1.8))))
                }
                for (i, depth) in parameters.depths.enumerated() {
                    data.append([
                        .text(kind.rawValue), .text(unit.rawValue), .integer(depth), .number(variance[i].mean),
                        .number(variance[i].standardError), .number(means[i]), .number(theory[i].variance), .number(exact[i]),
                    ])
                }
                lines.append(
                    "\(unit.rawValue) with \(name) weights: Var(λ) \(NumberText.format(variance.first?.mean ?? .nan, digits: 2)) "
                        + "at depth \(parameters.depths.first ?? 0), \(NumberText.format(variance.last?.mean ?? .nan, digits: 2)) "
                        + "at depth \(maxDepth) (theory \(NumberText.format(theory.last?.variance ?? .nan, digits: 2)))")
            }
            // A little over the depths' range, under two decades, so the ticks are round depths.
            let domain = Double(parameters.depths.first ?? 1) / 1.15...Double(maxDepth) * 1.15
            panels.append(
                Panel(
                    title: Self.unitTitles[unit], x: Axis("depth L", scale: .log10, domain: domain), y: Axis("Var[λ]", scale: .log10),
                    marks: marks))
        }
        let chart = Figure(
            title: "Spread of the squared singular values of the Jacobian against depth",
            description: "Variance of the eigenvalues of JJᵀ against depth on logarithmic axes, for Gaussian and orthogonal weights, "
                + "in linear, ReLU and tanh networks of width \(n) (tanh with small inputs and no bias, and on the critical line "
                + "with a bias), with the large-width theory dashed.",
            size: Size(width: 540, height: 360), columns: 2, panels: panels, legend: .shared, sharedAxes: .both)
        return FigureSpec(
            id: "isometry-variance",
            title: "Gaussian products spread out, orthogonal ones need not",
            alt: "Four panels, linear, ReLU, tanh with small inputs and tanh on the critical line with a bias, each plotting the "
                + "variance of the squared singular values against depth for Gaussian and orthogonal weights (orthogonal only on the "
                + "critical line). "
                + lines.joined(separator: "; ") + ".",
            chart: chart, data: data)
    }

    /// The lowest singular value the histograms show. The eigenvalues of JJᵀ come from a Double
    /// solver with absolute error about 10⁻¹⁶·‖JJᵀ‖, so a singular value √λ is resolved only
    /// down to about 10⁻⁷; the histograms stop well above.
    static let smallestShownExponent = -5.0

    var spectrumFigure: FigureSpec {
        let bins = parameters.spectrum.bins
        let tinySingularValue = parameters.spectrum.tinySingularValue
        let largest = result.spectra.flatMap(\.singularValues).max() ?? 10
        let top = max(1, ceil(log10(max(largest, 1)) * 2) / 2 + 0.5)
        let low = Self.smallestShownExponent
        let edges = (0...bins).map { pow(10, low + (top - low) * Double($0) / Double(bins)) }
        var data = DataTable(columns: ["weights", "depth", "bin_left", "bin_right", "fraction"])
        var panels: [Panel] = []
        var descriptions: [String] = []
        for depth in parameters.spectrum.depths {
            var marks: [Mark] = []
            for kind in Isometry.WeightKind.allCases {
                let values = experiment.spectrumValues(result, kind, depth: depth)
                guard !values.isEmpty else { continue }
                var counts = [Double](repeating: 0, count: bins)
                for value in values where value >= edges[0] && value <= edges[bins] {
                    let position = (log10(value) - low) / (top - low) * Double(bins)
                    counts[min(bins - 1, max(0, Int(position)))] += 1
                }
                let fractions = counts.map { $0 / Double(values.count) }
                for bin in 0..<bins {
                    data.append([
                        .text(kind.rawValue), .integer(depth), .number(edges[bin]), .number(edges[bin + 1]), .number(fractions[bin]),
                    ])
                }
                let below = Double(values.filter { $0 < edges[0] }.count) / Double(values.count)
                let tiny = Double(values.filter { $0 < tinySingularValue }.count) / Double(values.count)
                if kind == .gaussian {
                    marks.append(
                        .histogram(
                            Histogram(
                                "Gaussian", edges: edges, values: fractions, filled: true, style: Style(color: Self.color(kind)))))
                    let hidden = below > 0 ? " and \(NumberText.format(100 * below, digits: 2)) per cent below 10⁻⁵ (not drawn)" : ""
                    descriptions.append(
                        "depth \(depth), Gaussian: median singular value \(NumberText.format(Quantile.of(values, 0.5), digits: 2)), "
                            + "largest \(NumberText.format(values.max() ?? .nan, digits: 2)), \(NumberText.format(100 * tiny, digits: 2)) "
                            + "per cent below \(NumberText.format(tinySingularValue, digits: 1))\(hidden)")
                } else {
                    let deviation = values.map { abs($0 - 1) }.max() ?? .nan
                    marks.append(
                        .rule(
                            ReferenceLine(
                                .vertical, at: 1, label: "orthogonal", style: Style(color: Self.color(kind), dash: .solid, lineWidth: 2))))
                    descriptions.append(
                        "depth \(depth), orthogonal: every singular value within \(NumberText.format(deviation, digits: 1)) of 1")
                }
            }
            marks.append(.rule(ReferenceLine(.vertical, at: tinySingularValue, style: Style(color: 7, dash: .dotted, lineWidth: 1))))
            panels.append(
                Panel(
                    title: "L = \(depth)", x: Axis("singular value σ", scale: .log10, domain: edges[0]...edges[bins]),
                    y: Axis("share per bin"), marks: marks, legend: .none))
        }
        let chart = Figure(
            title: "Singular values of the Jacobian of deep linear networks",
            description: "Histograms of the singular values of products of Gaussian matrices on a logarithmic axis, at several depths, "
                + "with the orthogonal products' singular values, all equal to 1, marked by a line.",
            size: Size(width: 540, height: 230), columns: parameters.spectrum.depths.count, panels: panels, legend: .perPanel,
            sharedAxes: .both)
        return FigureSpec(
            id: "isometry-spectra",
            title: "Most directions die in a deep Gaussian product",
            alt: "Histograms of singular values on a logarithmic axis, one panel per depth. " + descriptions.joined(separator: "; ") + ".",
            chart: chart, data: data)
    }

    var signFigure: FigureSpec {
        let width = parameters.signCorrection.width
        let bins = Isometry.signHistogramBins
        let edges = (0...bins).map { -3 + 6 * Double($0) / Double(bins) }
        var marks: [Mark] = []
        var data = DataTable(columns: ["sign_correction", "bin_left", "bin_right", "count", "density_measured", "density_haar"])
        var descriptions: [String] = []
        for (index, run) in result.signs.sorted(by: { $0.corrected && !$1.corrected }).enumerated() {
            let name = run.corrected ? "with sign correction" : "without"
            marks.append(
                .histogram(
                    Histogram(
                        name, edges: edges, values: run.histogram.map(Double.init), normalization: .density, filled: true,
                        style: Style(color: index))))
            let total = Double(max(run.draws, 1))
            for bin in 0..<bins {
                let middle = (edges[bin] + edges[bin + 1]) / 2
                data.append([
                    .flag(run.corrected), .number(edges[bin]), .number(edges[bin + 1]), .integer(run.histogram[bin]),
                    .number(Double(run.histogram[bin]) / (total * (edges[bin + 1] - edges[bin]))),
                    .number(IsometryTheory.scaledFirstEntryDensity(middle, width: width)),
                ])
            }
            descriptions.append(
                "\(name): \(NumberText.format(100 * Double(run.negatives) / total, digits: 3)) per cent of the draws negative, "
                    + "mean \(NumberText.format(run.mean * Double(width).squareRoot(), digits: 2)) on this scale")
        }
        let grid = (0...120).map { -3 + 6 * Double($0) / 120 }
        marks.append(
            .line(
                Series(
                    "Haar (exact)", x: grid, y: grid.map { IsometryTheory.scaledFirstEntryDensity($0, width: width) },
                    style: Style(color: 7, dash: .dashed, lineWidth: 1.2))))
        let chart = Figure(
            title: "The first entry of orthogonal matrices from QR",
            description: "Histograms of the scaled first entry of \(parameters.signCorrection.draws) orthogonal matrices "
                + "of size \(width), with and without the sign correction, and the exact density for Haar-distributed matrices.",
            size: Size(width: 480, height: 260),
            panels: [Panel(x: Axis("√n · W_{11}"), y: Axis("density"), marks: marks, legend: .topRight)])
        return FigureSpec(
            id: "isometry-qr-signs",
            title: "Without the sign correction, QR is not uniform",
            alt: "Two histograms on one axis: " + descriptions.joined(separator: "; ")
                + ". The corrected one is symmetric about 0 and follows the dashed density; the uncorrected one lies entirely left of 0.",
            chart: chart, data: data)
    }
}
