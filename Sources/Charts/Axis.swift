/// An axis: what it measures, how values map to positions, and which values it shows.
public struct Axis: Sendable, Hashable {
    /// The axis title. Unicode is welcome (σ′(x), Var[a]); `a_l`, `a_{in}`, `x^2` and
    /// `10^{-4}` draw sub- and superscripts.
    public var label: String
    /// How values map to positions.
    public var scale: Scale
    /// The visible range. `nil` takes the range of the data, pads it slightly and extends it
    /// to the nearest round tick when that is close.
    public var domain: ClosedRange<Double>?

    /// Creates an axis.
    public init(_ label: String, scale: Scale = .linear, domain: ClosedRange<Double>? = nil) {
        self.label = label
        self.scale = scale
        self.domain = domain
    }
}
