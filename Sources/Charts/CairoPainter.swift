import CCairo
import Foundation

/// Draws a laid-out figure on a cairo context. Holds the context only for the duration of
/// one render call: cairo pointers are not Sendable, so they never outlive the function that
/// created them.
struct CairoPainter {
    let context: OpaquePointer
    let theme: Theme
    let colors: ThemeColors

    init(context: OpaquePointer, theme: Theme) {
        self.context = context
        self.theme = theme
        self.colors = ThemeColors(theme)
    }

    func paint(_ figure: Figure, _ layout: FigureLayout) {
        setColor(colors.background)
        cairo_paint(context)
        for (panel, panelLayout) in zip(figure.panels, layout.panels) {
            paint(panel, panelLayout)
        }
        if let legend = layout.legend { paint(legend) }
    }

    // MARK: - Panel

    private func paint(_ panel: Panel, _ layout: PanelLayout) {
        let plot = layout.plot
        if panel.grid { paintGrid(layout) }

        cairo_save(context)
        cairo_rectangle(context, plot.x, plot.y, plot.width, plot.height)
        cairo_clip(context)
        for mark in panel.marks {
            switch mark {
            case .line(let series):
                stroke(series, layout)
                if series.style.marker != .none { markers(series, layout) }
            case .points(let series):
                markers(series, layout)
            case .rule(let rule):
                paint(rule, layout)
            case .band(let band):
                paint(band, layout)
            case .histogram(let histogram):
                paint(histogram, layout)
            case .boxes(let boxes):
                paint(boxes, layout)
            case .violins(let violins):
                paint(violins, layout)
            case .heatmap(let heatmap):
                paint(heatmap, layout)
            case .annotation:
                break
            }
        }
        cairo_restore(context)

        paintAxes(layout)
        setColor(colors.ink)
        for text in layout.tickLabels + layout.axisTitles + [layout.title].compactMap({ $0 }) {
            CairoText.draw(text, in: context)
        }
        for index in layout.ruleLabels.keys.sorted() {
            if let label = layout.ruleLabels[index] { CairoText.draw(label, in: context) }
        }
        for index in layout.annotations.keys.sorted() {
            if let note = layout.annotations[index] { paint(note) }
        }
        if let colorBar = layout.colorBar { paint(colorBar) }
        if let legend = layout.legend { paint(legend) }
    }

    private func paintGrid(_ layout: PanelLayout) {
        let plot = layout.plot
        setColor(colors.grid)
        cairo_set_line_width(context, Metrics.gridLineWidth)
        setDash(.solid, width: Metrics.gridLineWidth)
        for tick in layout.x.major where tick.position > 0.5 && tick.position < plot.width - 0.5 {
            cairo_move_to(context, plot.minX + tick.position, plot.minY)
            cairo_line_to(context, plot.minX + tick.position, plot.maxY)
        }
        for tick in layout.y.major where tick.position > 0.5 && tick.position < plot.height - 0.5 {
            cairo_move_to(context, plot.minX, plot.maxY - tick.position)
            cairo_line_to(context, plot.maxX, plot.maxY - tick.position)
        }
        cairo_stroke(context)
    }

    /// Left and bottom spines joined at the origin corner, ticks pointing outwards.
    private func paintAxes(_ layout: PanelLayout) {
        let plot = layout.plot
        setColor(colors.ink)
        setDash(.solid, width: Metrics.axisLineWidth)
        cairo_set_line_width(context, Metrics.axisLineWidth)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)
        cairo_move_to(context, plot.minX, plot.minY)
        cairo_line_to(context, plot.minX, plot.maxY)
        cairo_line_to(context, plot.maxX, plot.maxY)
        cairo_stroke(context)
        paintTicks(layout.x, plot: plot)
        paintTicks(layout.y, plot: plot)
    }

    private func paintTicks(_ axis: ResolvedAxis, plot: Rect) {
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        let (dx, dy): (Double, Double)
        switch axis.side {
        case .bottom: (dx, dy) = (0, 1)
        case .left: (dx, dy) = (-1, 0)
        case .right: (dx, dy) = (1, 0)
        }
        for (positions, length, width) in [
            (axis.major.map(\.position), Metrics.majorTick, Metrics.majorTickWidth),
            (axis.minor, Metrics.minorTick, Metrics.minorTickWidth),
        ] {
            cairo_set_line_width(context, width)
            for position in positions {
                let p = axis.point(position, plot: plot)
                cairo_move_to(context, p.x, p.y)
                cairo_line_to(context, p.x + dx * length, p.y + dy * length)
            }
            cairo_stroke(context)
        }
    }

    // MARK: - Marks

    private func stroke(_ series: Series, _ layout: PanelLayout) {
        setStroke(series.style)
        cairo_new_path(context)
        MarkGeometry.forEachSimplifiedVertex(
            x: series.x, y: series.y, xMap: layout.xMap, yMap: layout.yMap, plot: layout.plot,
            tolerance: MarkGeometry.simplificationTolerance,
            moveTo: { cairo_move_to(context, $0.x, $0.y) }, lineTo: { cairo_line_to(context, $0.x, $0.y) })
        cairo_stroke(context)
    }

    private func markers(_ series: Series, _ layout: PanelLayout) {
        let style = series.style
        let marker = style.marker == .none ? Marker.circle : style.marker
        let radius = Marker.radius(lineWidth: style.lineWidth)
        setColor(Palette.color(style.color, theme: theme))
        cairo_new_path(context)
        MarkGeometry.forEachPoint(
            x: series.x, y: series.y, xMap: layout.xMap, yMap: layout.yMap, plot: layout.plot, reach: radius, where: style.marks
        ) { p in
            addMarker(marker, at: p, radius: radius)
        }
        finishMarkers(marker, lineWidth: style.lineWidth)
    }

    /// Adds one marker's outline to the current path; filled shapes and the stroked cross
    /// are finished together by ``finishMarkers(_:lineWidth:)``.
    private func addMarker(_ marker: Marker, at p: Point, radius r: Double) {
        switch marker {
        case .none, .circle:
            cairo_new_sub_path(context)
            cairo_arc(context, p.x, p.y, r, 0, 2 * Double.pi)
        case .square:
            let s = r * 0.9
            cairo_rectangle(context, p.x - s, p.y - s, 2 * s, 2 * s)
        case .triangle:
            let s = r * 1.15
            cairo_move_to(context, p.x, p.y - s)
            cairo_line_to(context, p.x + s * 0.866, p.y + s * 0.5)
            cairo_line_to(context, p.x - s * 0.866, p.y + s * 0.5)
            cairo_close_path(context)
        case .diamond:
            let s = r * 1.2
            cairo_move_to(context, p.x, p.y - s)
            cairo_line_to(context, p.x + s * 0.75, p.y)
            cairo_line_to(context, p.x, p.y + s)
            cairo_line_to(context, p.x - s * 0.75, p.y)
            cairo_close_path(context)
        case .cross:
            cairo_move_to(context, p.x - r, p.y - r)
            cairo_line_to(context, p.x + r, p.y + r)
            cairo_move_to(context, p.x - r, p.y + r)
            cairo_line_to(context, p.x + r, p.y - r)
        }
    }

    private func finishMarkers(_ marker: Marker, lineWidth: Double) {
        if marker == .cross {
            setDash(.solid, width: 1)
            cairo_set_line_width(context, max(1, lineWidth * 0.8))
            cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
            cairo_stroke(context)
        } else {
            cairo_fill(context)
        }
    }

    private func paint(_ rule: ReferenceLine, _ layout: PanelLayout) {
        let plot = layout.plot
        setStroke(rule.style)
        switch rule.orientation {
        case .horizontal:
            guard let y = layout.yMap.position(rule.value) else { return }
            cairo_move_to(context, plot.minX, y)
            cairo_line_to(context, plot.maxX, y)
        case .vertical:
            guard let x = layout.xMap.position(rule.value) else { return }
            cairo_move_to(context, x, plot.minY)
            cairo_line_to(context, x, plot.maxY)
        }
        cairo_stroke(context)
    }

    private func paint(_ band: Band, _ layout: PanelLayout) {
        setColor(Palette.color(band.style.color, theme: theme).with(alpha: band.opacity))
        MarkGeometry.forEachBandPolygon(band, xMap: layout.xMap, yMap: layout.yMap, plot: layout.plot) { polygon in
            addPolygon(polygon)
        }
        cairo_fill(context)
    }

    /// Bars of contiguous bins share their outline, which steps from bin to bin.
    private func paint(_ histogram: Histogram, _ layout: PanelLayout) {
        let bars = MarkGeometry.histogramBars(histogram, xMap: layout.xMap, yMap: layout.yMap, plot: layout.plot)
        let base = MarkGeometry.clamped(0, layout.yMap.position(0) ?? layout.plot.maxY, plot: layout.plot).y
        cairo_new_path(context)
        var open = false
        var lastRight = 0.0
        for bar in bars {
            guard let bar else {
                if open { cairo_line_to(context, lastRight, base) }
                open = false
                continue
            }
            let top = bar.minY == base ? bar.maxY : bar.minY
            if !open { cairo_move_to(context, bar.minX, base) }
            cairo_line_to(context, bar.minX, top)
            cairo_line_to(context, bar.maxX, top)
            lastRight = bar.maxX
            open = true
        }
        if open { cairo_line_to(context, lastRight, base) }
        let color = Palette.color(histogram.style.color, theme: theme)
        if histogram.filled {
            setColor(color.with(alpha: Histogram.fillOpacity))
            cairo_fill_preserve(context)
        }
        setStroke(histogram.style)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)
        cairo_stroke(context)
    }

    private func paint(_ boxes: Boxes, _ layout: PanelLayout) {
        let xMap = layout.xMap, yMap = layout.yMap
        let half = MarkGeometry.boxHalfWidth(categorySpacing: abs(xMap.position(transformed: 2) - xMap.position(transformed: 1)))
        let color = Palette.color(boxes.style.color, theme: theme)
        for (index, summary) in boxes.summaries.enumerated() {
            let x = xMap.position(transformed: Double(index + 1))
            guard let q1 = yMap.position(summary.lowerQuartile), let q3 = yMap.position(summary.upperQuartile),
                let median = yMap.position(summary.median)
            else { continue }
            let box = Rect(minX: x - half, minY: min(q1, q3), maxX: x + half, maxY: max(q1, q3))
            setColor(color.with(alpha: Boxes.fillOpacity))
            cairo_rectangle(context, box.x, box.y, box.width, box.height)
            cairo_fill_preserve(context)
            setStroke(Style(color: boxes.style.color, lineWidth: boxes.style.lineWidth))
            for (from, whisker) in [(q1, summary.lowerWhisker), (q3, summary.upperWhisker)] {
                guard let end = yMap.position(whisker) else { continue }
                cairo_move_to(context, x, from)
                cairo_line_to(context, x, end)
                cairo_move_to(context, x - half / 2, end)
                cairo_line_to(context, x + half / 2, end)
            }
            cairo_stroke(context)
            cairo_set_line_width(context, boxes.style.lineWidth * 1.6)
            cairo_move_to(context, box.minX, median)
            cairo_line_to(context, box.maxX, median)
            cairo_stroke(context)
            cairo_set_line_width(context, max(0.6, boxes.style.lineWidth * 0.6))
            for outlier in summary.outliers {
                guard let y = yMap.position(outlier) else { continue }
                cairo_new_sub_path(context)
                cairo_arc(context, x, y, 2, 0, 2 * Double.pi)
            }
            cairo_stroke(context)
        }
    }

    /// Each violin: the translucent shape with its outline, the point-mass bar, and
    /// on top the quartile bar with the median as a dot in the background colour (the
    /// look of seaborn's inner box, readable on both themes).
    private func paint(_ violins: Violins, _ layout: PanelLayout) {
        let (yMap, plot) = (layout.yMap, layout.plot)
        let color = Palette.color(violins.style.color, theme: theme)
        for violin in MarkGeometry.placeViolins(violins, xMap: layout.xMap, yMap: yMap, plot: plot) {
            if violin.outline.count >= 3 {
                addPolygon(violin.outline)
                setColor(color.with(alpha: Violins.fillOpacity))
                cairo_fill_preserve(context)
                setStroke(violins.style)
                cairo_stroke(context)
            }
            if let mass = violin.density.pointMass, let track = violin.shareTrack {
                paintShareBar(track, fraction: mass.fraction, color: color)
            }
            func y(_ value: Double) -> Double? { yMap.position(value).map { MarkGeometry.clamped(violin.centre, $0, plot: plot).y } }
            guard violins.showsQuartiles, let quartiles = violin.density.quartiles,
                let lower = y(quartiles.lower), let median = y(quartiles.median), let upper = y(quartiles.upper)
            else { continue }
            setColor(colors.ink)
            setDash(.solid, width: 1)
            cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
            cairo_set_line_width(context, min(max(violin.halfWidth * 0.08, 1.5), 3))
            cairo_move_to(context, violin.centre, lower)
            cairo_line_to(context, violin.centre, upper)
            cairo_stroke(context)
            cairo_new_sub_path(context)
            cairo_arc(context, violin.centre, median, min(max(violin.halfWidth * 0.06, 1.5), 2.5), 0, 2 * Double.pi)
            setColor(colors.background)
            cairo_fill(context)
        }
    }

    /// A bar filled from the left to `fraction` of its track, whose outline marks 100 %; the
    /// unfilled part in the background colour, so that the violin behind does not read as a share.
    private func paintShareBar(_ track: Rect, fraction: Double, color: Color) {
        cairo_rectangle(context, track.x, track.y, track.width, track.height)
        setColor(colors.background)
        cairo_fill(context)
        cairo_rectangle(context, track.x, track.y, track.width * min(max(fraction, 0), 1), track.height)
        setColor(color)
        cairo_fill(context)
        cairo_rectangle(context, track.x, track.y, track.width, track.height)
        setDash(.solid, width: 1)
        cairo_set_line_width(context, 0.8)
        cairo_stroke(context)
    }

    /// Cells overlap their upper neighbours by a hair so antialiased edges leave no seams.
    private func paint(_ heatmap: Heatmap, _ layout: PanelLayout) {
        let range = heatmap.colorRange
        let xs = heatmap.xEdges.map { layout.xMap.position($0) }
        let ys = heatmap.yEdges.map { layout.yMap.position($0) }
        let overlap = 0.3
        for row in 0..<heatmap.rows {
            for column in 0..<heatmap.columns {
                let value = heatmap.values[row * heatmap.columns + column]
                guard value.isFinite, let left = xs[column], let right = xs[column + 1], let bottom = ys[row], let top = ys[row + 1]
                else { continue }
                let a = MarkGeometry.clamped(left, top, plot: layout.plot)
                let b = MarkGeometry.clamped(right, bottom, plot: layout.plot)
                setColor(Palette.viridis((value - range.lowerBound) / (range.upperBound - range.lowerBound)))
                cairo_rectangle(context, a.x, a.y - overlap, b.x - a.x + overlap, b.y - a.y + overlap)
                cairo_fill(context)
            }
        }
    }

    private func paint(_ colorBar: ColorBarLayout) {
        let bar = colorBar.bar
        guard let gradient = cairo_pattern_create_linear(0, bar.maxY, 0, bar.minY) else { return }
        let (lower, upper) = (colorBar.axis.lower, colorBar.axis.upper)
        let range = colorBar.heatmap.colorRange
        let stops = 16
        for i in 0...stops {
            let offset = Double(i) / Double(stops)
            let value = lower + offset * (upper - lower)
            let c = Palette.viridis((value - range.lowerBound) / (range.upperBound - range.lowerBound))
            cairo_pattern_add_color_stop_rgb(gradient, offset, c.red, c.green, c.blue)
        }
        cairo_rectangle(context, bar.x, bar.y, bar.width, bar.height)
        cairo_set_source(context, gradient)
        cairo_fill(context)
        cairo_pattern_destroy(gradient)

        setColor(colors.ink)
        setDash(.solid, width: 1)
        cairo_set_line_width(context, Metrics.minorTickWidth)
        cairo_rectangle(context, bar.x, bar.y, bar.width, bar.height)
        cairo_stroke(context)
        paintTicks(colorBar.axis, plot: bar)
        for text in colorBar.tickLabels + [colorBar.title].compactMap({ $0 }) {
            CairoText.draw(text, in: context)
        }
    }

    private func paint(_ note: AnnotationLayout) {
        setColor(colors.ink)
        CairoText.draw(note.text, in: context)
        guard let arrow = note.arrow else { return }
        let dx = arrow.to.x - arrow.from.x, dy = arrow.to.y - arrow.from.y
        let length = (dx * dx + dy * dy).squareRoot()
        let (ux, uy) = (dx / length, dy / length)
        let head = min(5.0, length / 2), halfWidth = 2.2
        let base = Point(x: arrow.to.x - ux * head, y: arrow.to.y - uy * head)
        setDash(.solid, width: 1)
        cairo_set_line_width(context, 0.8)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        cairo_move_to(context, arrow.from.x, arrow.from.y)
        cairo_line_to(context, base.x, base.y)
        cairo_stroke(context)
        cairo_move_to(context, arrow.to.x, arrow.to.y)
        cairo_line_to(context, base.x - uy * halfWidth, base.y + ux * halfWidth)
        cairo_line_to(context, base.x + uy * halfWidth, base.y - ux * halfWidth)
        cairo_close_path(context)
        cairo_fill(context)
    }

    // MARK: - Legend

    private func paint(_ legend: LegendLayout) {
        let box = legend.box
        cairo_rectangle(context, box.x, box.y, box.width, box.height)
        setColor(colors.background.with(alpha: 0.92))
        cairo_fill_preserve(context)
        setColor(colors.frame)
        setDash(.solid, width: 1)
        cairo_set_line_width(context, 0.5)
        cairo_stroke(context)
        for item in legend.items {
            let sample = item.sampleBox
            switch item.sample {
            case .line(let style):
                setStroke(style)
                cairo_move_to(context, sample.minX, sample.midY)
                cairo_line_to(context, sample.maxX, sample.midY)
                cairo_stroke(context)
                if style.marker != .none {
                    let radius = Marker.radius(lineWidth: style.lineWidth)
                    addMarker(style.marker, at: Point(x: sample.midX, y: sample.midY), radius: radius)
                    finishMarkers(style.marker, lineWidth: style.lineWidth)
                }
            case .marker(let style):
                setColor(Palette.color(style.color, theme: theme))
                let marker = style.marker == .none ? Marker.circle : style.marker
                addMarker(marker, at: Point(x: sample.midX, y: sample.midY), radius: Marker.radius(lineWidth: style.lineWidth))
                finishMarkers(marker, lineWidth: style.lineWidth)
            case .patch(let style, let opacity, let outlined):
                let swatch = Rect(x: sample.minX + 2, y: sample.minY, width: sample.width - 4, height: sample.height)
                cairo_rectangle(context, swatch.x, swatch.y, swatch.width, swatch.height)
                setColor(Palette.color(style.color, theme: theme).with(alpha: opacity))
                cairo_fill_preserve(context)
                if outlined {
                    setStroke(Style(color: style.color, lineWidth: min(style.lineWidth, 1.2)))
                    cairo_stroke(context)
                } else {
                    cairo_new_path(context)
                }
            case .pointMass(let style):
                let height = MarkGeometry.shareBarHeight
                paintShareBar(
                    Rect(x: sample.minX + 1, y: sample.midY - height / 2, width: sample.width - 2, height: height), fraction: 0.5,
                    color: Palette.color(style.color, theme: theme))
            }
        }
        setColor(colors.ink)
        for item in legend.items { CairoText.draw(item.text, in: context) }
    }

    // MARK: - State

    private func setColor(_ c: Color) {
        cairo_set_source_rgba(context, c.red, c.green, c.blue, c.alpha)
    }

    private func setDash(_ dash: Dash, width: Double) {
        // cairo rejects a pattern whose lengths are all zero (a zero-width stroke).
        let pattern = width > 0 ? dash.pattern.map { $0 * width } : []
        pattern.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
        cairo_set_line_cap(context, dash.roundCaps ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
    }

    private func setStroke(_ style: Style) {
        setColor(Palette.color(style.color, theme: theme))
        cairo_set_line_width(context, style.lineWidth)
        setDash(style.dash, width: style.lineWidth)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
    }

    private func addPolygon(_ points: [Point]) {
        guard let first = points.first else { return }
        cairo_move_to(context, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(context, p.x, p.y) }
        cairo_close_path(context)
    }
}
