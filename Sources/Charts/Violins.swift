/// One mirrored density per category (violin plots): the shape of each distribution, such as
/// the ReLU outputs of each hidden layer. All violins of a mark share one width scale, the
/// highest density reaching the category's full width, so their areas compare as
/// probabilities.
///
/// A share of samples at exactly one value (``KernelDensity/PointMass``; the zeros among
/// ReLU outputs) is drawn as a bar on that value: an outlined track as wide as the widest
/// violin is 100 %, filled from its left end to the share, so half a track is half the
/// samples. A length rather than printed percentages, because a label beside every violin
/// would cover the neighbouring shapes; state the exact shares in the caption or the data.
/// The bar stays visible where the axis cannot show the value (0 on a log axis): it sits on
/// the bottom edge of the plot.
public struct Violins: Sendable, Hashable {
    /// Where the violins stand along x.
    public enum Categories: Sendable, Hashable {
        /// Named categories at x = 1, 2, 3, ...; the names become the x tick labels (and
        /// support the `_`/`^` script markup).
        case named([String])
        /// Positions on an ordinary x axis, linear or log, such as layer indices.
        case at([Double])

        var count: Int {
            switch self {
            case .named(let names): names.count
            case .at(let positions): positions.count
            }
        }
    }

    /// Legend entry; `nil` keeps the violins out of the legend.
    public var name: String?
    /// One category per density.
    public var categories: Categories
    /// One distribution per category.
    public var densities: [KernelDensity]
    /// Draws each distribution's quartiles (a bar) and median (a dot) when it has them.
    public var showsQuartiles: Bool
    /// Legend entry for the point-mass bars, such as "share exactly 0"; `nil` leaves them out
    /// of the legend.
    public var pointMassName: String?
    /// Outline and fill colour, outline width.
    public var style: Style

    /// Dense enough to read as a shape, light enough for the quartile bar to stand out.
    static let fillOpacity = 0.35

    /// Creates violins from densities; `categories` and `densities` must have the same length.
    public init(
        _ name: String?, categories: Categories, densities: [KernelDensity],
        showsQuartiles: Bool = true, pointMassName: String? = nil, style: Style = Style()
    ) {
        self.name = name
        self.categories = categories
        self.densities = densities
        self.showsQuartiles = showsQuartiles
        self.pointMassName = pointMassName
        self.style = style
    }

    /// Creates violins from one sample per category, estimating each density with
    /// ``KernelDensity/init(samples:pointMass:scale:)``; `scale` must be the panel's y scale.
    public init(
        _ name: String?, categories: Categories, samples: [[Double]], pointMass: Double? = nil, scale: Scale = .linear,
        showsQuartiles: Bool = true, pointMassName: String? = nil, style: Style = Style()
    ) {
        self.init(
            name, categories: categories,
            densities: samples.map { KernelDensity(samples: $0, pointMass: pointMass, scale: scale) },
            showsQuartiles: showsQuartiles, pointMassName: pointMassName, style: style)
    }

    /// The highest density of all violins, which spans the full category width.
    var peakDensity: Double {
        densities.lazy.flatMap(\.densities).filter(\.isFinite).max() ?? 0
    }
}
