/// What a panel's marks imply for its axes and colour bar.
extension Panel {
    /// The data ranges in each axis's transformed space, counting only what can be drawn.
    /// Sticky ends (a histogram's zero baseline, a heatmap's outer edges) are not padded.
    func extents() -> (x: Extent?, y: Extent?) {
        var x = ExtentBuilder(scale: self.x.scale)
        var y = ExtentBuilder(scale: self.y.scale)
        for mark in marks {
            switch mark {
            case .line(let series), .points(let series):
                for i in 0..<min(series.x.count, series.y.count) {
                    guard let tx = x.scale.transform(series.x[i]), let ty = y.scale.transform(series.y[i]) else { continue }
                    x.include(transformed: tx)
                    y.include(transformed: ty)
                }
            case .rule(let rule):
                if rule.orientation == .horizontal { y.include(rule.value) } else { x.include(rule.value) }
            case .annotation(let note):
                if let tx = x.scale.transform(note.x), let ty = y.scale.transform(note.y) {
                    x.include(transformed: tx)
                    y.include(transformed: ty)
                }
            case .band(let band):
                for i in 0..<min(band.x.count, band.lower.count, band.upper.count) {
                    guard x.scale.transform(band.x[i]) != nil else { continue }
                    x.include(band.x[i])
                    y.include(band.lower[i])
                    y.include(band.upper[i])
                }
            case .histogram(let histogram):
                for edge in histogram.edges { x.include(edge) }
                for height in histogram.heights { y.include(height) }
                if histogram.heights.allSatisfy({ !($0 < 0) }) { y.includeSticky(0) }
            case .boxes(let boxes):
                for summary in boxes.summaries {
                    for v in [summary.lowerWhisker, summary.upperWhisker] + summary.outliers { y.include(v) }
                }
            case .violins(let violins):
                includeViolins(violins, x: &x, y: &y)
            case .heatmap(let heatmap):
                if let first = heatmap.xEdges.first, let last = heatmap.xEdges.last {
                    x.includeSticky(first)
                    x.includeSticky(last)
                }
                if let first = heatmap.yEdges.first, let last = heatmap.yEdges.last {
                    y.includeSticky(first)
                    y.includeSticky(last)
                }
            }
        }
        return (x.extent, y.extent)
    }

    /// The values a violin mark shows, and room on either side of its positions for the
    /// shapes (half the narrowest gap), which would otherwise be cut at the plot's edge.
    private func includeViolins(_ violins: Violins, x: inout ExtentBuilder, y: inout ExtentBuilder) {
        for density in violins.densities {
            for (value, height) in zip(density.values, density.densities) where height.isFinite { y.include(value) }
            if let mass = density.pointMass { y.include(mass.value) }
            if violins.showsQuartiles, let quartiles = density.quartiles {
                for value in [quartiles.lower, quartiles.median, quartiles.upper] { y.include(value) }
            }
        }
        guard case .at(let positions) = violins.categories else { return }
        let centres = positions.compactMap(x.scale.transform).sorted()
        let half = (zip(centres, centres.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.min() ?? 1) / 2
        for centre in centres {
            x.include(transformed: centre - half)
            x.include(transformed: centre + half)
        }
    }

    /// Category names of the first box-plot or named violin mark, which turn the x axis
    /// categorical.
    var categories: [String]? {
        for mark in marks {
            switch mark {
            case .boxes(let boxes): return boxes.categories
            case .violins(let violins): if case .named(let names) = violins.categories { return names }
            default: continue
            }
        }
        return nil
    }

    /// The heatmap whose colour bar the panel shows (the first one).
    var heatmap: Heatmap? {
        for case .heatmap(let heatmap) in marks { return heatmap }
        return nil
    }
}

/// Accumulates a transformed-space extent and the values that must not be padded.
private struct ExtentBuilder {
    let scale: Scale
    private var low = Double.infinity
    private var high = -Double.infinity
    private var stickyLow = Double.nan
    private var stickyHigh = Double.nan

    init(scale: Scale) { self.scale = scale }

    mutating func include(transformed t: Double) {
        low = min(low, t)
        high = max(high, t)
    }

    mutating func include(_ value: Double) {
        if let t = scale.transform(value) { include(transformed: t) }
    }

    mutating func includeSticky(_ value: Double) {
        guard let t = scale.transform(value) else { return }
        include(transformed: t)
        stickyLow = stickyLow.isNaN ? t : min(stickyLow, t)
        stickyHigh = stickyHigh.isNaN ? t : max(stickyHigh, t)
    }

    var extent: Extent? {
        guard low <= high else { return nil }
        return Extent(low: low, high: high, stickyLow: low == stickyLow, stickyHigh: high == stickyHigh)
    }
}
