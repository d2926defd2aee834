/// Something drawn in a panel, in data coordinates.
public enum Mark: Sendable, Hashable {
    /// A polyline. Non-finite points (and non-positive ones on a log axis) break it, leaving
    /// a visible gap instead of a line to infinity.
    case line(Series)
    /// One marker per point (``Style/marker``, a circle when it is `.none`).
    case points(Series)
    /// A horizontal or vertical reference line across the whole panel.
    case rule(ReferenceLine)
    /// Text near a data point with an arrow pointing to it.
    case annotation(Annotation)
    /// A translucent area between two curves, e.g. mean ± one standard deviation.
    case band(Band)
    /// Counts or densities over bins, as a step outline or a filled area.
    case histogram(Histogram)
    /// One box-and-whisker summary per category, at x = 1, 2, 3, ...
    case boxes(Boxes)
    /// One mirrored density per category, with quartiles and a point mass (such as the
    /// zeros among ReLU outputs) drawn apart.
    case violins(Violins)
    /// A grid of values drawn as coloured cells with a viridis colour bar.
    case heatmap(Heatmap)
}

/// Points joined or marked in order.
public struct Series: Sendable, Hashable {
    /// Legend entry; `nil` keeps the series out of the legend.
    public var name: String?
    /// Horizontal coordinates; as many as `y`.
    public var x: [Double]
    /// Vertical coordinates; as many as `x`.
    public var y: [Double]
    /// Colour, dash, width and marker.
    public var style: Style

    /// Creates a series. `x` and `y` must have the same length.
    public init(_ name: String?, x: [Double], y: [Double], style: Style = Style()) {
        self.name = name
        self.x = x
        self.y = y
        self.style = style
    }
}

/// A reference line at a fixed value, spanning the panel.
public struct ReferenceLine: Sendable, Hashable {
    /// Direction of the line.
    public enum Orientation: Sendable, Hashable { case horizontal, vertical }
    /// `.horizontal` marks a y value, `.vertical` an x value.
    public var orientation: Orientation
    /// The marked value in data units.
    public var value: Double
    /// Written along the line, at its right end (horizontal) or top (vertical).
    public var label: String?
    /// Stroke of the line.
    public var style: Style

    /// Creates a reference line.
    public init(
        _ orientation: Orientation,
        at value: Double,
        label: String? = nil,
        style: Style = Style(color: 7, dash: .dashed, lineWidth: 1)
    ) {
        self.orientation = orientation
        self.value = value
        self.label = label
        self.style = style
    }
}

/// Text pointing at a data point.
public struct Annotation: Sendable, Hashable {
    /// The note; supports the `_`/`^` script markup.
    public var text: String
    /// The data point the arrow points to.
    public var x: Double
    /// The data point the arrow points to.
    public var y: Double
    /// Where the text's centre sits relative to the point, in points (positive is right).
    public var dx: Double
    /// Where the text's centre sits relative to the point, in points (positive is down).
    public var dy: Double

    /// Creates an annotation of the point (`x`, `y`) with its text offset by (`dx`, `dy`)
    /// points; the text is kept inside the plot area.
    public init(_ text: String, at x: Double, _ y: Double, dx: Double = 30, dy: Double = -30) {
        self.text = text
        self.x = x
        self.y = y
        self.dx = dx
        self.dy = dy
    }
}
