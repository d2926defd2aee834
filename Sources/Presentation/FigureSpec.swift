import Charts

/// One figure of the handout: the chart to draw, its title and alt text, and its data. Its
/// caption is in the prose, on the `Figure:` line after `{{figure ID}}`.
public struct FigureSpec: Sendable, Hashable {
    /// Stable id: the file names (`figures/<id>.svg`, `data/<id>.csv`) and the reference label.
    public var id: String
    public var title: String
    /// What the plot shows, in plain words, generated from the data (for screen readers).
    public var alt: String
    public var chart: Figure
    public var data: DataTable

    public init(id: String, title: String, alt: String, chart: Figure, data: DataTable) {
        self.id = id
        self.title = title
        self.alt = alt
        self.chart = chart
        self.data = data
    }
}
