import Foundation

/// Everything the renderer draws, positioned on the page. Computed once per figure with a
/// measuring context, so the three output formats share one layout.
struct FigureLayout: Sendable, Hashable {
    var size: Size
    var panels: [PanelLayout]
    /// The figure-wide legend of small multiples.
    var legend: LegendLayout?

    /// Every piece of text, for checks that nothing is clipped or overlaps.
    var texts: [PlacedText] { panels.flatMap(\.texts) + (legend?.items.map(\.text) ?? []) }
}

/// One panel's positioned parts.
struct PanelLayout: Sendable, Hashable {
    var plot: Rect
    var x: ResolvedAxis
    var y: ResolvedAxis
    var xMap: AxisMap
    var yMap: AxisMap
    var title: PlacedText?
    var tickLabels: [PlacedText]
    var axisTitles: [PlacedText]
    /// Labels of rule marks, by mark index.
    var ruleLabels: [Int: PlacedText]
    /// Annotations whose point is visible, by mark index.
    var annotations: [Int: AnnotationLayout]
    var legend: LegendLayout?
    var colorBar: ColorBarLayout?

    var texts: [PlacedText] {
        [title].compactMap { $0 } + tickLabels + axisTitles + ruleLabels.keys.sorted().compactMap { ruleLabels[$0] }
            + annotations.keys.sorted().compactMap { annotations[$0]?.text } + (legend?.items.map(\.text) ?? [])
            + (colorBar.map { $0.tickLabels + [$0.title].compactMap { $0 } } ?? [])
    }

    /// The smallest rectangle holding everything the panel draws.
    var bounds: Rect {
        var bounds = plot
        for text in texts { bounds = bounds.union(text.box) }
        if let legend { bounds = bounds.union(legend.box) }
        if let colorBar { bounds = bounds.union(colorBar.bar) }
        return bounds
    }
}

/// A note's text and the arrow from it to its point.
struct AnnotationLayout: Sendable, Hashable {
    var text: PlacedText
    /// `nil` when the text sits on the point.
    var arrow: Arrow?

    struct Arrow: Sendable, Hashable {
        var from: Point
        var to: Point
    }
}

/// A heatmap's colour scale beside the plot.
struct ColorBarLayout: Sendable, Hashable {
    var bar: Rect
    var axis: ResolvedAxis
    var tickLabels: [PlacedText]
    var title: PlacedText?
    var heatmap: Heatmap
}

/// Computes figure layouts: grid, margins from measured text, ticks and legends.
struct LayoutEngine {
    let measurer: TextMeasurer
    private var resolver: AxisResolver { AxisResolver(measurer: measurer) }

    init(measurer: TextMeasurer) {
        self.measurer = measurer
    }

    /// Space a panel needs around its plot area.
    private struct Margins: Hashable {
        var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0

        func covers(_ other: Margins) -> Bool {
            let slack = 1e-6
            return other.left <= left + slack && other.right <= right + slack && other.top <= top + slack
                && other.bottom <= bottom + slack
        }

        func union(_ other: Margins) -> Margins {
            Margins(
                left: max(left, other.left), right: max(right, other.right), top: max(top, other.top),
                bottom: max(bottom, other.bottom))
        }
    }

    /// A panel's length-independent inputs, measured once.
    private struct Prepared {
        var panel: Panel
        var x: AxisResolver.Request
        var y: AxisResolver.Request
        var legend: LegendLayout?
        var title: TextBlock?
    }

    private enum LegendMode: Equatable {
        case none, auto, outside, corner(LegendPlacement)
    }

    func layout(_ figure: Figure) throws -> FigureLayout {
        try figure.validate()
        let shared = figure.legend == .shared
        var prepared = figure.panels.map { prepare($0, legend: !shared) }
        let columns = min(figure.columns, figure.panels.count)
        share(figure.sharedAxes, among: &prepared, columns: columns)
        let outer = Metrics.outerPadding

        var figureLegend: LegendLayout?
        if shared {
            var entries: [LegendEntry] = []
            for panel in figure.panels {
                for entry in LegendEntry.entries(panel.marks) where !entries.contains(entry) { entries.append(entry) }
            }
            figureLegend = LegendLayout.make(entries, measurer: measurer, maxWidth: figure.size.width - 2 * outer)
        }
        let legendReserve = figureLegend.map { $0.box.height + Metrics.panelGapY } ?? 0

        // Margins only grow, so plot areas only shrink and the iteration settles, usually
        // after two or three rounds: ticks depend on the plot size, margins on the ticks.
        var margins = [Margins](repeating: Margins(), count: prepared.count)
        var modes = prepared.map { legendMode($0.panel.legend, present: $0.legend != nil) }
        var layouts: [PanelLayout] = []
        for _ in 0..<12 {
            let plots = try plotAreas(figure, margins: margins, columns: columns, reserve: legendReserve)
            layouts = prepared.indices.map { build(prepared[$0], plot: plots[$0], legend: &modes[$0]) }
            alignTitles(&layouts, columns: columns)
            let needs = layouts.map { layout in
                let (plot, bounds) = (layout.plot, layout.bounds)
                return Margins(
                    left: plot.minX - bounds.minX, right: bounds.maxX - plot.maxX,
                    top: plot.minY - bounds.minY, bottom: bounds.maxY - plot.maxY)
            }
            if zip(margins, needs).allSatisfy({ $0.covers($1) }) { break }
            margins = zip(margins, needs).map { $0.union($1) }
        }

        if let legend = figureLegend {
            let top = layouts.map { $0.bounds.maxY }.max() ?? outer
            figureLegend = legend.offsetBy(dx: (figure.size.width - legend.box.width) / 2, dy: top + Metrics.panelGapY)
        }
        return FigureLayout(size: figure.size, panels: layouts, legend: figureLegend)
    }

    /// Puts the titles of each grid row on one baseline, the highest any of them needs, so
    /// that a row reads as one line whatever tick labels reach above its plots.
    private func alignTitles(_ layouts: inout [PanelLayout], columns: Int) {
        for rowStart in stride(from: 0, to: layouts.count, by: columns) {
            let row = rowStart..<min(rowStart + columns, layouts.count)
            guard let baseline = row.compactMap({ layouts[$0].title?.origin.y }).min() else { continue }
            for index in row {
                guard let title = layouts[index].title else { continue }
                layouts[index].title = PlacedText(title.block, origin: Point(x: title.origin.x, y: baseline))
            }
        }
    }

    /// Equal plot areas in a grid whose columns and rows make room for the largest margins
    /// of their panels.
    private func plotAreas(_ figure: Figure, margins: [Margins], columns: Int, reserve: Double) throws -> [Rect] {
        let rows = (margins.count + columns - 1) / columns
        let outer = Metrics.outerPadding
        var columnMargins = [Margins](repeating: Margins(), count: columns)
        var rowMargins = [Margins](repeating: Margins(), count: rows)
        for (index, m) in margins.enumerated() {
            columnMargins[index % columns] = columnMargins[index % columns].union(Margins(left: m.left, right: m.right))
            rowMargins[index / columns] = rowMargins[index / columns].union(Margins(top: m.top, bottom: m.bottom))
        }
        let width =
            (figure.size.width - 2 * outer - columnMargins.reduce(0) { $0 + $1.left + $1.right }
                - Double(columns - 1) * Metrics.panelGapX) / Double(columns)
        let height =
            (figure.size.height - 2 * outer - reserve - rowMargins.reduce(0) { $0 + $1.top + $1.bottom }
                - Double(rows - 1) * Metrics.panelGapY) / Double(rows)
        guard width >= 20, height >= 20 else {
            throw ChartError(
                .invalidFigure,
                "figure \"\(figure.title)\" (\(figure.size.width)×\(figure.size.height) pt) is too small for its labels: each plot area would be \(Int(width))×\(Int(height)) pt; enlarge the size or use fewer columns"
            )
        }
        var lefts = [outer + columnMargins[0].left]
        for c in 1..<columns {
            lefts.append(lefts[c - 1] + width + columnMargins[c - 1].right + Metrics.panelGapX + columnMargins[c].left)
        }
        var tops = [outer + rowMargins[0].top]
        for r in 1..<rows {
            tops.append(tops[r - 1] + height + rowMargins[r - 1].bottom + Metrics.panelGapY + rowMargins[r].top)
        }
        return margins.indices.map { Rect(x: lefts[$0 % columns], y: tops[$0 / columns], width: width, height: height) }
    }

    private func prepare(_ panel: Panel, legend: Bool) -> Prepared {
        let (x, y) = panel.extents()
        return Prepared(
            panel: panel,
            x: .init(axis: panel.x, extent: x, categories: panel.categories, side: .bottom),
            y: .init(axis: panel.y, extent: y, categories: nil, side: .left),
            legend: legend ? LegendLayout.make(LegendEntry.entries(panel.marks), measurer: measurer) : nil,
            title: panel.title.map { measurer.block(markup: $0, size: Metrics.panelTitleFont) })
    }

    /// Gives panels sharing an axis one domain (the union of their data, or the first
    /// explicit domain) and keeps labels only on the outer panels.
    private func share(_ sharing: AxisSharing, among prepared: inout [Prepared], columns: Int) {
        let count = prepared.count
        func unite(_ requests: [AxisResolver.Request]) -> (Extent?, ClosedRange<Double>?) {
            let domain = requests.lazy.compactMap(\.axis.domain).first
            let extents = requests.compactMap(\.extent)
            guard let low = extents.map(\.low).min(), let high = extents.map(\.high).max() else { return (nil, domain) }
            let extent = Extent(
                low: low, high: high,
                stickyLow: extents.contains { $0.low == low && $0.stickyLow },
                stickyHigh: extents.contains { $0.high == high && $0.stickyHigh })
            return (extent, domain)
        }
        if sharing.contains(.x) {
            let (extent, domain) = unite(prepared.map(\.x))
            for index in prepared.indices {
                prepared[index].x.extent = extent
                prepared[index].x.axis.domain = domain
                prepared[index].x.showsLabels = index + columns >= count
            }
        }
        let rows: [Range<Int>] =
            sharing.contains(.y)
            ? [prepared.indices]
            : sharing.contains(.yByRow) ? stride(from: 0, to: count, by: columns).map { $0..<min($0 + columns, count) } : []
        for row in rows {
            let (extent, domain) = unite(row.map { prepared[$0].y })
            for index in row {
                prepared[index].y.extent = extent
                prepared[index].y.axis.domain = domain
                prepared[index].y.showsLabels = index % columns == 0
            }
        }
    }

    private func legendMode(_ placement: LegendPlacement, present: Bool) -> LegendMode {
        guard present else { return .none }
        switch placement {
        case .auto: return .auto
        case .none: return .none
        case .outsideRight: return .outside
        case .topLeft, .topRight, .bottomLeft, .bottomRight: return .corner(placement)
        }
    }

    /// Lays out one panel in a given plot area. An automatic legend that finds no free corner
    /// switches `legend` to `.outside` for good, so the margin iteration cannot oscillate; a
    /// legend too big for its corner goes outside too.
    private func build(_ item: Prepared, plot: Rect, legend mode: inout LegendMode) -> PanelLayout {
        let x = resolver.resolve(item.x, length: plot.width)
        let y = resolver.resolve(item.y, length: plot.height)
        let xMap = x.map(in: plot), yMap = y.map(in: plot)
        var layout = PanelLayout(
            plot: plot, x: x, y: y, xMap: xMap, yMap: yMap, title: nil,
            tickLabels: x.tickLabels(in: plot) + y.tickLabels(in: plot),
            axisTitles: [x.placedTitle(in: plot), y.placedTitle(in: plot)].compactMap { $0 },
            ruleLabels: [:], annotations: [:], legend: nil, colorBar: nil)
        for (index, mark) in item.panel.marks.enumerated() {
            switch mark {
            case .rule(let rule): layout.ruleLabels[index] = ruleLabel(rule, layout, panel: item.panel)
            case .annotation(let note): layout.annotations[index] = annotation(note, layout)
            default: break
            }
        }
        if let heatmap = item.panel.heatmap { layout.colorBar = colorBar(heatmap, plot: plot) }
        if let title = item.title {
            let top = min(plot.minY, layout.tickLabels.map(\.box.minY).min() ?? plot.minY)
            layout.title = PlacedText(title, at: Point(x: plot.midX, y: top - Metrics.panelTitleGap), .center, .bottom)
        }
        if let legend = item.legend {
            layout.legend = placeLegend(legend, mode: &mode, panel: item.panel, layout: layout)
        }
        return layout
    }

    private func placeLegend(_ legend: LegendLayout, mode: inout LegendMode, panel: Panel, layout: PanelLayout) -> LegendLayout? {
        let plot = layout.plot
        let inset = 4.0
        func inCorner(_ corner: LegendPlacement) -> LegendLayout {
            let left = corner == .topLeft || corner == .bottomLeft
            let top = corner == .topLeft || corner == .topRight
            return legend.offsetBy(
                dx: left ? plot.minX + inset : plot.maxX - inset - legend.box.width,
                dy: top ? plot.minY + inset : plot.maxY - inset - legend.box.height)
        }
        // Right of the plot and of its colour bar, top-aligned.
        func outside() -> LegendLayout {
            let right =
                layout.colorBar.map { bar in
                    ([bar.bar] + bar.tickLabels.map(\.box) + [bar.title?.box].compactMap { $0 }).map(\.maxX).max() ?? bar.bar.maxX
                } ?? plot.maxX
            return legend.offsetBy(dx: right + 8, dy: plot.minY)
        }
        switch mode {
        case .none:
            return nil
        case .corner(let corner):
            let placed = inCorner(corner)
            guard plot.contains(placed.box) else { return outside() }
            return placed
        case .auto:
            for corner in [LegendPlacement.topRight, .topLeft, .bottomRight, .bottomLeft] {
                let candidate = inCorner(corner)
                if plot.contains(candidate.box),
                    Occupancy.count(in: candidate.box.insetBy(-2), panel: panel, layout: layout) == 0
                {
                    return candidate
                }
            }
            mode = .outside
            return outside()
        case .outside:
            return outside()
        }
    }

    /// The label at one end of the rule, on the side that hides the least data: right end
    /// above, right below, left above, left below (top left, top right, ... for vertical rules).
    private func ruleLabel(_ rule: ReferenceLine, _ layout: PanelLayout, panel: Panel) -> PlacedText? {
        guard let text = rule.label, !text.isEmpty else { return nil }
        let block = measurer.block(markup: text, size: Metrics.noteFont)
        let plot = layout.plot
        let inset = 3.0, gap = 2.0
        var candidates: [PlacedText] = []
        switch rule.orientation {
        case .horizontal:
            guard let y = layout.yMap.position(rule.value), y >= plot.minY, y <= plot.maxY else { return nil }
            for (x, alignment) in [(plot.maxX - inset, PlacedText.Horizontal.right), (plot.minX + inset, .left)] {
                candidates.append(PlacedText(block, at: Point(x: x, y: y - gap), alignment, .bottom))
                candidates.append(PlacedText(block, at: Point(x: x, y: y + gap), alignment, .top))
            }
        case .vertical:
            guard let x = layout.xMap.position(rule.value), x >= plot.minX, x <= plot.maxX else { return nil }
            for (y, alignment) in [(plot.minY + inset, PlacedText.Vertical.top), (plot.maxY - inset, .bottom)] {
                candidates.append(PlacedText(block, at: Point(x: x + gap, y: y), .left, alignment))
                candidates.append(PlacedText(block, at: Point(x: x - gap, y: y), .right, alignment))
            }
        }
        let inside = candidates.filter { plot.contains($0.box) }
        // A little clearance, so a label does not touch a line or marker either.
        func hidden(_ label: PlacedText) -> Int { Occupancy.count(in: label.box.insetBy(-3), panel: panel, layout: layout) }
        return (inside.isEmpty ? candidates : inside).min { hidden($0) < hidden($1) }
    }

    /// The note centred at the offset from its point, moved inside the plot area if needed,
    /// with an arrow from the text's edge to just short of the point.
    private func annotation(_ note: Annotation, _ layout: PanelLayout) -> AnnotationLayout? {
        let plot = layout.plot
        guard let px = layout.xMap.position(note.x), let py = layout.yMap.position(note.y),
            plot.contains(Point(x: px, y: py))
        else { return nil }
        let block = measurer.block(markup: note.text, size: Metrics.noteFont)
        var text = PlacedText(block, at: Point(x: px + note.dx, y: py + note.dy), .center, .middle)
        let inner = plot.insetBy(2)
        let shiftX = max(inner.minX - text.box.minX, min(0, inner.maxX - text.box.maxX))
        let shiftY = max(inner.minY - text.box.minY, min(0, inner.maxY - text.box.maxY))
        text = text.offsetBy(dx: shiftX, dy: shiftY)

        let box = text.box.insetBy(-2)
        let dx = px - box.midX, dy = py - box.midY
        let exit = min(
            dx == 0 ? .infinity : box.width / 2 / abs(dx),
            dy == 0 ? .infinity : box.height / 2 / abs(dy))
        let distance = (dx * dx + dy * dy).squareRoot()
        let gap = 2.5
        guard exit < 1, distance * (1 - exit) > gap + 4 else { return AnnotationLayout(text: text, arrow: nil) }
        let from = Point(x: box.midX + exit * dx, y: box.midY + exit * dy)
        let to = Point(x: px - gap * dx / distance, y: py - gap * dy / distance)
        return AnnotationLayout(text: text, arrow: .init(from: from, to: to))
    }

    private func colorBar(_ heatmap: Heatmap, plot: Rect) -> ColorBarLayout {
        let bar = Rect(x: plot.maxX + 10, y: plot.minY, width: 10, height: plot.height)
        let request = AxisResolver.Request(
            axis: Axis(heatmap.colorBarLabel, domain: heatmap.colorRange), extent: nil, categories: nil, side: .right)
        let axis = resolver.resolve(request, length: bar.height)
        return ColorBarLayout(
            bar: bar, axis: axis, tickLabels: axis.tickLabels(in: bar), title: axis.placedTitle(in: bar), heatmap: heatmap)
    }
}
