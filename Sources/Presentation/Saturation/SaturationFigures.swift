import Charts
import Experiments
import Numerics
import TextSupport

extension SaturationPresenter {
    var logisticFigure: FigureSpec {
        let n = parameters.curvePoints
        let xs = (0..<n).map { -12 + 24 * Double($0) / Double(n - 1) }
        let sigma = xs.map { Logistic.value($0) }
        let derivative = xs.map { Logistic.derivative($0) }
        var data = DataTable(columns: ["x", "sigma", "sigma_prime"])
        for i in xs.indices { data.append([.number(xs[i]), .number(sigma[i]), .number(derivative[i])]) }
        let marked = [2.0, 10.0]
        let markedPoints = Series(nil, x: marked, y: marked.map { Logistic.derivative($0) }, style: Style(color: 1, marker: .circle))
        let atTwo = NumberText.format(Logistic.derivative(2.0), digits: 3)
        let atTen = NumberText.format(Logistic.derivative(10.0), digits: 3)
        let left = Panel(
            title: "σ(x) and σ′(x)",
            x: Axis("x", domain: -12...12), y: Axis("value", domain: 0...1),
            marks: [
                .line(Series("σ(x)", x: xs, y: sigma, style: Style(color: 0))),
                .line(Series("σ′(x)", x: xs, y: derivative, style: Style(color: 1, dash: .dashed))),
                .points(markedPoints),
            ])
        let right = Panel(
            title: "σ′(x), logarithmic scale",
            x: Axis("x", domain: -12...12), y: Axis("σ′(x)", scale: .log10),
            marks: [
                .line(Series("σ′(x)", x: xs, y: derivative, style: Style(color: 1, dash: .dashed))),
                .points(markedPoints),
                .annotation(Annotation("σ′(2) = \(atTwo)", at: 2, Logistic.derivative(2.0), dx: -70, dy: 30)),
                .annotation(Annotation("σ′(10) = \(atTen)", at: 10, Logistic.derivative(10.0), dx: -90, dy: -10)),
            ],
            legend: .none)
        let chart = Figure(
            title: "The logistic function and its derivative",
            description: "σ(x) rises from 0 to 1 on [−12, 12]; its derivative σ′(x) peaks at 0.25 at x = 0, is \(atTwo) at x = 2 "
                + "and \(atTen) at x = 10.",
            size: Size(width: 540, height: 240), columns: 2, panels: [left, right])
        return FigureSpec(
            id: "saturation-logistic",
            title: "The logistic function flattens fast",
            alt: "Two line charts of the logistic function on x from −12 to 12. Left: σ(x) rises from 0 to 1 through 0.5 at x = 0, "
                + "and σ′(x) is a bump with maximum 0.25 at x = 0. Right: σ′(x) on a logarithmic axis, a tent that falls from 0.25 "
                + "to about 6 × 10⁻⁶ at x = ±12; marked points show σ′(2) = \(atTwo) and σ′(10) = \(atTen).",
            chart: chart, data: data)
    }

    var varianceFigure: FigureSpec {
        var marks: [Mark] = []
        for (index, setting) in parameters.settings.enumerated() {
            let rows = rows(setting)
            let d = rows.map { Double($0.fanIn) }
            let style = Style(color: index, marker: Self.markers[index % Self.markers.count])
            marks.append(.line(Series(nil, x: d, y: rows.map(\.varianceTheory), style: Style(color: index, dash: .dashed, lineWidth: 1))))
            marks.append(.points(Series(setting.label, x: d, y: rows.map(\.varianceMeasured), style: style)))
        }
        let chart = Figure(
            title: "Variance of the pre-activation against the fan-in",
            description: "Measured variance of a = Σ wᵢxᵢ (points) and theory (dashed lines) against the fan-in d for \(settingsText).",
            size: Size(width: 480, height: 340),
            panels: [Panel(x: Axis("fan-in d", scale: .log10), y: Axis("Var[a]", scale: .log10), marks: marks)],
            legend: .shared)
        let standard = rows(.standardised).map(\.varianceMeasured)
        let (lowest, highest) = (NumberText.format(standard.min() ?? .nan, digits: 3), NumberText.format(standard.max() ?? .nan, digits: 3))
        let sentences = parameters.settings.map { setting in
            switch setting {
            case .standardised:
                "With U(−1/√d, 1/√d) weights and standardised inputs the measured variance stays flat between "
                    + "\(lowest) and \(highest), on the theory line 1/3."
            case .rawPixels:
                "With raw pixel inputs it stays flat near \(NumberText.format(InputDistribution.pixels.secondMoment / 3, digits: 4))."
            case .fixedRange:
                "With U(−1, 1) weights it grows in proportion to d, as d/3."
            }
        }
        let fanIns = "from \(parameters.fanIns.min() ?? 0) to \(parameters.fanIns.max() ?? 0)"
        return FigureSpec(
            id: "saturation-variance",
            title: "Only the fan-in rule with standardised inputs keeps Var(a) fixed",
            alt: (["Log–log chart of Var(a) against d \(fanIns)."] + sentences).joined(separator: " "),
            chart: chart,
            data: subsetTable(["variance_theory", "variance_measured", "standard_error"]) {
                [.number($0.varianceTheory), .number($0.varianceMeasured), .number($0.standardError)]
            })
    }

    var outsideFigure: FigureSpec {
        var marks: [Mark] = [.rule(ReferenceLine(.horizontal, at: 1.0 / 48, label: "Chebyshev bound 1/48 for Var(a) = 1/3"))]
        for (index, setting) in parameters.settings.enumerated() {
            let rows = rows(setting)
            let d = rows.map { Double($0.fanIn) }
            let style = Style(color: index, marker: Self.markers[index % Self.markers.count])
            marks.append(.line(Series(nil, x: d, y: rows.map(Self.gaussianTail), style: Style(color: index, dash: .dashed, lineWidth: 1))))
            marks.append(.points(Series(setting.label, x: d, y: rows.map(Self.fractionOutside), style: style)))
        }
        let chart = Figure(
            title: "Fraction of pre-activations outside [−4, 4]",
            description: "Measured fraction of |a| > 4 (points) and the Gaussian approximation (dashed) against the fan-in d, "
                + "with the Chebyshev bound 1/48.",
            size: Size(width: 480, height: 340),
            panels: [
                Panel(x: Axis("fan-in d", scale: .log10), y: Axis("P(|a| > 4)", scale: .log10, domain: 1e-13...1), marks: marks)
            ],
            legend: .shared)
        let rawPixels = rows(.rawPixels).map(Self.fractionOutside).max() ?? .nan
        let sentences = parameters.settings.map { setting in
            switch setting {
            case .standardised:
                "With the fan-in rule and standardised inputs no or almost no value falls outside; the Gaussian approximation is "
                    + "\(NumberText.format(StandardNormal.twoSidedTail(4 * 3.0.squareRoot()), digits: 2)), far below the Chebyshev "
                    + "bound 1/48."
            case .rawPixels:
                "With raw pixels about \(NumberText.format(rawPixels, digits: 2)) of all values lie outside."
            case .fixedRange:
                "With U(−1, 1) the fraction climbs with d."
            }
        }
        return FigureSpec(
            id: "saturation-outside",
            title: "How often a unit starts saturated",
            alt: (["Log–log chart of the fraction of |a| > 4 against d."] + sentences).joined(separator: " "),
            chart: chart,
            data: subsetTable(["p_outside_4_measured", "p_outside_4_gaussian", "chebyshev_bound"]) {
                [.number(Self.fractionOutside($0)), .number(Self.gaussianTail($0)), .number(Self.chebyshevBound($0))]
            })
    }

    var derivativeFigure: FigureSpec {
        var marks: [Mark] = [.rule(ReferenceLine(.horizontal, at: 0.25, label: "σ′(0) = 1/4"))]
        for (index, setting) in parameters.settings.enumerated() {
            let rows = rows(setting)
            let style = Style(color: index, marker: Self.markers[index % Self.markers.count])
            marks.append(.line(Series(setting.label, x: rows.map { Double($0.fanIn) }, y: rows.map(\.meanDerivative), style: style)))
        }
        let chart = Figure(
            title: "Mean derivative of the logistic units",
            description: "Mean of σ′(a) over all simulated pre-activations against the fan-in d.",
            size: Size(width: 480, height: 320),
            panels: [Panel(x: Axis("fan-in d", scale: .log10), y: Axis("mean σ′(a)", domain: 0...0.27), marks: marks)],
            legend: .shared)
        let sentences = parameters.settings.map { setting in
            switch setting {
            case .standardised:
                "With the fan-in rule and standardised inputs it stays near "
                    + "\(NumberText.format(rows(.standardised).first?.meanDerivative ?? .nan, digits: 3)) for every d."
            case .rawPixels:
                "With raw pixels it is near \(NumberText.format(rows(.rawPixels).first?.meanDerivative ?? .nan, digits: 2))."
            case .fixedRange:
                "With U(−1, 1) it falls steadily as d grows, to "
                    + "\(NumberText.format(rows(.fixedRange).last?.meanDerivative ?? .nan, digits: 2)) at the largest d."
            }
        }
        return FigureSpec(
            id: "saturation-derivative",
            title: "How fast the units can learn",
            alt: (["Chart of the mean of σ′(a) against d on a logarithmic d axis."] + sentences).joined(separator: " "),
            chart: chart,
            data: subsetTable(["mean_derivative"]) { [.number($0.meanDerivative)] })
    }

    /// A figure's data: the setting and fan-in of every row, then `columns`.
    private func subsetTable(_ columns: [String], _ cells: (Saturation.Row) -> [DataTable.Cell]) -> DataTable {
        var table = DataTable(columns: ["setting", "fan_in"] + columns)
        for row in result.rows { table.append([.text(row.setting.rawValue), .integer(row.fanIn)] + cells(row)) }
        return table
    }

    /// How many settings the charts compare, in words.
    private var settingsText: String {
        let count = parameters.settings.count
        let words = ["one setting", "two settings", "three settings"]
        return words.indices.contains(count - 1) ? words[count - 1] : "\(count) settings"
    }

    private static let markers: [Marker] = [.circle, .square, .triangle, .diamond]
}
