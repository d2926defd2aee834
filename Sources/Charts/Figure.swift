/// A width and a height in points (1/72 inch), the unit every chart dimension uses.
public struct Size: Sendable, Hashable {
    /// Horizontal extent in points.
    public var width: Double
    /// Vertical extent in points.
    public var height: Double

    /// Creates a size in points.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

/// A complete chart: one or more panels laid out in a grid, plus the accessible text that
/// describes it. A figure is plain data; ``ChartRenderer`` turns it into SVG, PNG or PDF.
public struct Figure: Sendable, Hashable {
    /// Accessible title; becomes the SVG `<title>` and the PDF document title.
    public var title: String
    /// Longer accessible description; becomes the SVG `<desc>`.
    public var description: String
    /// Page size in points. PNG output has twice as many pixels in each direction.
    public var size: Size
    /// Number of grid columns; panels fill the grid row by row.
    public var columns: Int
    /// The panels, in reading order.
    public var panels: [Panel]
    /// Where series names are listed: in each panel, or once for the whole figure.
    public var legend: FigureLegend
    /// Axes that all panels share (small multiples): one domain for all, with tick labels
    /// and titles only on the outer panels (bottom row for x, first column for y).
    public var sharedAxes: AxisSharing

    /// Creates a figure.
    public init(
        title: String,
        description: String,
        size: Size = Size(width: 480, height: 300),
        columns: Int = 1,
        panels: [Panel],
        legend: FigureLegend = .perPanel,
        sharedAxes: AxisSharing = []
    ) {
        self.title = title
        self.description = description
        self.size = size
        self.columns = columns
        self.panels = panels
        self.legend = legend
        self.sharedAxes = sharedAxes
    }
}

extension Figure {
    /// The size of the tick labels in points, at the figure's own size: a page that shows the
    /// figure smaller shrinks them in proportion.
    public static let tickLabelSize = Metrics.tickFont
}

/// How a multi-panel figure lists its series.
public enum FigureLegend: Sendable, Hashable {
    /// Every panel places its own legend as its ``Panel/legend`` says.
    case perPanel
    /// One legend for the whole figure, below the grid; entries with the same name and style
    /// appear once, and the panels draw no legend of their own. Suited to small multiples.
    case shared
}

/// Which axes the panels of a figure share.
public struct AxisSharing: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// One x domain; x tick labels and titles only in the bottom panel of each column.
    public static let x = AxisSharing(rawValue: 1)
    /// One y domain; y tick labels and titles only in the first column.
    public static let y = AxisSharing(rawValue: 2)
    /// One y domain per row of the grid, for rows whose panels compare one quantity while
    /// the rows differ in range; y tick labels and titles only in the first column.
    public static let yByRow = AxisSharing(rawValue: 4)
    public static let both: AxisSharing = [.x, .y]
}
