/// Counts how much of a panel's content a rectangle would hide, so that legends and labels
/// go where they cover nothing.
enum Occupancy {
    static func count(in rect: Rect, panel: Panel, layout: PanelLayout) -> Int {
        let (xMap, yMap, plot) = (layout.xMap, layout.yMap, layout.plot)
        var hits = 0
        func segments(_ x: [Double], _ y: [Double]) {
            MarkGeometry.forEachSegment(x: x, y: y, xMap: xMap, yMap: yMap, plot: plot) { a, b, _ in
                if rect.clip(a, b) != nil { hits += 1 }
            }
        }
        func points(_ x: [Double], _ y: [Double], _ style: Style) {
            let reach = Marker.radius(lineWidth: style.lineWidth)
            let window = rect.insetBy(-reach)
            MarkGeometry.forEachPoint(x: x, y: y, xMap: xMap, yMap: yMap, plot: plot, reach: reach, where: style.marks) { p in
                if window.contains(p) { hits += 1 }
            }
        }
        // Filled shapes: an edge crossing the rectangle, or the rectangle inside the shape.
        func polygon(_ points: [Point]) {
            for (a, b) in zip(points, points.dropFirst() + points.prefix(1)) where rect.clip(a, b) != nil {
                hits += 1
            }
            if contains(points, Point(x: rect.midX, y: rect.midY)) { hits += 1 }
        }
        for (index, mark) in panel.marks.enumerated() {
            switch mark {
            case .line(let series):
                segments(series.x, series.y)
                if series.style.marker != .none { points(series.x, series.y, series.style) }
            case .points(let series):
                points(series.x, series.y, series.style)
            case .rule(let rule):
                if let label = layout.ruleLabels[index], label.box.intersects(rect) { hits += 1 }
                switch rule.orientation {
                case .horizontal:
                    if let y = yMap.position(rule.value), y >= rect.minY, y <= rect.maxY { hits += 1 }
                case .vertical:
                    if let x = xMap.position(rule.value), x >= rect.minX, x <= rect.maxX { hits += 1 }
                }
            case .annotation:
                guard let note = layout.annotations[index] else { continue }
                if note.text.box.intersects(rect) { hits += 1 }
                if let arrow = note.arrow, rect.clip(arrow.from, arrow.to) != nil { hits += 1 }
            case .band(let band):
                MarkGeometry.forEachBandPolygon(band, xMap: xMap, yMap: yMap, plot: plot, polygon)
            case .histogram(let histogram):
                for bar in MarkGeometry.histogramBars(histogram, xMap: xMap, yMap: yMap, plot: plot) {
                    if let bar, bar.intersects(rect) { hits += 1 }
                }
            case .boxes(let boxes):
                let half = MarkGeometry.boxHalfWidth(categorySpacing: abs(xMap.position(transformed: 2) - xMap.position(transformed: 1)))
                for (i, summary) in boxes.summaries.enumerated() {
                    let center = xMap.position(transformed: Double(i + 1))
                    let values = [summary.lowerWhisker, summary.upperWhisker] + summary.outliers
                    let ys = values.compactMap { yMap.position($0) }
                    guard let low = ys.min(), let high = ys.max() else { continue }
                    if Rect(minX: center - half, minY: low, maxX: center + half, maxY: high).intersects(rect) { hits += 1 }
                }
            case .violins(let violins):
                for violin in MarkGeometry.placeViolins(violins, xMap: xMap, yMap: yMap, plot: plot) {
                    polygon(violin.outline)
                    if let track = violin.shareTrack, track.intersects(rect) { hits += 1 }
                }
            case .heatmap:
                hits += 1
            }
        }
        return hits
    }

    /// Even–odd point-in-polygon test.
    private static func contains(_ polygon: [Point], _ p: Point) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in polygon.indices {
            let a = polygon[i], b = polygon[j]
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                inside.toggle()
            }
            j = i
        }
        return inside
    }
}
