import Charts
import Foundation
import Numerics

/// What the isometry result becomes: figures, numbers, checks and the tidy table.
extension Isometry {
    /// Every realisation of one weight kind and unit at one depth.
    struct Cell {
        let kind: WeightKind
        let unit: Unit
        let depth: Int
        let runs: [JacobianMoments]

        func statistic(_ value: KeyPath<JacobianMoments, Double>) -> (mean: Double, standardError: Double) {
            let moments = Moments(runs.map { $0[keyPath: value] })
            return (moments.mean, moments.standardError)
        }
    }

    func cell(_ result: Result, _ kind: WeightKind, _ unit: Unit, depth: Int) -> Cell {
        Cell(kind: kind, unit: unit, depth: depth,
             runs: result.moments.filter { $0.kind == kind && $0.unit == unit && $0.depth == depth }.sorted { $0.realisation < $1.realisation })
    }

    var maxDepth: Int { parameters.depths.last ?? 0 }

    func theory(_ kind: WeightKind, _ unit: Unit) -> [(mean: Double, variance: Double)] {
        IsometryTheory.meanField(kind, unit, inputVariance: inputVariance(unit), depths: parameters.depths)
    }

    public func report(_ result: Result) -> ExperimentReport {
        ExperimentReport(
            experiment: Self.id,
            figures: [varianceFigure(result), spectrumFigure(result), signFigure(result)],
            numbers: numbers(result),
            checks: checks(result),
            tables: ["isometry": table(result)])
    }

    // MARK: Checks

    /// The depths whose moments are checked: E[m₁] up to an eighth of the width, E[m₂] (whose
    /// spread from network to network grows faster, several times L/n relative) up to a 64th,
    /// and at depths 1 and 2 whatever the width. Deeper, a mean over a few dozen networks is too
    /// skewed for Student's t and too wide to tell the theory from one 10 % off; those depths
    /// are shown in the figures.
    func checkedDepths(upTo fraction: Int, atLeast least: Int = 1) -> [Int] {
        parameters.depths.filter { $0 <= max(least, parameters.width / fraction) }
    }

    public func checks(_ result: Result) -> [Check] {
        let alpha = parameters.falseAlarmRate
        let n = parameters.width
        var checks: [Check] = []
        for depth in checkedDepths(upTo: 64, atLeast: 2) {
            let gaussian = cell(result, .gaussian, .linear, depth: depth)
            guard gaussian.runs.count > 1 else { continue }
            let exact = IsometryTheory.gaussianLinearExact(width: n, depth: depth).secondMoment
            checks.append(Check.studentT(
                id: "isometry/gaussian-linear/second-moment/L=\(depth)",
                claim: "Gaussian N(0, 1/n) linear network, depth \(depth), width \(n): E[m₂] = E[tr((JJᵀ)²)]/n from the exact finite-width recursion\(depth == 1 ? " (2 + 1/n)" : "")",
                samples: gaussian.runs.map(\.secondMoment), theory: .proportional("E[m₂] of the recursion", exact),
                falseAlarmRate: alpha, note: "m₂ per network"))
        }
        // E[m₁] = σ_w^{2L}·(the activation's E[φ′²])^L = 1 holds at every depth, so it holds for
        // the average over the checked depths of each network, whose spread over the networks
        // gives the standard error. The power test scales σ_w².
        let depths = checkedDepths(upTo: 8)
        for (kind, unit, words) in [(WeightKind.gaussian, Unit.linear, "Gaussian N(0, 1/n) linear networks"),
                                    (.gaussian, .relu, "Gaussian N(0, 2/n) ReLU networks (flipping the sign of a row of W leaves its law unchanged)"),
                                    (.orthogonal, .relu, "Orthogonal × √2 ReLU networks (the same sign-flip symmetry)")] {
            let averages = (0..<parameters.realisations).compactMap { realisation -> Double? in
                let runs = result.moments.filter {
                    $0.kind == kind && $0.unit == unit && $0.realisation == realisation && depths.contains($0.depth)
                }
                return runs.count == depths.count ? runs.reduce(0) { $0 + $1.mean } / Double(runs.count) : nil
            }
            guard averages.count > 1 else { continue }
            checks.append(Check.studentT(
                id: "isometry/\(kind.rawValue)-\(unit.rawValue)/mean",
                claim: "\(words): E[m₁] = 1 exactly at every depth and width; measured as the average over depths \(depths.first ?? 0) to \(depths.last ?? 0)",
                samples: averages,
                theory: Theory("σ_w² = \(unit.weightScale == 2 ? "2" : "1")") { factor in
                    depths.reduce(0) { $0 + pow(factor, Double($1)) } / Double(depths.count)
                },
                falseAlarmRate: alpha, note: "m₁ averaged over the depths, per network"))
        }
        let orthogonal = cell(result, .orthogonal, .linear, depth: maxDepth)
        if !orthogonal.runs.isEmpty {
            // A product of orthogonal matrices is orthogonal: an identity, nothing to perturb.
            checks.append(Check.exact(
                id: "isometry/orthogonal-linear/isometry",
                claim: "Orthogonal linear network of depth \(maxDepth): JJᵀ = I up to rounding; the root mean square of λ − 1, largest over the networks, is within the bound for Float weights",
                expected: 0, measured: orthogonal.runs.map(\.rootMeanSquareFromOne).max() ?? .nan,
                bound: IsometryTheory.orthogonalRoundingBound(width: n, depth: maxDepth),
                basis: "(1 + u√n)^{2L} − 1 for Float weights"))
        }
        checks += signChecks(result)
        return checks
    }

    /// The first entry of a Haar orthogonal matrix is the first coordinate u₁ of a uniform unit
    /// vector: E[u₁] = 0, E[u₁²] = 1/n, E[u₁⁴] = 3/(n(n + 2)), E|u₁| from `absoluteFirstEntry`.
    /// Every variance below is therefore known, and each statistic is a mean of thousands of
    /// independent bounded draws: normal far into its tails.
    func signChecks(_ result: Result) -> [Check] {
        let alpha = parameters.falseAlarmRate
        let width = parameters.signCorrection.width
        let n = Double(width)
        let absolute = IsometryTheory.absoluteFirstEntry(width: width)
        var checks: [Check] = []
        if let run = result.signs.first(where: \.corrected), run.draws > 1 {
            let draws = Double(run.draws)
            let note = "\(run.draws) independent draws"
            // The sign correction makes P(W₁₁ < 0) = ½; the power test moves that probability,
            // which also moves E[W₁₁] = E|u₁|·(1 − 2p) away from 0.
            checks.append(Check.normal(
                id: "isometry/qr/corrected-negative-fraction",
                claim: "With the sign correction, W₁₁ < 0 in half of the draws (binomial standard error)",
                measured: Double(run.negatives) / draws,
                theory: Theory("P(W₁₁ < 0) = ½", expected: { 0.5 * $0 }, standardError: { factor in
                    (0.5 * factor * (1 - 0.5 * factor) / draws).squareRoot()
                }),
                falseAlarmRate: alpha, note: note))
            checks.append(Check.normal(
                id: "isometry/qr/corrected-mean",
                claim: "With the sign correction, E[W₁₁] = 0",
                measured: run.mean,
                theory: Theory("P(W₁₁ < 0) = ½", expected: { absolute * (1 - $0) }, standardError: { factor in
                    let mean = absolute * (1 - factor)
                    return ((1 / n - mean * mean) / draws).squareRoot()
                }),
                falseAlarmRate: alpha, note: note))
            checks.append(Check.normal(
                id: "isometry/qr/corrected-second-moment",
                claim: "With the sign correction, E[W₁₁²] = 1/n for n = \(width)",
                measured: run.meanSquare,
                theory: Theory("E[W₁₁²] = 1/n", expected: { $0 / n }, standardError: { factor in
                    factor * ((3 / (n * (n + 2)) - 1 / (n * n)) / draws).squareRoot()
                }),
                falseAlarmRate: alpha, note: note))
        }
        if let run = result.signs.first(where: { !$0.corrected }), run.draws > 1 {
            let draws = Double(run.draws)
            checks.append(Check.exact(
                id: "isometry/qr/uncorrected-negative-fraction",
                claim: "Without the correction, Householder QR gives W₁₁ = −|x₁|/‖x‖ < 0 in every draw",
                expected: 1, measured: Double(run.negatives) / draws, bound: 0, basis: "Householder's choice of sign"))
            checks.append(Check.normal(
                id: "isometry/qr/uncorrected-mean",
                claim: "Without the correction, E[W₁₁] = −Γ(n/2)/(√π Γ((n+1)/2)) for n = \(width)",
                measured: run.mean,
                theory: Theory("E|W₁₁| = Γ(n/2)/(√π Γ((n+1)/2))", expected: { -absolute * $0 }, standardError: { factor in
                    ((1 / n - absolute * absolute * factor * factor) / draws).squareRoot()
                }),
                falseAlarmRate: alpha, note: "\(run.draws) independent draws"))
        }
        return checks
    }

    // MARK: Numbers

    /// The name of a weight kind and unit in number keys: `gaussian_linear`.
    static func key(_ kind: WeightKind, _ unit: Unit) -> String { "\(kind.rawValue)_\(unit.rawValue)" }

    func numbers(_ result: Result) -> [String: Double] {
        let n = parameters.width
        var numbers: [String: Double] = [
            "isometry_width": Double(n),
            "isometry_max_depth": Double(maxDepth),
            "isometry_realisations": Double(parameters.realisations),
            "isometry_tanh_input_variance": parameters.tanhInputVariance,
            "isometry_tanh_input_std": parameters.tanhInputVariance.squareRoot(),
            "isometry_spectrum_realisations": Double(parameters.spectrum.realisations),
            "isometry_spectrum_values": Double(parameters.spectrum.realisations * n),
            "isometry_tiny_singular_value": parameters.spectrum.tinySingularValue,
            "isometry_exact_second_moment_depth_1": IsometryTheory.gaussianLinearExact(width: n, depth: 1).secondMoment,
            "isometry_exact_second_moment_at_max_depth": IsometryTheory.gaussianLinearExact(width: n, depth: maxDepth).secondMoment,
            "isometry_exact_variance_at_max_depth": {
                let exact = IsometryTheory.gaussianLinearExact(width: n, depth: maxDepth)
                return exact.secondMoment - exact.meanSquareOfMean
            }(),
            "isometry_rounding_bound_at_max_depth": IsometryTheory.orthogonalRoundingBound(width: n, depth: maxDepth),
        ]
        for kind in WeightKind.allCases {
            for unit in Unit.allCases {
                let key = Self.key(kind, unit)
                let deepest = cell(result, kind, unit, depth: maxDepth)
                numbers["isometry_variance_\(key)_at_max_depth"] = deepest.statistic(\.variance).mean
                numbers["isometry_mean_\(key)_at_max_depth"] = deepest.statistic(\.mean).mean
                numbers["isometry_second_moment_\(key)_at_max_depth"] = deepest.statistic(\.secondMoment).mean
                numbers["isometry_theory_variance_\(key)_at_max_depth"] = theory(kind, unit).last?.variance ?? .nan
                numbers["isometry_theory_mean_\(key)_at_max_depth"] = theory(kind, unit).last?.mean ?? .nan
            }
        }
        numbers["isometry_orthogonal_linear_distance_at_max_depth"] = cell(result, .orthogonal, .linear, depth: maxDepth).runs.map(\.rootMeanSquareFromOne).max() ?? .nan
        for kind in WeightKind.allCases {
            for depth in parameters.spectrum.depths {
                let values = spectrumValues(result, kind, depth: depth)
                guard !values.isEmpty else { continue }
                let tiny = Double(values.filter { $0 < parameters.spectrum.tinySingularValue }.count) / Double(values.count)
                numbers["isometry_tiny_fraction_\(kind.rawValue)_depth_\(depth)"] = tiny
                numbers["isometry_tiny_percent_\(kind.rawValue)_depth_\(depth)"] = 100 * tiny
                numbers["isometry_largest_singular_value_\(kind.rawValue)_depth_\(depth)"] = values.max() ?? .nan
                numbers["isometry_median_singular_value_\(kind.rawValue)_depth_\(depth)"] = Quantile.of(values, 0.5)
            }
        }
        let orthogonalValues = parameters.spectrum.depths.flatMap { spectrumValues(result, .orthogonal, depth: $0) }
        numbers["isometry_orthogonal_largest_deviation"] = orthogonalValues.map { abs($0 - 1) }.max() ?? .nan
        // The deepest spectrum under names that do not depend on the profile's depths.
        if let deepest = parameters.spectrum.depths.last {
            numbers["isometry_spectrum_max_depth"] = Double(deepest)
            for kind in WeightKind.allCases {
                for name in ["tiny_fraction", "tiny_percent", "largest_singular_value", "median_singular_value"] {
                    numbers["isometry_\(name)_\(kind.rawValue)_at_spectrum_max_depth"] = numbers["isometry_\(name)_\(kind.rawValue)_depth_\(deepest)"]
                }
            }
        }
        numbers["isometry_qr_width"] = Double(parameters.signCorrection.width)
        numbers["isometry_qr_draws"] = Double(parameters.signCorrection.draws)
        numbers["isometry_qr_uncorrected_mean_theory"] = -IsometryTheory.absoluteFirstEntry(width: parameters.signCorrection.width)
        for run in result.signs {
            let key = run.corrected ? "corrected" : "uncorrected"
            numbers["isometry_qr_negative_fraction_\(key)"] = Double(run.negatives) / Double(max(run.draws, 1))
            numbers["isometry_qr_negative_percent_\(key)"] = 100 * Double(run.negatives) / Double(max(run.draws, 1))
            numbers["isometry_qr_mean_\(key)"] = run.mean
            numbers["isometry_qr_mean_square_\(key)"] = run.meanSquare
        }
        return numbers
    }

    func spectrumValues(_ result: Result, _ kind: WeightKind, depth: Int) -> [Double] {
        result.spectra.filter { $0.kind == kind && $0.depth == depth }.sorted { $0.realisation < $1.realisation }.flatMap(\.singularValues)
    }

    // MARK: Table

    func table(_ result: Result) -> DataTable {
        var table = DataTable(columns: ["weights", "activation", "width", "depth", "realisation", "m1", "m2", "variance", "rms_from_one"])
        let sorted = result.moments.sorted {
            ($0.kind.rawValue, $0.unit.rawValue, $0.depth, $0.realisation) < ($1.kind.rawValue, $1.unit.rawValue, $1.depth, $1.realisation)
        }
        for run in sorted {
            table.append([
                .text(run.kind.rawValue), .text(run.unit.rawValue), .integer(parameters.width), .integer(run.depth), .integer(run.realisation),
                .number(run.mean), .number(run.secondMoment), .number(run.variance), .number(run.rootMeanSquareFromOne),
            ])
        }
        return table
    }

    // MARK: Figures

    static let unitTitles: [Unit: String] = [.linear: "linear", .relu: "ReLU, σ_w^2 = 2", .tanh: "tanh, σ_w^2 = 1"]
    static let kindNames: [WeightKind: String] = [.gaussian: "Gaussian", .orthogonal: "orthogonal"]

    func varianceFigure(_ result: Result) -> FigureSpec {
        let depths = parameters.depths.map(Double.init)
        let n = parameters.width
        var data = DataTable(columns: ["weights", "activation", "depth", "variance_mean", "variance_standard_error", "m1_mean", "variance_mean_field", "variance_exact"])
        var panels: [Panel] = []
        var lines: [String] = []
        for unit in Unit.allCases {
            var marks: [Mark] = []
            for (index, kind) in WeightKind.allCases.enumerated() {
                let cells = parameters.depths.map { cell(result, kind, unit, depth: $0) }
                let variance = cells.map { $0.statistic(\.variance) }
                let means = cells.map { $0.statistic(\.mean).mean }
                let theory = theory(kind, unit)
                let exact: [Double] = kind == .gaussian && unit == .linear
                    ? parameters.depths.map { let e = IsometryTheory.gaussianLinearExact(width: n, depth: $0); return e.secondMoment - e.meanSquareOfMean }
                    : parameters.depths.map { _ in .nan }
                let name = Self.kindNames[kind] ?? kind.rawValue
                // Measured first, so that the legend reads measured, then theory, per kind.
                // ± one standard error over the networks, where it stays positive (log axis).
                marks.append(.band(Band(nil, x: depths, lower: variance.map { $0.mean - $0.standardError > 0 ? $0.mean - $0.standardError : .nan },
                                        upper: variance.map { $0.mean + $0.standardError }, style: Style(color: index), opacity: 0.2)))
                marks.append(.line(Series("\(name), measured", x: depths, y: variance.map(\.mean), style: Style(color: index, marker: index == 0 ? .circle : .square))))
                marks.append(.line(Series("\(name), theory n → ∞", x: depths, y: theory.map(\.variance), style: Style(color: index, dash: .dashed, lineWidth: 1.2))))
                if kind == .gaussian && unit == .linear {
                    marks.append(.line(Series("Gaussian, exact at n = \(n)", x: depths, y: exact, style: Style(color: 2, dash: .dotted, lineWidth: 1.8))))
                }
                for (i, depth) in parameters.depths.enumerated() {
                    data.append([.text(kind.rawValue), .text(unit.rawValue), .integer(depth), .number(variance[i].mean), .number(variance[i].standardError),
                                 .number(means[i]), .number(theory[i].variance), .number(exact[i])])
                }
                lines.append("\(unit.rawValue) with \(name) weights: Var(λ) \(NumberText.format(variance.first?.mean ?? .nan, digits: 2)) at depth \(parameters.depths.first ?? 0), \(NumberText.format(variance.last?.mean ?? .nan, digits: 2)) at depth \(maxDepth) (theory \(NumberText.format(theory.last?.variance ?? .nan, digits: 2)))")
            }
            // A little over the depths' range, under two decades, so the ticks are round depths.
            let domain = Double(parameters.depths.first ?? 1) / 1.15...Double(maxDepth) * 1.15
            panels.append(Panel(title: Self.unitTitles[unit], x: Axis("depth L", scale: .log10, domain: domain), y: Axis("Var[λ]", scale: .log10), marks: marks))
        }
        let chart = Figure(
            title: "Spread of the squared singular values of the Jacobian against depth",
            description: "Variance of the eigenvalues of JJᵀ against depth on logarithmic axes, for Gaussian and orthogonal weights, in linear, ReLU and tanh networks of width \(n), with the large-width theory dashed.",
            size: Size(width: 600, height: 250), columns: 3, panels: panels, legend: .shared, sharedAxes: .x)
        return FigureSpec(
            id: "isometry-variance",
            title: "Gaussian products spread out, orthogonal ones need not",
            caption: "The variance of the squared singular values $\\lambda$ of the input–output Jacobian $J$ at initialisation, against the depth $L$, for networks of width \(n) (mean of \(parameters.realisations) networks per point, shaded ± one standard error; both axes logarithmic). Dashed: the large-width prediction, $\\operatorname{Var}(\\lambda) = L$ for Gaussian linear networks, $2L$ for Gaussian ReLU, $L$ for orthogonal ReLU. Dotted: the exact expectation at width \(n) for Gaussian linear networks. Orthogonal linear networks are isometries, and their variance is rounding error only; the tanh networks start from inputs of variance \(NumberText.format(parameters.tanhInputVariance, digits: 2)) per unit.",
            alt: "Three panels, linear, ReLU and tanh, each plotting the variance of the squared singular values against depth for Gaussian and orthogonal weights. " + lines.joined(separator: "; ") + ".",
            chart: chart, data: data)
    }

    /// The lowest singular value the histograms show. The eigenvalues of JJᵀ come from a Double
    /// solver with absolute error about 10⁻¹⁶·‖JJᵀ‖, so a singular value √λ is resolved only
    /// down to about 10⁻⁷; the histograms stop well above.
    static let smallestShownExponent = -5.0

    func spectrumFigure(_ result: Result) -> FigureSpec {
        let bins = parameters.spectrum.bins
        let largest = result.spectra.flatMap(\.singularValues).max() ?? 10
        let top = max(1, ceil(log10(max(largest, 1)) * 2) / 2 + 0.5)
        let low = Self.smallestShownExponent
        let edges = (0...bins).map { pow(10, low + (top - low) * Double($0) / Double(bins)) }
        var data = DataTable(columns: ["weights", "depth", "bin_left", "bin_right", "fraction"])
        var panels: [Panel] = []
        var descriptions: [String] = []
        for depth in parameters.spectrum.depths {
            var marks: [Mark] = []
            for (index, kind) in WeightKind.allCases.enumerated() {
                let values = spectrumValues(result, kind, depth: depth)
                guard !values.isEmpty else { continue }
                var counts = [Double](repeating: 0, count: bins)
                for value in values where value >= edges[0] && value <= edges[bins] {
                    let position = (log10(value) - low) / (top - low) * Double(bins)
                    counts[min(bins - 1, max(0, Int(position)))] += 1
                }
                let fractions = counts.map { $0 / Double(values.count) }
                for bin in 0..<bins {
                    data.append([.text(kind.rawValue), .integer(depth), .number(edges[bin]), .number(edges[bin + 1]), .number(fractions[bin])])
                }
                let below = Double(values.filter { $0 < edges[0] }.count) / Double(values.count)
                let tiny = Double(values.filter { $0 < parameters.spectrum.tinySingularValue }.count) / Double(values.count)
                if kind == .gaussian {
                    marks.append(.histogram(Histogram("Gaussian", edges: edges, values: fractions, filled: true, style: Style(color: index))))
                    descriptions.append("depth \(depth), Gaussian: median singular value \(NumberText.format(Quantile.of(values, 0.5), digits: 2)), largest \(NumberText.format(values.max() ?? .nan, digits: 2)), \(NumberText.format(100 * tiny, digits: 2)) per cent below \(NumberText.format(parameters.spectrum.tinySingularValue, digits: 1))\(below > 0 ? " and \(NumberText.format(100 * below, digits: 2)) per cent below 10⁻⁵ (not drawn)" : "")")
                } else {
                    let deviation = values.map { abs($0 - 1) }.max() ?? .nan
                    marks.append(.rule(ReferenceLine(.vertical, at: 1, label: "orthogonal", style: Style(color: index, dash: .solid, lineWidth: 2))))
                    descriptions.append("depth \(depth), orthogonal: every singular value within \(NumberText.format(deviation, digits: 1)) of 1")
                }
            }
            marks.append(.rule(ReferenceLine(.vertical, at: parameters.spectrum.tinySingularValue, style: Style(color: 7, dash: .dotted, lineWidth: 1))))
            panels.append(Panel(title: "L = \(depth)", x: Axis("singular value σ", scale: .log10, domain: edges[0]...edges[bins]), y: Axis("share per bin"), marks: marks, legend: .none))
        }
        let chart = Figure(
            title: "Singular values of the Jacobian of deep linear networks",
            description: "Histograms of the singular values of products of Gaussian matrices on a logarithmic axis, at several depths, with the orthogonal products' singular values, all equal to 1, marked by a line.",
            size: Size(width: 600, height: 230), columns: parameters.spectrum.depths.count, panels: panels, legend: .perPanel, sharedAxes: .both)
        let n = parameters.width
        return FigureSpec(
            id: "isometry-spectra",
            title: "Most directions die in a deep Gaussian product",
            caption: "Singular values of the Jacobian $J = W_L \\cdots W_1$ of linear networks of width \(n) (\(parameters.spectrum.realisations * n) values per histogram, from \(parameters.spectrum.realisations) networks; logarithmic axis, \(bins) bins of equal width in $\\log_{10}\\sigma$; bar height is the share of the values in the bin). Gaussian weights $N(0, 1/n)$ (filled) spread the singular values over many decades as the depth grows, with most of them small and a few large; orthogonal weights (solid line) keep every one at 1. The dotted line marks $\\sigma = \(NumberText.tex(parameters.spectrum.tinySingularValue, digits: 1))$.",
            alt: "Histograms of singular values on a logarithmic axis, one panel per depth. " + descriptions.joined(separator: "; ") + ".",
            chart: chart, data: data)
    }

    func signFigure(_ result: Result) -> FigureSpec {
        let width = parameters.signCorrection.width
        let bins = Self.signHistogramBins
        let edges = (0...bins).map { -3 + 6 * Double($0) / Double(bins) }
        var marks: [Mark] = []
        var data = DataTable(columns: ["sign_correction", "bin_left", "bin_right", "count", "density_measured", "density_haar"])
        var descriptions: [String] = []
        for (index, run) in result.signs.sorted(by: { $0.corrected && !$1.corrected }).enumerated() {
            let name = run.corrected ? "with sign correction" : "without"
            marks.append(.histogram(Histogram(name, edges: edges, values: run.histogram.map(Double.init), normalization: .density, filled: true, style: Style(color: index))))
            let total = Double(max(run.draws, 1))
            for bin in 0..<bins {
                let middle = (edges[bin] + edges[bin + 1]) / 2
                data.append([.flag(run.corrected), .number(edges[bin]), .number(edges[bin + 1]), .integer(run.histogram[bin]),
                             .number(Double(run.histogram[bin]) / (total * (edges[bin + 1] - edges[bin]))),
                             .number(IsometryTheory.scaledFirstEntryDensity(middle, width: width))])
            }
            descriptions.append("\(name): \(NumberText.format(100 * Double(run.negatives) / total, digits: 3)) per cent of the draws negative, mean \(NumberText.format(run.mean * Double(width).squareRoot(), digits: 2)) on this scale")
        }
        let grid = (0...120).map { -3 + 6 * Double($0) / 120 }
        marks.append(.line(Series("Haar (exact)", x: grid, y: grid.map { IsometryTheory.scaledFirstEntryDensity($0, width: width) }, style: Style(color: 7, dash: .dashed, lineWidth: 1.2))))
        let chart = Figure(
            title: "The first entry of orthogonal matrices from QR",
            description: "Histograms of the scaled first entry of \(parameters.signCorrection.draws) orthogonal matrices of size \(width), with and without the sign correction, and the exact density for Haar-distributed matrices.",
            size: Size(width: 480, height: 260),
            panels: [Panel(x: Axis("√n · W_{11}"), y: Axis("density"), marks: marks, legend: .topRight)])
        return FigureSpec(
            id: "isometry-qr-signs",
            title: "Without the sign correction, QR is not uniform",
            caption: "The entry $W_{11}$ of \(parameters.signCorrection.draws) orthogonal matrices of size $n = \(width)$, each the $Q$ factor of a Gaussian matrix by Householder reflections, scaled by $\\sqrt n$. With column $j$ of $Q$ multiplied by $\\operatorname{sign} R_{jj}$, the histogram follows the density of the first coordinate of a uniformly random unit vector (dashed); as Householder QR returns it, $W_{11}$ is never positive.",
            alt: "Two histograms on one axis: " + descriptions.joined(separator: "; ") + ". The corrected one is symmetric about 0 and follows the dashed density; the uncorrected one lies entirely left of 0.",
            chart: chart, data: data)
    }
}
