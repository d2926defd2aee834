/// One set of axes with the marks drawn in it.
public struct Panel: Sendable, Hashable {
    /// Drawn above the plot area; supports the `_`/`^` script markup.
    public var title: String?
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// Drawn in order, so later marks lie on top of earlier ones.
    public var marks: [Mark]
    /// Where the legend goes; ignored when the figure uses a shared legend.
    public var legend: LegendPlacement
    /// Light reference lines at the major ticks of both axes.
    public var grid: Bool

    /// Creates a panel.
    public init(
        title: String? = nil,
        x: Axis,
        y: Axis,
        marks: [Mark],
        legend: LegendPlacement = .auto,
        grid: Bool = true
    ) {
        self.title = title
        self.x = x
        self.y = y
        self.marks = marks
        self.legend = legend
        self.grid = grid
    }
}

/// Where a panel's legend is drawn.
public enum LegendPlacement: Sendable, Hashable {
    /// Inside the plot area, in the corner whose box covers no data (trying top right, top
    /// left, bottom right, bottom left); outside on the right when every corner covers data.
    case auto
    /// No legend.
    case none
    /// To the right of the plot area, top-aligned.
    case outsideRight
    /// Inside the plot area, in the named corner, whatever it covers.
    case topLeft, topRight, bottomLeft, bottomRight
}
