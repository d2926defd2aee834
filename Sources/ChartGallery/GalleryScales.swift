import Charts
import Foundation

/// The gallery's examples of scales, ticks and text.
extension ChartGallery {
    static let logScales = GalleryExample(
        name: "log-scales",
        description:
            "Log x and log y: decade labels 10ⁿ, minor ticks at 2…9 × 10ⁿ, markers, a labelled rule, sub- and superscripts in the legend.",
        figure: {
            let widths = (0...12).map { pow(2, Double($0)) }
            let rules: [(String, (Double) -> Double)] = [
                ("U(−1/√n, 1/√n)", { _ in 1.0 / 3 }),
                ("Glorot", { n in 1 + 0.02 * log2(n) }),
                ("He (σ_w^2 = 2/n_{in})", { n in 2 - 0.5 / (1 + log2(n)) }),
                ("N(0, 1)", { n in n / 3 }),
            ]
            let marks: [Mark] = rules.enumerated().map { index, rule in
                var style = Style.cycled(index)
                style.marker = [.circle, .square, .triangle, .diamond][index]
                return .line(Series(rule.0, x: widths, y: widths.map(rule.1), style: style))
            }
            return Figure(
                title: "Variance of the pre-activations against layer width",
                description: "Four initialisation rules; the variance stays near one only for the scaled rules.",
                panels: [
                    Panel(
                        x: Axis("layer width n_{in}", scale: .log10),
                        y: Axis("Var[a_l]", scale: .log10),
                        marks: marks + [.rule(ReferenceLine(.horizontal, at: 1, label: "Var = 1"))])
                ])
        }())

    static let manyDecades = GalleryExample(
        name: "many-decades",
        description:
            "Thirteen decades on an explicit log domain, each labelled 10ⁿ, and a long rule label; the points at zero of setting 1, which a log axis cannot show, are left out.",
        figure: {
            let d = (0...12).map { pow(2, Double($0)) }
            var marks: [Mark] = [.rule(ReferenceLine(.horizontal, at: 1.0 / 48, label: "Chebyshev bound 1/48 for Var(a) = 1/3"))]
            for (index, slope) in [0.0, 0.5, 1.0].enumerated() {
                let tails = d.map { n in min(1, 1e-12 * pow(n, 3 * slope)) }
                marks.append(.line(Series(nil, x: d, y: tails, style: Style(color: index, dash: .dashed, lineWidth: 1))))
                marks.append(
                    .points(
                        Series(
                            "setting \(index + 1)", x: d, y: tails.map { $0 < 1e-9 ? 0 : $0 },
                            style: Style(color: index, marker: [.circle, .square, .triangle][index]))))
            }
            return Figure(
                title: "Fraction outside [−4, 4]", description: "Tail fractions against fan-in.",
                size: Size(width: 480, height: 320),
                panels: [Panel(x: Axis("fan-in d", scale: .log10), y: Axis("P(|a| > 4)", scale: .log10, domain: 1e-13...1), marks: marks)])
        }())

    static let logisticPair = GalleryExample(
        name: "logistic-pair",
        description:
            "Explicit domains, a linear and a log panel side by side, annotations placed left of their points, a panel without legend.",
        figure: {
            let xs = (0..<481).map { -12 + 24 * Double($0) / 480 }
            let derivative = xs.map { logistic($0) * (1 - logistic($0)) }
            let marked = [2.0, 10.0]
            let markedY = marked.map { logistic($0) * (1 - logistic($0)) }
            let left = Panel(
                title: "σ(x) and σ′(x)", x: Axis("x", domain: -12...12), y: Axis("value", domain: 0...1),
                marks: [
                    .line(Series("σ(x)", x: xs, y: xs.map(logistic), style: Style(color: 0))),
                    .line(Series("σ′(x)", x: xs, y: derivative, style: Style(color: 1, dash: .dashed))),
                    .points(Series(nil, x: marked, y: markedY, style: Style(color: 1, marker: .circle))),
                ])
            let right = Panel(
                title: "σ′(x), logarithmic scale", x: Axis("x", domain: -12...12), y: Axis("σ′(x)", scale: .log10),
                marks: [
                    .line(Series("σ′(x)", x: xs, y: derivative, style: Style(color: 1, dash: .dashed))),
                    .points(Series(nil, x: marked, y: markedY, style: Style(color: 1, marker: .circle))),
                    .annotation(Annotation("σ′(2) = 0.105", at: 2, markedY[0], dx: -70, dy: 30)),
                    .annotation(Annotation("σ′(10) = 4.54×10^{-5}", at: 10, markedY[1], dx: -90, dy: -10)),
                ],
                legend: .none)
            return Figure(
                title: "The logistic function and its derivative", description: "Two panels.",
                size: Size(width: 560, height: 240), columns: 2, panels: [left, right])
        }())

    static let longLabels = GalleryExample(
        name: "long-labels",
        description: "A span of 10⁻⁹ around one: long tick labels thinned until they fit, a long scripted axis title.",
        figure: Figure(
            title: "Long labels", description: "Tick labels with ten decimals.",
            panels: [
                Panel(
                    title: "a tiny span: x ∈ [1, 1 + 10^{-9}]",
                    x: Axis("x − 1 (the offset from one, written out in full)"),
                    y: Axis("Var[a_l] / Var[a_{l−1}]"),
                    marks: [.points(Series("samples", x: [1, 1 + 5e-10, 1 + 1e-9], y: [1, 1 + 1e-9, 1 + 2e-9]))])
            ]))

    static let small = GalleryExample(
        name: "small",
        description:
            "A thumbnail-sized figure: twelve decades on x and values up to a million on y, with few labels that still do not collide.",
        figure: Figure(
            title: "Small", description: "A figure the size of a thumbnail.",
            size: Size(width: 160, height: 120),
            panels: [
                Panel(
                    x: Axis("x", scale: .log10), y: Axis("y"),
                    marks: [.line(Series("a", x: [1e-6, 1e6], y: [-123_456, 987_654]))])
            ]))
}
