import Numerics

/// Box-and-whisker summaries, one per category, drawn at x = 1, 2, 3, ... with the category
/// names as the x tick labels.
public struct Boxes: Sendable, Hashable {
    /// Legend entry; `nil` keeps the boxes out of the legend.
    public var name: String?
    /// Tick labels for the categories; supports the `_`/`^` script markup.
    public var categories: [String]
    /// One summary per category.
    public var summaries: [BoxSummary]
    /// Outline colour and width.
    public var style: Style

    /// Light enough for the median line to stand out.
    static let fillOpacity = 0.2

    /// Creates box plots; `categories` and `summaries` must have the same length.
    public init(_ name: String?, categories: [String], summaries: [BoxSummary], style: Style = Style()) {
        self.name = name
        self.categories = categories
        self.summaries = summaries
        self.style = style
    }
}

/// The five numbers a box plot draws, plus points beyond the whiskers.
public struct BoxSummary: Sendable, Hashable {
    public var lowerWhisker: Double
    public var lowerQuartile: Double
    public var median: Double
    public var upperQuartile: Double
    public var upperWhisker: Double
    /// Drawn as individual points.
    public var outliers: [Double]

    /// Creates a summary from precomputed statistics.
    public init(
        lowerWhisker: Double, lowerQuartile: Double, median: Double,
        upperQuartile: Double, upperWhisker: Double, outliers: [Double] = []
    ) {
        self.lowerWhisker = lowerWhisker
        self.lowerQuartile = lowerQuartile
        self.median = median
        self.upperQuartile = upperQuartile
        self.upperWhisker = upperWhisker
        self.outliers = outliers
    }

    /// Tukey's summary of a sample: quartiles by linear interpolation, whiskers at the most
    /// extreme samples within 1.5 interquartile ranges of the box, the rest as outliers.
    /// Non-finite samples are ignored; `nil` when no finite sample remains.
    public init?(samples: [Double]) {
        let sorted = samples.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        let q1 = Quantile.ofSorted(sorted, 0.25), q3 = Quantile.ofSorted(sorted, 0.75)
        let reach = 1.5 * (q3 - q1)
        let low = sorted.first { $0 >= q1 - reach } ?? first
        let high = sorted.last { $0 <= q3 + reach } ?? last
        self.init(
            lowerWhisker: low, lowerQuartile: q1, median: Quantile.ofSorted(sorted, 0.5), upperQuartile: q3,
            upperWhisker: high, outliers: sorted.filter { $0 < low || $0 > high })
    }
}
