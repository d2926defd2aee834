import Foundation

/// The three kinds of object in Shapeset-3×2.
public enum ShapeKind: String, Codable, Sendable, Hashable, CaseIterable {
    case triangle
    case parallelogram
    case ellipse

    /// T, P or E, as the class names spell them.
    public var letter: String {
        switch self {
        case .triangle: "T"
        case .parallelogram: "P"
        case .ellipse: "E"
        }
    }
}

/// A filled plane figure in pixel coordinates: x to the right, y down, an image of side n
/// covering [0, n]², pixel (i, j) the unit square at (i, j).
public enum Shape: Sendable, Hashable {
    case triangle(SIMD2<Double>, SIMD2<Double>, SIMD2<Double>)
    /// The corners are center ± first/2 ± second/2.
    case parallelogram(center: SIMD2<Double>, first: SIMD2<Double>, second: SIMD2<Double>)
    /// Semi-axes along the directions at `angle` and `angle` + π/2 (radians).
    case ellipse(center: SIMD2<Double>, semiAxes: SIMD2<Double>, angle: Double)

    public var kind: ShapeKind {
        switch self {
        case .triangle: .triangle
        case .parallelogram: .parallelogram
        case .ellipse: .ellipse
        }
    }

    /// Whether `p` lies inside or on the boundary.
    public func contains(_ p: SIMD2<Double>) -> Bool {
        ShapeMembership(self).contains(p)
    }

    /// The smallest axis-aligned box holding the shape.
    public var bounds: (lower: SIMD2<Double>, upper: SIMD2<Double>) {
        switch self {
        case .triangle(let a, let b, let c):
            return (pointwiseMin(pointwiseMin(a, b), c), pointwiseMax(pointwiseMax(a, b), c))
        case .parallelogram(let center, let first, let second):
            let reach = (abs(first) + abs(second)) / 2
            return (center - reach, center + reach)
        case .ellipse(let center, let semiAxes, let angle):
            let (c, s) = (cos(angle), sin(angle))
            let reach = SIMD2(
                (semiAxes.x * semiAxes.x * c * c + semiAxes.y * semiAxes.y * s * s).squareRoot(),
                (semiAxes.x * semiAxes.x * s * s + semiAxes.y * semiAxes.y * c * c).squareRoot())
            return (center - reach, center + reach)
        }
    }

    /// The same shape moved by `offset`.
    public func translated(by offset: SIMD2<Double>) -> Shape {
        switch self {
        case .triangle(let a, let b, let c): .triangle(a + offset, b + offset, c + offset)
        case .parallelogram(let center, let first, let second): .parallelogram(center: center + offset, first: first, second: second)
        case .ellipse(let center, let semiAxes, let angle): .ellipse(center: center + offset, semiAxes: semiAxes, angle: angle)
        }
    }
}

/// A shape's membership test with its trigonometry and divisions done once, for the
/// rasteriser, which asks it about thousands of points.
struct ShapeMembership {
    private let shape: Shape
    // Parallelogram: the centre and the rows of the inverse of the edge matrix. Ellipse: the
    // centre and the rows of the map onto the unit disc. A triangle needs nothing prepared.
    private let origin: SIMD2<Double>
    private let first: SIMD2<Double>
    private let second: SIMD2<Double>

    init(_ shape: Shape) {
        self.shape = shape
        switch shape {
        case .triangle:
            (origin, first, second) = (.zero, .zero, .zero)
        case .parallelogram(let center, let edge1, let edge2):
            // p − center = s·edge1 + t·edge2, by Cramer's rule.
            let determinant = cross(edge1, edge2)
            (origin, first, second) = (center, SIMD2(edge2.y, -edge2.x) / determinant, SIMD2(-edge1.y, edge1.x) / determinant)
        case .ellipse(let center, let semiAxes, let angle):
            let (c, s) = (cos(angle), sin(angle))
            (origin, first, second) = (center, SIMD2(c, s) / semiAxes.x, SIMD2(-s, c) / semiAxes.y)
        }
    }

    func contains(_ p: SIMD2<Double>) -> Bool {
        switch shape {
        case .triangle(let a, let b, let c):
            // Inside when p is on the same side of all three edges, whichever the orientation.
            let d1 = cross(b - a, p - a), d2 = cross(c - b, p - b), d3 = cross(a - c, p - c)
            return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0)
        case .parallelogram:
            let d = p - origin
            return Swift.abs((d * first).sum()) <= 0.5 && Swift.abs((d * second).sum()) <= 0.5
        case .ellipse:
            let d = p - origin
            let u = (d * first).sum(), v = (d * second).sum()
            return u * u + v * v <= 1
        }
    }
}

private func cross(_ u: SIMD2<Double>, _ v: SIMD2<Double>) -> Double { u.x * v.y - u.y * v.x }

private func abs(_ v: SIMD2<Double>) -> SIMD2<Double> { SIMD2(Swift.abs(v.x), Swift.abs(v.y)) }
