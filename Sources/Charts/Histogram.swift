/// Values over contiguous bins, drawn as a step outline or a filled area. Several histograms
/// in one panel overlay per-layer distributions on a shared x axis.
public struct Histogram: Sendable, Hashable {
    /// What the bar heights show.
    public enum Normalization: Sendable, Hashable {
        /// The values as given (counts).
        case count
        /// Values divided by (total × bin width), so the area under the outline is 1 and
        /// histograms with different bin counts or sample sizes compare directly.
        case density
    }

    /// Legend entry; `nil` keeps the histogram out of the legend.
    public var name: String?
    /// Bin edges in increasing order; one more than `values`.
    public var edges: [Double]
    /// One value (usually a count) per bin.
    public var values: [Double]
    /// Whether heights are raw values or densities.
    public var normalization: Normalization
    /// Fills the area under the outline with the style's colour at low opacity.
    public var filled: Bool
    /// Outline stroke.
    public var style: Style

    /// Creates a histogram from bin edges and one value per bin.
    public init(
        _ name: String?, edges: [Double], values: [Double],
        normalization: Normalization = .count, filled: Bool = false, style: Style = Style()
    ) {
        self.name = name
        self.edges = edges
        self.values = values
        self.normalization = normalization
        self.filled = filled
        self.style = style
    }

    /// Light enough for overlaid histograms to show through each other.
    static let fillOpacity = 0.3

    /// The drawn heights: the values, or densities when normalised. A histogram whose values
    /// sum to zero has zero density everywhere rather than a division by zero.
    var heights: [Double] {
        guard normalization == .density else { return values }
        let total = values.reduce(0) { $1.isFinite ? $0 + $1 : $0 }
        guard total != 0 else { return values.map { _ in 0 } }
        return values.indices.map { i in values[i] / (total * (edges[i + 1] - edges[i])) }
    }
}
