/// Page geometry of data marks, shared by drawing and by the legend's search for free space.
enum MarkGeometry {
    /// How far beyond the plot area polylines are kept before cairo's clip trims them; keeps
    /// joins near the edge correct and coordinates far inside cairo's fixed-point range.
    static let clipMargin = 10.0
    /// Polygon vertices are clamped this far outside the plot area for the same reason.
    static let clampMargin = 10_000.0
    /// How far (in points) a simplified polyline may stray from the data: a tenth of a
    /// pixel at 2x twice over.
    static let simplificationTolerance = 0.05

    /// Calls `body(start, end, continues)` for every visible piece of the polyline through
    /// the drawable points; `continues` says the piece starts where the previous one ended.
    /// Undrawable points (non-finite, non-positive on a log scale) break the line.
    static func forEachSegment(
        x: [Double], y: [Double], xMap: AxisMap, yMap: AxisMap, plot: Rect,
        _ body: (Point, Point, Bool) -> Void
    ) {
        let window = plot.insetBy(-clipMargin)
        var previous: Point?
        var lastEnd: Point?
        for i in 0..<min(x.count, y.count) {
            guard let px = xMap.position(x[i]), let py = yMap.position(y[i]) else {
                previous = nil
                lastEnd = nil
                continue
            }
            let point = Point(x: px, y: py)
            if let a = previous {
                if let (start, end) = window.clip(a, point) {
                    body(start, end, lastEnd == start)
                    lastEnd = end
                } else {
                    lastEnd = nil
                }
            }
            previous = point
        }
    }

    /// Like ``forEachSegment(x:y:xMap:yMap:plot:_:)``, but merges runs of nearly collinear
    /// segments (every dropped vertex within `tolerance` points of the drawn line, in the
    /// spirit of matplotlib's path simplification): dense series then cost cairo, zlib and
    /// the SVG/PDF size a fraction, with no visible difference. Calls `moveTo`/`lineTo`.
    static func forEachSimplifiedVertex(
        x: [Double], y: [Double], xMap: AxisMap, yMap: AxisMap, plot: Rect, tolerance: Double,
        moveTo: (Point) -> Void, lineTo: (Point) -> Void
    ) {
        var anchor = Point(x: 0, y: 0)
        var end: Point?
        var direction = (x: 0.0, y: 0.0)
        var reach = 0.0
        func start(towards b: Point) {
            let dx = b.x - anchor.x, dy = b.y - anchor.y
            let length = (dx * dx + dy * dy).squareRoot()
            guard length > 0 else { return }
            direction = (dx / length, dy / length)
            reach = length
            end = b
        }
        forEachSegment(x: x, y: y, xMap: xMap, yMap: yMap, plot: plot) { a, b, continues in
            if !continues {
                if let end { lineTo(end) }
                moveTo(a)
                anchor = a
                end = nil
            }
            guard let current = end else { return start(towards: b) }
            let vx = b.x - anchor.x, vy = b.y - anchor.y
            let along = vx * direction.x + vy * direction.y
            let across = abs(vx * direction.y - vy * direction.x)
            if across <= tolerance, along >= reach {
                end = b
                reach = along
            } else {
                lineTo(current)
                anchor = current
                end = nil
                start(towards: b)
            }
        }
        if let end { lineTo(end) }
    }

    /// Calls `body` with the page position of every drawable point within `reach` of the plot,
    /// among the points whose index is `included`.
    static func forEachPoint(
        x: [Double], y: [Double], xMap: AxisMap, yMap: AxisMap, plot: Rect, reach: Double,
        where included: (Int) -> Bool, _ body: (Point) -> Void
    ) {
        let window = plot.insetBy(-reach)
        for i in 0..<min(x.count, y.count) where included(i) {
            guard let px = xMap.position(x[i]), let py = yMap.position(y[i]) else { continue }
            let point = Point(x: px, y: py)
            if window.contains(point) { body(point) }
        }
    }

    /// A point moved into a generous window around the plot (see ``clampMargin``).
    static func clamped(_ x: Double, _ y: Double, plot: Rect) -> Point {
        Point(
            x: min(max(x, plot.minX - clampMargin), plot.maxX + clampMargin),
            y: min(max(y, plot.minY - clampMargin), plot.maxY + clampMargin))
    }

    /// Calls `body` with each run of consecutive drawable band points as page polygons:
    /// the upper edge left to right, then the lower edge back.
    static func forEachBandPolygon(_ band: Band, xMap: AxisMap, yMap: AxisMap, plot: Rect, _ body: ([Point]) -> Void) {
        var upper: [Point] = []
        var lower: [Point] = []
        func flush() {
            if upper.count >= 2 { body(upper + lower.reversed()) }
            upper.removeAll(keepingCapacity: true)
            lower.removeAll(keepingCapacity: true)
        }
        for i in 0..<min(band.x.count, band.lower.count, band.upper.count) {
            guard let px = xMap.position(band.x[i]), let low = yMap.position(band.lower[i]),
                let high = yMap.position(band.upper[i])
            else {
                flush()
                continue
            }
            upper.append(clamped(px, high, plot: plot))
            lower.append(clamped(px, low, plot: plot))
        }
        flush()
    }

    /// Page rectangles of a histogram's bars, from the baseline (zero, or the bottom of the
    /// plot on a log axis) to each bin's height; undrawable bins are `nil`.
    static func histogramBars(_ histogram: Histogram, xMap: AxisMap, yMap: AxisMap, plot: Rect) -> [Rect?] {
        let base = yMap.position(0) ?? plot.maxY
        let heights = histogram.heights
        return heights.indices.map { i in
            guard let left = xMap.position(histogram.edges[i]), let right = xMap.position(histogram.edges[i + 1]),
                let top = yMap.position(heights[i])
            else { return nil }
            let a = clamped(left, top, plot: plot), b = clamped(right, base, plot: plot)
            return Rect(minX: a.x, minY: min(a.y, b.y), maxX: b.x, maxY: max(a.y, b.y))
        }
    }

    /// Half the width of a box in a box plot, in points, for a category spacing.
    static func boxHalfWidth(categorySpacing: Double) -> Double { min(categorySpacing * 0.3, 24) }

    /// One violin on the page.
    struct PlacedViolin {
        var density: KernelDensity
        var centre: Double
        /// How far the widest violin of the mark reaches to either side.
        var halfWidth: Double
        /// The right edge upwards, then the left edge back down.
        var outline: [Point]
        /// The point mass's bar at 100 %: as wide as the widest violin of the mark, on the
        /// mass's value.
        var shareTrack: Rect?
    }

    /// The height of a point mass's bar, in points: thick enough to read its length.
    static let shareBarHeight = 4.5

    /// A violin mark's shapes, sharing one width scale: the highest density reaches most of
    /// the narrowest gap between neighbouring categories, so none touch. Categories the x
    /// axis cannot show are left out.
    static func placeViolins(_ violins: Violins, xMap: AxisMap, yMap: AxisMap, plot: Rect) -> [PlacedViolin] {
        let centres: [Double?]
        let spacing: Double
        switch violins.categories {
        case .named(let names):
            centres = names.indices.map { xMap.position(transformed: Double($0 + 1)) }
            spacing = abs(xMap.position(transformed: 2) - xMap.position(transformed: 1))
        case .at(let positions):
            centres = positions.map { xMap.position($0) }
            let sorted = centres.compactMap { $0 }.sorted()
            spacing = zip(sorted, sorted.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.min() ?? plot.width / 2
        }
        let halfWidth = min(spacing * 0.45, 48)
        let peak = violins.peakDensity
        let widthScale = peak > 0 ? halfWidth / peak : 0
        return zip(centres, violins.densities).compactMap { centre, density in
            guard let centre else { return nil }
            var right: [Point] = [], left: [Point] = []
            for (value, height) in zip(density.values, density.densities) {
                guard let y = yMap.position(value), height.isFinite else { continue }
                right.append(clamped(centre + height * widthScale, y, plot: plot))
                left.append(clamped(centre - height * widthScale, y, plot: plot))
            }
            // On its value, or resting on the bottom edge when the scale cannot show the value;
            // inside the plot either way.
            let shareTrack = density.pointMass.map { mass in
                let half = shareBarHeight / 2
                let y = yMap.position(mass.value) ?? plot.maxY
                let middle = min(max(y, plot.minY + half + 1), plot.maxY - half - 1)
                return Rect(x: centre - halfWidth, y: middle - half, width: 2 * halfWidth, height: shareBarHeight)
            }
            return PlacedViolin(
                density: density, centre: centre, halfWidth: halfWidth, outline: right + left.reversed(), shareTrack: shareTrack)
        }
    }
}
