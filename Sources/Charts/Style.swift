/// How a mark is stroked and marked.
public struct Style: Sendable, Hashable {
    /// Index into the categorical palette (see ``Palette``); wraps around.
    public var color: Int
    /// Stroke pattern; lets series stay distinguishable in greyscale print.
    public var dash: Dash
    /// Stroke width in points.
    public var lineWidth: Double
    /// Symbol drawn at the data points.
    public var marker: Marker
    /// Which points carry the marker: every `markerStride`-th, counted from point
    /// `markerOffset`. Lines that coincide give their markers different offsets, so each line
    /// still shows its own symbols.
    public var markerStride: Int
    public var markerOffset: Int

    /// Creates a style.
    public init(
        color: Int = 0, dash: Dash = .solid, lineWidth: Double = 1.5, marker: Marker = .none, markerStride: Int = 1,
        markerOffset: Int = 0
    ) {
        self.color = color
        self.dash = dash
        self.lineWidth = lineWidth
        self.marker = marker
        self.markerStride = markerStride
        self.markerOffset = markerOffset
    }

    /// Whether point `index` of a series carries the marker.
    func marks(_ index: Int) -> Bool {
        let stride = max(markerStride, 1)
        return ((index - markerOffset) % stride + stride) % stride == 0
    }

    /// The `index`-th style of a cycle that changes colour and dash together, so that
    /// neighbouring series differ both in colour and in greyscale print. Each round of the
    /// eight Okabe–Ito colours shifts the dashes by one, so the first 32 styles are all different.
    public static func cycled(_ index: Int) -> Style {
        let dashes: [Dash] = [.solid, .dashed, .dashDot, .dotted]
        let step = ((index % Palette.okabeIto) + Palette.okabeIto) % Palette.okabeIto
        let round = (index - step) / Palette.okabeIto
        let dash = ((step + round) % dashes.count + dashes.count) % dashes.count
        return Style(color: step, dash: dashes[dash])
    }
}

/// Stroke patterns, scaled with the line width.
public enum Dash: Sendable, Hashable, CaseIterable {
    case solid, dashed, dotted, dashDot

    /// On/off lengths in multiples of the line width; empty means solid. Patterns drawn
    /// with round caps have their gaps widened by one width, which the caps eat.
    var pattern: [Double] {
        switch self {
        case .solid: []
        case .dashed: [3.7, 1.6]
        // Zero-length dashes with round caps draw round dots.
        case .dotted: [0, 2.2]
        case .dashDot: [5, 2.6, 0, 2.6]
        }
    }

    /// Whether the pattern's ends are round (needed for its dots).
    var roundCaps: Bool { self != .dashed }
}

/// Symbols drawn at data points.
public enum Marker: Sendable, Hashable, CaseIterable {
    case none, circle, square, triangle, diamond, cross

    /// Half the symbol's extent for a given line width, so markers grow with the stroke.
    static func radius(lineWidth: Double) -> Double { 1.3 + 0.8 * lineWidth }
}
