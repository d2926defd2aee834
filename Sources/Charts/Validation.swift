/// Checks that a figure is consistent before any drawing, so that mistakes surface as one
/// precise error instead of a strange picture.
extension Figure {
    /// The largest page side: PNG doubles it, and cairo images stop at 32767 pixels.
    static let maximumSide = 16000.0

    func validate() throws {
        func fail(_ message: String) -> ChartError { ChartError(.invalidFigure, message) }
        guard columns >= 1 else {
            throw fail("columns is \(columns); a figure needs at least one column")
        }
        guard !panels.isEmpty else { throw fail("figure \"\(title)\" has no panels") }
        for side in [size.width, size.height] where !(side > 0 && side <= Self.maximumSide) {
            throw fail("size \(size.width)×\(size.height) pt: each side must be in (0, \(Int(Self.maximumSide))]")
        }
        for (shared, axis, letter) in [(AxisSharing.x, \Panel.x, "x"), (.y, \Panel.y, "y")] where sharedAxes.contains(shared) {
            guard Set(panels.map { $0[keyPath: axis].scale }).count == 1 else {
                throw fail("panels share the \(letter) axis but not its scale; give them all the same scale")
            }
        }
        if sharedAxes.contains(.yByRow) {
            for start in stride(from: 0, to: panels.count, by: columns)
            where Set(panels[start..<min(start + columns, panels.count)].map(\.y.scale)).count > 1 {
                throw fail("the panels of row \(start / columns + 1) share the y axis but not its scale; give them the same scale")
            }
        }
        for (index, panel) in panels.enumerated() {
            try panel.validate(name: "panel \(index + 1)\(panel.title.map { " (\"\($0)\")" } ?? "")")
        }
    }
}

extension Panel {
    fileprivate func validate(name: String) throws {
        func fail(_ message: String) -> ChartError { ChartError(.invalidFigure, "\(name): \(message)") }
        for (axis, letter) in [(x, "x"), (y, "y")] {
            guard let domain = axis.domain else { continue }
            guard domain.lowerBound.isFinite, domain.upperBound.isFinite, domain.lowerBound < domain.upperBound else {
                throw fail("\(letter) domain \(domain) must be finite and wider than a point")
            }
            if axis.scale == .log10, domain.lowerBound <= 0 {
                throw fail("\(letter) domain \(domain) must be positive on a log scale")
            }
        }
        for (index, mark) in marks.enumerated() {
            let what = "mark \(index + 1)"
            switch mark {
            case .line(let series), .points(let series):
                guard series.x.count == series.y.count else {
                    throw fail("\(what) (\(series.name ?? "unnamed series")) has \(series.x.count) x and \(series.y.count) y values")
                }
                try series.style.validate { fail("\(what): \($0)") }
            case .rule(let rule):
                try rule.style.validate { fail("\(what): \($0)") }
            case .annotation:
                break
            case .band(let band):
                guard band.x.count == band.lower.count, band.x.count == band.upper.count else {
                    throw fail(
                        "\(what) (band \(band.name ?? "unnamed")) has \(band.x.count) x, \(band.lower.count) lower and \(band.upper.count) upper values"
                    )
                }
                guard (0...1).contains(band.opacity) else { throw fail("\(what): opacity \(band.opacity) is not in 0...1") }
            case .histogram(let histogram):
                guard histogram.edges.count == histogram.values.count + 1 else {
                    throw fail(
                        "\(what) (histogram \(histogram.name ?? "unnamed")) has \(histogram.edges.count) edges for \(histogram.values.count) bins; it needs one more edge than bins"
                    )
                }
                guard increasing(histogram.edges) else { throw fail("\(what): histogram edges must be finite and increasing") }
                try histogram.style.validate { fail("\(what): \($0)") }
            case .boxes(let boxes):
                guard boxes.categories.count == boxes.summaries.count else {
                    throw fail("\(what) has \(boxes.categories.count) categories and \(boxes.summaries.count) summaries")
                }
                try boxes.style.validate { fail("\(what): \($0)") }
            case .violins(let violins):
                guard violins.categories.count == violins.densities.count else {
                    throw fail("\(what) has \(violins.categories.count) categories and \(violins.densities.count) densities")
                }
                if case .at(let positions) = violins.categories, !positions.allSatisfy(\.isFinite) {
                    throw fail("\(what): violin positions must be finite")
                }
                for (number, density) in violins.densities.enumerated() {
                    try density.validate(yScale: y.scale) { fail("\(what), density \(number + 1): \($0)") }
                }
                try violins.style.validate { fail("\(what): \($0)") }
            case .heatmap(let heatmap):
                guard increasing(heatmap.xEdges), increasing(heatmap.yEdges) else {
                    throw fail("\(what): heatmap edges must be finite and increasing")
                }
                guard heatmap.values.count == heatmap.rows * heatmap.columns else {
                    throw fail("\(what): heatmap has \(heatmap.values.count) values for \(heatmap.rows) rows × \(heatmap.columns) columns")
                }
                if let range = heatmap.range,
                    !(range.lowerBound.isFinite && range.upperBound.isFinite && range.lowerBound < range.upperBound)
                {
                    throw fail("\(what): heatmap range \(range) must be finite and wider than a point")
                }
            }
        }
    }

}

/// Finite values in strictly increasing order, at least two of them (bin edges).
private func increasing(_ values: [Double]) -> Bool {
    values.count >= 2 && values.allSatisfy(\.isFinite) && zip(values, values.dropFirst()).allSatisfy { $0 < $1 }
}

extension KernelDensity {
    fileprivate func validate(yScale: Scale, _ fail: (String) -> ChartError) throws {
        guard scale == yScale else {
            throw fail("estimated on a \(scale) scale but the y axis is \(yScale); estimate it with scale: .\(yScale)")
        }
        guard values.count == densities.count else {
            throw fail("\(values.count) values and \(densities.count) densities")
        }
        guard values.isEmpty || increasing(values) else {
            throw fail("values must be none, or at least two, finite and increasing")
        }
        guard densities.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw fail("densities must be finite and not negative")
        }
        if let mass = pointMass, !(mass.value.isFinite && (0...1).contains(mass.fraction)) {
            throw fail("point mass at \(mass.value) with fraction \(mass.fraction): the value must be finite and the fraction in 0...1")
        }
        if let q = quartiles, !(q.lower.isFinite && q.upper.isFinite && q.lower <= q.median && q.median <= q.upper) {
            throw fail("quartiles \(q.lower), \(q.median), \(q.upper) must be finite and in order")
        }
    }
}

extension Style {
    fileprivate func validate(_ fail: (String) -> ChartError) throws {
        guard lineWidth.isFinite, lineWidth >= 0, lineWidth <= 50 else {
            throw fail("line width \(lineWidth) is not in 0...50 pt")
        }
    }
}
