import Foundation
import Testing

@testable import Charts

/// Renders the reference figures; with CHARTS_LOOK_DIR set, writes them there for a person
/// to look at (the checks run either way).
@Suite struct GalleryTests {
    static let figures: [(String, Figure)] = [
        ("log-width", Fixtures.logWidth),
        ("sigmoid", Fixtures.sigmoid),
        ("two-panels", Fixtures.twoPanels),
        ("empty", Fixtures.emptyPanel()),
        ("empty-log", Fixtures.emptyPanel(scale: .log10)),
        ("small", Fixtures.small),
        ("long-labels", Fixtures.longLabels),
        ("four-panels", Fixtures.fourPanels),
        ("layer-histograms", Fixtures.layerHistograms),
        ("boxes-heatmap", Fixtures.boxesAndHeatmap),
        ("small-multiples", Fixtures.smallMultiples),
        ("logistic-pair", Fixtures.logisticPair),
        ("tail-fractions", Fixtures.tailFractions),
    ]

    @Test(arguments: figures.map(\.0))
    func renders(name: String) throws {
        let figure = try #require(Self.figures.first { $0.0 == name }?.1)
        for theme in Theme.allCases {
            let files = try ChartRenderer.render(figure, as: Set(Format.allCases), theme: theme)
            let png = try #require(files[.png])
            let size = try #require(TestSupport.pngSize(png))
            #expect(size.width == Int(figure.size.width * 2) && size.height == Int(figure.size.height * 2))
            #expect(files[.svg].map { String(decoding: $0, as: UTF8.self).hasSuffix("</svg>\n") } == true)
            #expect(files[.pdf].map { String(decoding: $0.suffix(6), as: UTF8.self).contains("%%EOF") } == true)
            if let directory = ProcessInfo.processInfo.environment["CHARTS_LOOK_DIR"] {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                for (format, bytes) in files {
                    let url = URL(fileURLWithPath: directory).appendingPathComponent("\(name)-\(theme.rawValue).\(format.rawValue)")
                    try Data(bytes).write(to: url)
                }
            }
        }
    }
}
