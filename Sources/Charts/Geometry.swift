/// A page position in points, y growing downwards as in cairo.
struct Point: Sendable, Hashable {
    var x: Double
    var y: Double
}

/// An axis-aligned page rectangle in points.
struct Rect: Sendable, Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var minY: Double { y }
    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.init(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    func insetBy(_ d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }

    func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Whether `other` lies inside, allowing `tolerance` points of rounding.
    func contains(_ other: Rect, tolerance: Double = 1e-6) -> Bool {
        other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
            && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }

    func contains(_ p: Point) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    func union(_ other: Rect) -> Rect {
        Rect(
            minX: min(minX, other.minX), minY: min(minY, other.minY),
            maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }

    /// The part of the segment a–b inside the rectangle, or `nil`. Liang–Barsky decides which
    /// edges cut the segment; each cut point is then computed from the endpoint nearer the
    /// rectangle, by slope, so a point at 10³⁰⁰ does not swamp the coordinates of the cut.
    func clip(_ a: Point, _ b: Point) -> (Point, Point)? {
        // Most segments of a dense series lie wholly inside, or wholly beyond one edge (the
        // legend's search for a free corner): settle those before the general computation.
        if contains(a) && contains(b) { return (a, b) }
        if (a.x < minX && b.x < minX) || (a.x > maxX && b.x > maxX) || (a.y < minY && b.y < minY) || (a.y > maxY && b.y > maxY) {
            return nil
        }
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        var entry: Edge?, exit: Edge?
        // Narrows [t0, t1] to the part of the segment on the inner side of one edge.
        func admit(_ p: Double, _ q: Double, _ edge: Edge) -> Bool {
            if p == 0 { return q >= 0 }
            let r = q / p
            if p < 0 {
                if r > t1 { return false }
                if r > t0 { (t0, entry) = (r, edge) }
            } else {
                if r < t0 { return false }
                if r < t1 { (t1, exit) = (r, edge) }
            }
            return true
        }
        guard admit(-dx, a.x - minX, .minX), admit(dx, maxX - a.x, .maxX), admit(-dy, a.y - minY, .minY),
            admit(dy, maxY - a.y, .maxY)
        else { return nil }
        let base = distance(a) <= distance(b) ? a : b
        func cut(_ edge: Edge) -> Point {
            switch edge {
            case .minX, .maxX:
                let x = edge == .minX ? minX : maxX
                return Point(x: x, y: min(max(base.y + (x - base.x) * (dy / dx), minY), maxY))
            case .minY, .maxY:
                let y = edge == .minY ? minY : maxY
                return Point(x: min(max(base.x + (y - base.y) * (dx / dy), minX), maxX), y: y)
            }
        }
        return (entry.map(cut) ?? a, exit.map(cut) ?? b)
    }

    private enum Edge { case minX, maxX, minY, maxY }

    /// Chebyshev distance from the rectangle (zero inside).
    private func distance(_ p: Point) -> Double {
        max(minX - p.x, p.x - maxX, minY - p.y, p.y - maxY, 0)
    }
}
