import Charts

/// One entry of the gallery: a figure that shows one part of the chart vocabulary.
public struct GalleryExample: Sendable, Hashable {
    /// A short file-name-safe name, such as "violins-log".
    public var name: String
    /// What the example demonstrates, for the gallery page.
    public var description: String
    /// The figure itself.
    public var figure: Figure

    /// Creates an example.
    public init(name: String, description: String, figure: Figure) {
        self.name = name
        self.description = description
        self.figure = figure
    }
}

/// Every mark, scale and layout the Charts module offers, each drawn once, so that anyone can
/// see the whole chart vocabulary at a glance (`initlab gallery`). The same figures are the
/// fixtures of the Charts tests, so what the gallery shows is what the tests check.
public enum ChartGallery {
    /// The examples in the order the gallery page shows them: marks, then scales and text,
    /// then layouts.
    public static let examples: [GalleryExample] = [
        lines, points, annotations, bandAndGaps, histograms, histogramStack, boxesAndHeatmap, violins, violinsLog,
        logScales, manyDecades, logisticPair, longLabels, small,
        smallMultiples, rowsOfTwo, independentAxes, emptyLinear, emptyLog,
    ]
}
