/// One legend row: a sample of the mark's look and its name.
struct LegendEntry: Sendable, Hashable {
    enum Sample: Sendable, Hashable {
        /// A short stroke in the style, with its marker in the middle.
        case line(Style)
        /// The marker alone (points).
        case marker(Style)
        /// A filled swatch; `outlined` adds a stroke in the style's colour.
        case patch(Style, opacity: Double, outlined: Bool)
        /// A violin's point-mass bar, filled to half its length.
        case pointMass(Style)
    }

    var sample: Sample
    var name: String
}

/// A legend laid out on the page.
struct LegendLayout: Sendable, Hashable {
    struct Item: Sendable, Hashable {
        var sample: LegendEntry.Sample
        /// Where the sample is drawn; line samples run along its vertical middle.
        var sampleBox: Rect
        var text: PlacedText
    }

    var box: Rect
    var items: [Item]

    func offsetBy(dx: Double, dy: Double) -> LegendLayout {
        LegendLayout(
            box: Rect(x: box.x + dx, y: box.y + dy, width: box.width, height: box.height),
            items: items.map {
                Item(
                    sample: $0.sample,
                    sampleBox: Rect(x: $0.sampleBox.x + dx, y: $0.sampleBox.y + dy, width: $0.sampleBox.width, height: $0.sampleBox.height),
                    text: $0.text.offsetBy(dx: dx, dy: dy))
            })
    }

    /// Lays entries out from the top-left corner at the origin: one per row, or flowing in
    /// rows no wider than `maxWidth` when it is given (a figure-wide legend).
    static func make(_ entries: [LegendEntry], measurer: TextMeasurer, maxWidth: Double? = nil) -> LegendLayout? {
        guard !entries.isEmpty else { return nil }
        let font = Metrics.legendFont
        let padding = 5.0, sampleWidth = 20.0, sampleGap = 5.0, itemGap = 14.0, rowGap = 3.0
        let capHeight = measurer.block(RichText(plain: "H"), size: font).ascent
        let blocks = entries.map { measurer.block(markup: $0.name, size: font) }
        let ascent = max(capHeight, blocks.map(\.ascent).max() ?? 0)
        let descent = max(0.22 * font, blocks.map(\.descent).max() ?? 0)
        let rowHeight = ascent + descent

        var items: [Item] = []
        var x = padding, y = padding, widest = 0.0
        for (entry, block) in zip(entries, blocks) {
            let width = sampleWidth + sampleGap + block.advance
            if let maxWidth, x > padding, x + width + padding > maxWidth {
                x = padding
                y += rowHeight + rowGap
            }
            let baseline = y + ascent
            let middle = baseline - capHeight / 2
            let swatch = min(capHeight + 2, rowHeight)
            items.append(
                Item(
                    sample: entry.sample,
                    sampleBox: Rect(x: x, y: middle - swatch / 2, width: sampleWidth, height: swatch),
                    text: PlacedText(block, origin: Point(x: x + sampleWidth + sampleGap, y: baseline))))
            widest = max(widest, x + width)
            if maxWidth == nil {
                y += rowHeight + rowGap
            } else {
                x += width + itemGap
            }
        }
        let bottom = maxWidth == nil ? y - rowGap : y + rowHeight
        return LegendLayout(box: Rect(x: 0, y: 0, width: widest + padding, height: bottom + padding), items: items)
    }
}

extension LegendEntry {
    /// The named marks' legend entries, in mark order.
    static func entries(_ marks: [Mark]) -> [LegendEntry] {
        marks.flatMap { mark -> [LegendEntry?] in
            switch mark {
            case .line(let series):
                [series.name.map { LegendEntry(sample: .line(series.style), name: $0) }]
            case .points(let series):
                [series.name.map { LegendEntry(sample: .marker(series.style), name: $0) }]
            case .band(let band):
                [band.name.map { LegendEntry(sample: .patch(band.style, opacity: band.opacity, outlined: false), name: $0) }]
            case .histogram(let histogram):
                [
                    histogram.name.map {
                        LegendEntry(
                            sample: histogram.filled
                                ? .patch(histogram.style, opacity: Histogram.fillOpacity, outlined: true) : .line(histogram.style),
                            name: $0)
                    }
                ]
            case .boxes(let boxes):
                [boxes.name.map { LegendEntry(sample: .patch(boxes.style, opacity: Boxes.fillOpacity, outlined: true), name: $0) }]
            case .violins(let violins):
                [
                    violins.name.map { LegendEntry(sample: .patch(violins.style, opacity: Violins.fillOpacity, outlined: true), name: $0) },
                    violins.densities.contains { $0.pointMass != nil }
                        ? violins.pointMassName.map { LegendEntry(sample: .pointMass(violins.style), name: $0) } : nil,
                ]
            case .rule, .annotation, .heatmap:
                []
            }
        }.compactMap { $0 }
    }
}
