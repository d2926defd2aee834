import Charts
import Foundation

/// The gallery's examples of marks.
extension ChartGallery {
    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    static let lines = GalleryExample(
        name: "lines",
        description:
            "Lines in the four dash patterns of Style.cycled, and two point series with square and diamond markers: Okabe–Ito colours that stay apart in greyscale print.",
        figure: {
            let xs = stride(from: -4.0, through: 4.0, by: 0.05).map { $0 }
            let curves: [(String, (Double) -> Double, Marker)] = [
                ("tanh(x)", { tanh($0) }, .none),
                ("σ(x)", { logistic($0) }, .none),
                ("ReLU(x) = max(0, x)", { max(0, $0) }, .none),
                ("softplus(x)", { log1p(exp($0)) }, .none),
            ]
            let marks: [Mark] = curves.enumerated().map { index, curve in
                .line(Series(curve.0, x: xs, y: xs.map(curve.1), style: .cycled(index)))
            }
            let marked = [-2.0, 0, 2]
            return Figure(
                title: "Four activation functions",
                description: "tanh, the logistic σ, ReLU and softplus on [−4, 4], each in its own colour and dash pattern.",
                panels: [
                    Panel(
                        x: Axis("pre-activation x"), y: Axis("activation f(x)"),
                        marks: marks + [
                            .points(Series("σ at −2, 0, 2", x: marked, y: marked.map(logistic), style: Style(color: 1, marker: .square))),
                            .points(Series("tanh at −2, 0, 2", x: marked, y: marked.map(tanh), style: Style(color: 0, marker: .diamond))),
                        ])
                ])
        }())

    static let points = GalleryExample(
        name: "points",
        description: "Points in every marker shape: circle, square, triangle, diamond, cross.",
        figure: {
            var normals = NormalStream(seed: 3)
            let markers: [Marker] = [.circle, .square, .triangle, .diamond, .cross]
            let marks: [Mark] = markers.enumerated().map { index, marker in
                let fans = (0..<12).map { 16 * pow(2, Double($0) / 2) }
                let measured = fans.map { _ in (1 + 0.08 * normals.next()) * Double(index + 1) / 3 }
                return .points(Series("rule \(index + 1)", x: fans, y: measured, style: Style(color: index, marker: marker)))
            }
            return Figure(
                title: "Measured variance against fan-in",
                description: "Five rules, each in its own marker shape and colour; the measured variance does not depend on the fan-in.",
                panels: [Panel(x: Axis("fan-in n_{in}", scale: .log10), y: Axis("n_{in}·Var[w]"), marks: marks, legend: .outsideRight)])
        }())

    static let annotations = GalleryExample(
        name: "annotations",
        description: "Annotations with arrows pointing at data, a labelled vertical reference line, Greek letters and primes.",
        figure: {
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
                            .annotation(
                                Annotation("σ′(2) = \(String(format: "%.3f", derivative[280]))", at: 2, derivative[280], dx: 38, dy: -22)),
                            .annotation(Annotation("σ′(10) ≈ 4.5×10^{-5}", at: 10, logistic(10) * (1 - logistic(10)), dx: -30, dy: -40)),
                            .rule(ReferenceLine(.vertical, at: -4, label: "x = −4")),
                        ])
                ])
        }())

    static let bandAndGaps = GalleryExample(
        name: "band-and-gaps",
        description:
            "A band (mean ± one standard deviation) under its line, a labelled horizontal rule, and a log-scale line broken by NaN and ∞.",
        figure: {
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
                            .band(
                                Band(
                                    "±1 s.d.", x: depth, lower: zip(mean, spread).map(-), upper: zip(mean, spread).map(+), style: .cycled(0)
                                )),
                            .line(Series("mean", x: depth, y: mean, style: .cycled(0))),
                            .rule(ReferenceLine(.horizontal, at: 1, label: "ideal")),
                        ]),
                    Panel(
                        title: "(b) backward gradient",
                        x: Axis("layer l"), y: Axis("‖∂L/∂W_l‖", scale: .log10),
                        marks: [.line(Series("tanh, N(0, 1)", x: depth, y: gappy, style: .cycled(1)))]),
                ])
        }())

    /// tanh activations of five layers whose pre-activation spread shrinks by 0.62 per layer.
    private static let tanhLayers: [[Double]] = {
        var normals = NormalStream(seed: 7)
        return (1...5).map { layer in
            let scale = pow(0.62, Double(layer - 1)) * 1.4
            return normals.next(4000).map { tanh(scale * $0) }
        }
    }()

    private static let tanhEdges = stride(from: -1.0, through: 1.0, by: 0.04).map { $0 }

    static let histograms = GalleryExample(
        name: "histograms",
        description: "Density-normalised histograms of five layers overlaid on one x axis: four step outlines and one filled.",
        figure: Figure(
            title: "Activation histograms per layer",
            description: "Activations concentrate near zero in deeper layers under standard initialisation.",
            panels: [
                Panel(
                    x: Axis("activation value tanh(a_l)"), y: Axis("density"),
                    marks: tanhLayers.enumerated().map { index, samples in
                        .histogram(
                            Histogram(
                                "layer \(index + 1)", edges: tanhEdges, values: binCounts(samples, edges: tanhEdges),
                                normalization: .density, filled: index == 0, style: .cycled(index)))
                    })
            ]))

    static let histogramStack = GalleryExample(
        name: "histogram-stack",
        description: "The same five layers as a stack of filled histograms of counts, one panel per layer on a shared x axis.",
        figure: Figure(
            title: "Activation histograms, one panel per layer",
            description: "Five stacked panels of counts sharing the activation axis; deeper layers concentrate near zero.",
            size: Size(width: 360, height: 440),
            panels: tanhLayers.enumerated().map { index, samples in
                Panel(
                    title: "layer \(index + 1)", x: Axis("activation value tanh(a_l)"), y: Axis("count"),
                    marks: [
                        .histogram(
                            Histogram(
                                nil, edges: tanhEdges, values: binCounts(samples, edges: tanhEdges), filled: true,
                                style: Style(color: 0, lineWidth: 1)))
                    ])
            },
            sharedAxes: .x))

    static let boxesAndHeatmap = GalleryExample(
        name: "boxes-and-heatmap",
        description: "Box plots per category (Tukey whiskers, outliers) beside a heatmap with its viridis colour bar.",
        figure: {
            var normals = NormalStream(seed: 11)
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
        }())

    /// The weight standard deviations of Perunicic's ReLU figure: too small, He's √(2/100),
    /// too large.
    static let reluDeviations = [0.10, 0.14, 0.28]

    /// The outputs of five ReLU layers of width 100 at initialisation, for each standard
    /// deviation of the weights: 50 inputs drawn from N(0, 1), zero biases, as in
    /// Perunicic's activation figure (which feeds MNIST digits instead).
    static let reluOutputs: [[[Double]]] = {
        let width = 100, batch = 50
        var normals = NormalStream(seed: 5)
        return reluDeviations.map { deviation in
            var activations = normals.next(batch * width)
            return (1...5).map { _ in
                let weights = normals.next(width * width).map { $0 * deviation }
                var outputs = [Double](repeating: 0, count: batch * width)
                for sample in 0..<batch {
                    for unit in 0..<width {
                        var sum = 0.0
                        for input in 0..<width { sum += weights[unit * width + input] * activations[sample * width + input] }
                        outputs[sample * width + unit] = max(0, sum)
                    }
                }
                activations = outputs
                return outputs
            }
        }
    }()

    static let violins = GalleryExample(
        name: "violins",
        description:
            "Violins per named category with quartile bars and median dots; the zeros of ReLU are a point mass, drawn as a bar on 0 filled to their share of its outlined track (a full track is 100 %).",
        figure: Figure(
            title: "ReLU outputs per hidden layer at initialisation",
            description:
                "Five ReLU layers of width 100 with weights drawn from N(0, σ²) for three σ: the outputs shrink layer by layer for σ = 0.10, keep their scale for He's σ = 0.14 and grow for σ = 0.28. About half of each layer's outputs are exactly zero.",
            size: Size(width: 560, height: 250), columns: 3,
            panels: zip(reluDeviations, reluOutputs).map { deviation, layers in
                Panel(
                    title: "N(0, σ^2), σ = \(String(format: "%.2f", deviation))", x: Axis("hidden layer"), y: Axis("ReLU output"),
                    marks: [
                        .violins(
                            Violins(
                                "outputs above 0", categories: .named((1...5).map(String.init)), samples: layers, pointMass: 0,
                                pointMassName: "share exactly 0 (full bar = 100 %)", style: Style(color: 0, lineWidth: 0.8)))
                    ])
            },
            legend: .shared))

    static let violinsLog = GalleryExample(
        name: "violins-log",
        description:
            "The same outputs on a shared log y axis with an explicit domain, violins at numeric x positions: the densities are estimated in log space, and the point mass at 0, which a log axis cannot show, rests on the bottom edge.",
        figure: Figure(
            title: "ReLU outputs per hidden layer, logarithmic scale",
            description:
                "The scale of the positive outputs per layer for three weight deviations: it falls, holds and grows by a constant factor per layer.",
            size: Size(width: 560, height: 250), columns: 3,
            panels: zip(reluDeviations, reluOutputs).map { deviation, layers in
                Panel(
                    title: "σ = \(String(format: "%.2f", deviation))", x: Axis("hidden layer", domain: 0.5...5.5),
                    y: Axis("ReLU output", scale: .log10, domain: 1e-3...1e3),
                    marks: [
                        .violins(
                            Violins(
                                "outputs above 0", categories: .at((1...5).map(Double.init)), samples: layers, pointMass: 0, scale: .log10,
                                pointMassName: "share exactly 0 (full bar = 100 %)", style: Style(color: 2, lineWidth: 0.8)))
                    ])
            },
            legend: .shared, sharedAxes: .y))
}
