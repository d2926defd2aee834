/// A grid of values drawn as cells coloured with viridis, with a colour bar beside the panel.
public struct Heatmap: Sendable, Hashable {
    /// Column boundaries in increasing order; one more than the number of columns.
    public var xEdges: [Double]
    /// Row boundaries in increasing order; one more than the number of rows.
    public var yEdges: [Double]
    /// Row-major values, `values[row * columns + column]`, row 0 at the lowest y. Non-finite
    /// cells are left empty.
    public var values: [Double]
    /// Title of the colour bar; supports the `_`/`^` script markup.
    public var colorBarLabel: String
    /// Values mapped to the ends of the colour scale; `nil` uses the finite minimum and maximum.
    public var range: ClosedRange<Double>?

    /// Creates a heatmap.
    public init(
        xEdges: [Double], yEdges: [Double], values: [Double],
        colorBarLabel: String = "", range: ClosedRange<Double>? = nil
    ) {
        self.xEdges = xEdges
        self.yEdges = yEdges
        self.values = values
        self.colorBarLabel = colorBarLabel
        self.range = range
    }

    var columns: Int { max(xEdges.count - 1, 0) }
    var rows: Int { max(yEdges.count - 1, 0) }

    /// The value range the colours span, widened when all values are equal.
    var colorRange: ClosedRange<Double> {
        if let range { return range }
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite {
            low = min(low, v)
            high = max(high, v)
        }
        guard low <= high else { return 0...1 }
        return low < high ? low...high : (low - 0.5)...(high + 0.5)
    }
}
