import Charts
import Foundation

/// The gallery's examples of multi-panel layouts and edge cases.
extension ChartGallery {
    static let smallMultiples = GalleryExample(
        name: "small-multiples",
        description: "Small multiples: six panels with titles sharing both axes (labels on the outer panels only) and one legend below.",
        figure: {
            let depth = (1...30).map(Double.init)
            let gains: [(String, Double)] = [
                ("zeros", 0.0), ("N(0, 0.01)", 0.6), ("Glorot", 0.95), ("He", 1.0), ("orthogonal", 1.02), ("N(0, 1)", 1.4),
            ]
            let panels = gains.map { name, gain in
                Panel(
                    title: name,
                    x: Axis("layer l"), y: Axis("Var[a_l]", scale: .log10),
                    marks: [
                        .line(Series("forward", x: depth, y: depth.map { pow(gain, $0) + 1e-6 }, style: .cycled(0))),
                        .line(Series("backward", x: depth, y: depth.map { pow(gain, 30 - $0) + 1e-6 }, style: .cycled(1))),
                        .rule(ReferenceLine(.horizontal, at: 1)),
                    ])
            }
            return Figure(
                title: "Variance through depth for six initialisers",
                description: "Forward and backward variances per layer; only the scaled rules keep both near one.",
                size: Size(width: 480, height: 320), columns: 3, panels: panels, legend: .shared, sharedAxes: .both)
        }())

    static let rowsOfTwo = GalleryExample(
        name: "rows-of-two",
        description:
            "Rows that share their y axis (yByRow): each row one domain for its two panels, rows of different ranges; three lines that coincide show their markers at alternating points (markerStride, markerOffset), a dashed theory drawn over them.",
        figure: {
            let depth = (1...12).map(Double.init)
            let rows: [(String, Double)] = [("shrinking", 0.5), ("growing", 2.5)]
            let panels = rows.flatMap { name, factor in
                [false, true].map { coinciding in
                    Panel(
                        title: "\(name), \(coinciding ? "three alike" : "three apart")", x: Axis("layer l"),
                        y: Axis("Var[a_l]", scale: .log10),
                        marks: (0..<3).map { index in
                            let rate = coinciding ? factor : factor * (1 + 0.15 * Double(index))
                            return .line(
                                Series(
                                    "rule \(index + 1)", x: depth, y: depth.map { pow(rate, $0) },
                                    style: Style(
                                        color: index, lineWidth: 2, marker: [.circle, .square, .triangle][index], markerStride: 3,
                                        markerOffset: index)))
                        } + [
                            .line(
                                Series(
                                    "theory", x: depth, y: depth.map { pow(factor, $0) },
                                    style: Style(color: 7, dash: .dashed, lineWidth: 0.9)))
                        ])
                }
            }
            return Figure(
                title: "Variance through depth, two rows of two",
                description: "Per-layer variances that shrink (top row) and grow (bottom row); each row shares its y axis.",
                size: Size(width: 480, height: 340), columns: 2, panels: panels, legend: .shared, sharedAxes: [.x, .yByRow])
        }())

    static let independentAxes = GalleryExample(
        name: "independent-axes",
        description:
            "A 2 × 2 grid with independent axes (linear and log y) and ten 500-point series per panel, whose legends find no free corner and go outside; the speed benchmark's shape.",
        figure: {
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
        }())

    static let emptyLinear = empty(name: "empty", scale: .linear)
    static let emptyLog = empty(name: "empty-log", scale: .log10)

    private static func empty(name: String, scale: Scale) -> GalleryExample {
        GalleryExample(
            name: name,
            description:
                "A panel without data (\(scale == .linear ? "linear" : "log") axes): axes, ticks and titles are still drawn, so a missing result is visible rather than a blank.",
            figure: Figure(
                title: "Empty", description: "No data yet.",
                panels: [Panel(x: Axis("x", scale: scale), y: Axis("y", scale: scale), marks: [])]))
    }
}
