import Charts

/// One figure of the handout: the chart to draw, the words around it, and its data.
public struct FigureSpec: Sendable, Hashable {
    /// Stable id: the file names (`figures/<id>.svg`, `data/<id>.csv`) and the reference label.
    public var id: String
    public var title: String
    /// The caption, in the handout's Markdown with TeX math between dollar signs.
    public var caption: String
    /// What the plot shows, in plain words, generated from the data (for screen readers).
    public var alt: String
    public var chart: Figure
    public var data: DataTable

    public init(id: String, title: String, caption: String, alt: String, chart: Figure, data: DataTable) {
        self.id = id
        self.title = title
        self.caption = caption
        self.alt = alt
        self.chart = chart
        self.data = data
    }
}
