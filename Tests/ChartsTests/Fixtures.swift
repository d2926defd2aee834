import Foundation

@testable import Charts

/// Figures shared by several tests: the ones the handout needs, plus edge cases.
enum Fixtures {
    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// A line chart over a log x axis from 1 to 4096 with a legend.
    static var logWidth: Figure {
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
                    marks: marks + [.rule(Rule(.horizontal, at: 1, label: "Var = 1"))])
            ])
    }

    /// σ(x) and σ′(x) on [−12, 12] with annotations at x = 2 and x = 10.
    static var sigmoid: Figure {
        let xs = stride(from: -12.0, through: 12.0, by: 0.05).map { $0 }
        let sigma = xs.map(logistic)
        let derivative = xs.map { logistic($0) * (1 - logistic($0)) }
        return Figure(
            title: "The logistic function and its derivative",
            description: "σ(x) saturates beyond |x| ≈ 4, where σ′(x) is nearly zero.",
            panels: [
                Panel(
                    x: Axis("pre-activation x"),
                    y: Axis("value"),
                    marks: [
                        .line(Series("σ(x)", x: xs, y: sigma, style: .cycled(0))),
                        .line(Series("σ′(x)", x: xs, y: derivative, style: .cycled(1))),
                        .annotation(Annotation("σ′(2) = \(String(format: "%.3f", derivative[280]))", at: 2, derivative[280], dx: 38, dy: -22)),
                        .annotation(Annotation("σ′(10) ≈ 4.5×10^{-5}", at: 10, logistic(10) * (1 - logistic(10)), dx: -30, dy: -40)),
                    ])
            ])
    }

    /// Two panels side by side: linear and log y, with a band, a rule and a gap from NaN.
    static var twoPanels: Figure {
        let depth = (1...20).map(Double.init)
        let mean = depth.map { 1 + 0.05 * $0 }
        let spread = depth.map { 0.1 + 0.01 * $0 }
        var gappy = depth.map { pow(0.7, $0) }
        gappy[7] = .nan
        gappy[8] = .infinity
        return Figure(
            title: "Signal propagation through depth",
            description: "Left: mean activation variance with one standard deviation. Right: gradient norm on a log scale.",
            size: Size(width: 480, height: 220), columns: 2,
            panels: [
                Panel(
                    title: "(a) forward variance",
                    x: Axis("layer l"), y: Axis("Var[a_l]"),
                    marks: [
                        .band(Band("±1 s.d.", x: depth, lower: zip(mean, spread).map(-), upper: zip(mean, spread).map(+), style: .cycled(0))),
                        .line(Series("mean", x: depth, y: mean, style: .cycled(0))),
                        .rule(Rule(.horizontal, at: 1, label: "ideal")),
                    ]),
                Panel(
                    title: "(b) backward gradient",
                    x: Axis("layer l"), y: Axis("‖∂L/∂W_l‖", scale: .log10),
                    marks: [.line(Series("tanh, N(0, 1)", x: depth, y: gappy, style: .cycled(1)))]),
            ])
    }

    static func emptyPanel(scale: Scale = .linear) -> Figure {
        Figure(
            title: "Empty", description: "No data yet.",
            panels: [Panel(x: Axis("x", scale: scale), y: Axis("y", scale: scale), marks: [])])
    }
}

extension Fixtures {
    /// A small multiple-sized figure, where labels compete for little space.
    static var small: Figure {
        Figure(
            title: "Small", description: "A figure the size of a thumbnail.",
            size: Size(width: 160, height: 120),
            panels: [
                Panel(
                    x: Axis("x", scale: .log10), y: Axis("y"),
                    marks: [.line(Series("a", x: [1e-6, 1e6], y: [-123_456, 987_654]))])
            ])
    }

    /// Long tick labels (tiny span around one) and a long, scripted axis title.
    static var longLabels: Figure {
        Figure(
            title: "Long labels", description: "Tick labels with ten decimals.",
            panels: [
                Panel(
                    title: "a tiny span: x ∈ [1, 1 + 10^{-9}]",
                    x: Axis("x − 1 (the offset from one, written out in full)"),
                    y: Axis("Var[a_l] / Var[a_{l−1}]"),
                    marks: [.points(Series("samples", x: [1, 1 + 5e-10, 1 + 1e-9], y: [1, 1 + 1e-9, 1 + 2e-9]))])
            ])
    }

    /// Four panels of ten 500-point series each: the performance case.
    static var fourPanels: Figure {
        let x = (0..<500).map { Double($0) / 499 * 10 }
        let panels = (0..<4).map { p in
            Panel(
                title: "panel \(p + 1)",
                x: Axis("time t"), y: Axis(p % 2 == 0 ? "amplitude" : "log amplitude", scale: p % 2 == 0 ? .linear : .log10),
                marks: (0..<10).map { s in
                    .line(
                        Series(
                            "series \(s + 1)", x: x,
                            y: x.map { 2 + sin($0 + Double(s)) * Double(s + 1) / 10 }, style: .cycled(s)))
                })
        }
        return Figure(
            title: "Four panels", description: "Ten series in each of four panels.",
            size: Size(width: 520, height: 420), columns: 2, panels: panels)
    }
}

extension Fixtures {
    /// A reproducible stream of standard normal samples (xorshift64* and Box–Muller).
    struct Normals {
        private var state: UInt64
        init(seed: UInt64) { state = seed | 1 }

        private mutating func uniform() -> Double {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return Double((state &* 2_685_821_657_736_338_717) >> 11) / Double(1 << 53)
        }

        mutating func next() -> Double {
            let u = max(uniform(), 1e-300), v = uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    static func counts(_ samples: [Double], edges: [Double]) -> [Double] {
        var counts = [Double](repeating: 0, count: edges.count - 1)
        let width = edges[1] - edges[0]
        for s in samples {
            let bin = Int(((s - edges[0]) / width).rounded(.down))
            if bin >= 0 && bin < counts.count { counts[bin] += 1 }
        }
        return counts
    }

    /// Per-layer activation histograms of a deep tanh network, as in Glorot & Bengio (2010),
    /// Figures 6–7: one density outline per layer on a shared x axis.
    static var layerHistograms: Figure {
        var normals = Normals(seed: 7)
        let edges = stride(from: -1.0, through: 1.0, by: 0.04).map { $0 }
        let marks: [Mark] = (1...5).map { layer in
            let scale = pow(0.62, Double(layer - 1)) * 1.4
            let samples = (0..<4000).map { _ in tanh(scale * normals.next()) }
            return .histogram(
                Histogram(
                    "layer \(layer)", edges: edges, values: counts(samples, edges: edges), normalization: .density,
                    filled: layer == 1, style: .cycled(layer - 1)))
        }
        return Figure(
            title: "Activation histograms per layer",
            description: "Activations concentrate near zero in deeper layers under standard initialisation.",
            panels: [Panel(x: Axis("activation value tanh(a_l)"), y: Axis("density"), marks: marks)])
    }

    /// Box plots per layer beside a heatmap with its colour bar.
    static var boxesAndHeatmap: Figure {
        var normals = Normals(seed: 11)
        let summaries = (1...6).compactMap { layer -> BoxSummary? in
            let spread = pow(0.7, Double(layer))
            return BoxSummary(samples: (0..<300).map { _ in spread * normals.next() + (layer == 3 ? 0.3 : 0) })
        }
        let n = 24
        let edges = (0...n).map { Double($0) / Double(n) * 4 - 2 }
        var values: [Double] = []
        for row in 0..<n {
            for column in 0..<n {
                let x = (edges[column] + edges[column + 1]) / 2, y = (edges[row] + edges[row + 1]) / 2
                values.append(exp(-(x * x + y * y) / 1.5) * (1 + 0.3 * sin(3 * x)))
            }
        }
        return Figure(
            title: "Spread per layer and a loss surface",
            description: "Left: box plots of activations per layer. Right: a loss surface as a heatmap.",
            size: Size(width: 520, height: 240), columns: 2,
            panels: [
                Panel(
                    title: "(a) activations",
                    x: Axis("layer"), y: Axis("a_l"),
                    marks: [.boxes(Boxes(nil, categories: (1...6).map { "L_\($0)" }, summaries: summaries, style: .cycled(0)))]),
                Panel(
                    title: "(b) loss surface",
                    x: Axis("w_1"), y: Axis("w_2"),
                    marks: [.heatmap(Heatmap(xEdges: edges, yEdges: edges, values: values, colorBarLabel: "loss L(w)"))],
                    grid: false),
            ])
    }

    /// Small multiples: one panel per initialiser, shared axes and one legend.
    static var smallMultiples: Figure {
        let depth = (1...30).map(Double.init)
        let gains: [(String, Double)] = [("zeros", 0.0), ("N(0, 0.01)", 0.6), ("Glorot", 0.95), ("He", 1.0), ("orthogonal", 1.02), ("N(0, 1)", 1.4)]
        let panels = gains.map { name, gain in
            Panel(
                title: name,
                x: Axis("layer l"), y: Axis("Var[a_l]", scale: .log10),
                marks: [
                    .line(Series("forward", x: depth, y: depth.map { pow(gain, $0) + 1e-6 }, style: .cycled(0))),
                    .line(Series("backward", x: depth, y: depth.map { pow(gain, 30 - $0) + 1e-6 }, style: .cycled(1))),
                    .rule(Rule(.horizontal, at: 1)),
                ])
        }
        return Figure(
            title: "Variance through depth for six initialisers",
            description: "Forward and backward variances per layer; only the scaled rules keep both near one.",
            size: Size(width: 480, height: 320), columns: 3, panels: panels, legend: .shared, sharedAxes: .both)
    }
}

extension Fixtures {
    /// The shape of the handout's first figure: explicit domains, a log panel without legend,
    /// annotations pointing up-left and left.
    static var logisticPair: Figure {
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
    }

    /// Thirteen decades on an explicit log domain with a long rule label and points at zero
    /// (which a log axis cannot show).
    static var tailFractions: Figure {
        let d = (0...12).map { pow(2, Double($0)) }
        var marks: [Mark] = [.rule(Rule(.horizontal, at: 1.0 / 48, label: "Chebyshev bound 1/48 for Var(a) = 1/3"))]
        for (index, slope) in [0.0, 0.5, 1.0].enumerated() {
            let tails = d.map { n in min(1, 1e-12 * pow(n, 3 * slope)) }
            marks.append(.line(Series(nil, x: d, y: tails, style: Style(color: index, dash: .dashed, lineWidth: 1))))
            marks.append(.points(Series("setting \(index + 1)", x: d, y: tails.map { $0 < 1e-9 ? 0 : $0 }, style: Style(color: index, marker: [.circle, .square, .triangle][index]))))
        }
        return Figure(
            title: "Fraction outside [−4, 4]", description: "Tail fractions against fan-in.",
            size: Size(width: 480, height: 320),
            panels: [Panel(x: Axis("fan-in d", scale: .log10), y: Axis("P(|a| > 4)", scale: .log10, domain: 1e-13...1), marks: marks)])
    }
}
