/// A translucent area between two curves sharing their x values, such as mean ± one
/// standard deviation. Draw the central line as a separate ``Mark/line(_:)`` on top.
public struct Band: Sendable, Hashable {
    /// Legend entry; `nil` keeps the band out of the legend.
    public var name: String?
    /// Horizontal coordinates, shared by both edges.
    public var x: [Double]
    /// Lower edge, one value per x.
    public var lower: [Double]
    /// Upper edge, one value per x.
    public var upper: [Double]
    /// Only the colour is used for the fill.
    public var style: Style
    /// Fill opacity between 0 and 1.
    public var opacity: Double

    /// Creates a band. A point with a non-finite edge breaks the band into pieces.
    public init(
        _ name: String?, x: [Double], lower: [Double], upper: [Double],
        style: Style = Style(), opacity: Double = 0.25
    ) {
        self.name = name
        self.x = x
        self.lower = lower
        self.upper = upper
        self.style = style
        self.opacity = opacity
    }
}
