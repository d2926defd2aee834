import Foundation

/// How data values map to positions along an axis.
public enum Scale: Sendable, Hashable {
    /// Equal differences take equal space.
    case linear
    /// Equal ratios take equal space; values that are not positive are not drawn.
    case log10
}

extension Scale {
    /// The value in the space where the scale is linear, or `nil` when the value cannot be
    /// drawn on this scale (non-finite, or not positive on a log scale). Values are clamped to
    /// ±1e300 so that differences of extremes stay finite.
    @inline(__always)
    func transform(_ value: Double) -> Double? {
        switch self {
        case .linear:
            return value.isFinite ? min(max(value, -1e300), 1e300) : nil
        case .log10:
            return value > 0 && value.isFinite ? Foundation.log10(value) : nil
        }
    }

    /// The inverse of ``transform(_:)``.
    func inverse(_ transformed: Double) -> Double {
        switch self {
        case .linear: transformed
        case .log10: Foundation.pow(10, transformed)
        }
    }
}

/// An affine map from one axis's transformed values to page positions in points.
struct AxisMap: Sendable, Hashable {
    var scale: Scale
    /// The domain in transformed space.
    var lower: Double
    var upper: Double
    /// Page positions of `lower` and `upper` (for a vertical axis `start` is the bottom).
    var start: Double
    var end: Double

    @inline(__always)
    func position(transformed t: Double) -> Double {
        start + (t - lower) / (upper - lower) * (end - start)
    }

    /// The page position of a data value, or `nil` when the scale cannot show it.
    @inline(__always)
    func position(_ value: Double) -> Double? {
        scale.transform(value).map { position(transformed: $0) }
    }
}
