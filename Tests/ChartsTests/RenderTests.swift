import Foundation
import Testing

@testable import ChartGallery
@testable import Charts

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects what the tests need from an SVG while parsing it.
private final class SVGProbe: NSObject, XMLParserDelegate {
    var rootAttributes: [String: String]?
    var firstChildren: [String] = []
    var texts: [String: String] = [:]
    private var depth = 0
    private var current: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        depth += 1
        if depth == 1 { rootAttributes = attributes }
        if depth == 2 { firstChildren.append(name) }
        current = name
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if depth == 2, let current, current == "title" || current == "desc" { texts[current, default: ""] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        current = nil
    }
}

@Suite struct RenderTests {
    /// Every figure of the gallery draws in every format and theme, the PNG at twice its size.
    /// With CHARTS_LOOK_DIR set, the renders are also written there for a person to look at.
    @Test(arguments: ChartGallery.examples.map(\.name))
    func galleryFigureRenders(name: String) throws {
        let figure = try #require(ChartGallery.examples.first { $0.name == name }).figure
        for theme in Theme.allCases {
            let files = try ChartRenderer.render(figure, as: Set(Format.allCases), theme: theme)
            #expect(files.count == Format.allCases.count)
            let png = try #require(files[.png])
            let size = try #require(TestSupport.pngSize(png))
            #expect(size.width == Int(figure.size.width * 2) && size.height == Int(figure.size.height * 2))
            #expect(files[.svg].map { String(decoding: $0, as: UTF8.self).hasSuffix("</svg>\n") } == true)
            #expect(files[.pdf].map { String(decoding: $0.suffix(6), as: UTF8.self).contains("%%EOF") } == true)
            if let directory = ProcessInfo.processInfo.environment["CHARTS_LOOK_DIR"] {
                for (format, bytes) in files {
                    let path = FigurePaths.rendering(name, theme: theme, format: format)
                    let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(bytes).write(to: url)
                }
            }
        }
    }

    @Test func svgIsValidXMLWithAccessibleTitleAndDescription() throws {
        var figure = ChartGallery.annotations.figure
        figure.title = "σ(x) & σ′(x) <logistic>"
        figure.description = "Saturates for \"large\" |x|; derivative ≤ 1/4."
        let svg = try ChartRenderer.render(figure, as: .svg)
        let parser = XMLParser(data: Data(svg))
        let probe = SVGProbe()
        parser.delegate = probe
        #expect(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
        #expect(probe.firstChildren.prefix(2) == ["title", "desc"])
        #expect(probe.texts["title"] == figure.title)
        #expect(probe.texts["desc"] == figure.description)
        #expect(probe.rootAttributes?["role"] == "img")
        #expect(probe.rootAttributes?["aria-labelledby"] == "title desc")
        #expect(probe.rootAttributes?["width"] == "480pt")
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("id=\"surface1\""))
        #expect(!text.contains("<text"), "glyphs should be paths")
    }

    @Test(arguments: Theme.allCases)
    func pngHasDoubleSizeAndThemeBackground(theme: Theme) throws {
        let png = try ChartRenderer.render(ChartGallery.bandAndGaps.figure, as: .png, theme: theme)
        let size = try #require(TestSupport.pngSize(png))
        #expect(size.width == 960 && size.height == 440)
        let expected =
            theme == .light ? TestSupport.Pixel(red: 255, green: 255, blue: 255) : TestSupport.Pixel(red: 0x1E, green: 0x1E, blue: 0x1E)
        for (x, y) in [(0, 0), (959, 0), (0, 439), (959, 439)] {
            #expect(TestSupport.pixel(png, x: x, y: y) == expected, "corner (\(x), \(y))")
        }
    }

    @Test func pngShowsTheDataInPaletteColours() throws {
        let x = [0.0, 1]
        let figure = Figure(
            title: "t", description: "d",
            panels: [
                Panel(
                    x: Axis("x", domain: 0...1), y: Axis("y", domain: 0...1),
                    marks: [
                        .line(Series(nil, x: x, y: [0.5, 0.5], style: Style(color: 0, lineWidth: 6)))
                    ], grid: false)
            ])
        let layout = try ChartRenderer.layout(figure)
        let plot = layout.panels[0].plot
        let png = try ChartRenderer.render(figure, as: .png)
        let pixel = try #require(TestSupport.pixel(png, x: Int(plot.midX * 2), y: Int(plot.midY * 2)))
        #expect(pixel == TestSupport.Pixel(red: 0x00, green: 0x72, blue: 0xB2))
    }

    @Test(arguments: Format.allCases)
    func renderingIsDeterministic(format: Format) throws {
        for figure in [ChartGallery.bandAndGaps.figure, ChartGallery.boxesAndHeatmap.figure, ChartGallery.violins.figure] {
            let first = try ChartRenderer.render(figure, as: format)
            // Advance cairo's process-wide counters in between.
            _ = try ChartRenderer.render(ChartGallery.annotations.figure, as: format)
            let second = try ChartRenderer.render(figure, as: format)
            #expect(first == second)
            #expect(!first.isEmpty)
        }
    }

    @Test(arguments: Format.allCases)
    func darkThemeDiffersFromLight(format: Format) throws {
        let light = try ChartRenderer.render(ChartGallery.logScales.figure, as: format, theme: .light)
        let dark = try ChartRenderer.render(ChartGallery.logScales.figure, as: format, theme: .dark)
        #expect(light != dark)
    }

    @Test func pdfCarriesTitleAndAReproducibleDate() throws {
        let pdf = try ChartRenderer.render(ChartGallery.annotations.figure, as: .pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        let date = DocumentDate.current(environment: ProcessInfo.processInfo.environment)
        let pdfDate = date.filter(\.isNumber)
        #expect(text.contains("/CreationDate (\(pdfDate)Z)"), "missing creation date \(pdfDate)")
        #expect(text.contains("/Title"))
    }

    @Test func nonFiniteValuesLeaveGapsAndDoNotCrash() throws {
        let figure = Figure(
            title: "gaps", description: "d",
            panels: [
                Panel(
                    x: Axis("x"), y: Axis("y", scale: .log10),
                    marks: [
                        .line(Series("a", x: [0, 1, 2, 3, 4, 5], y: [1, .nan, 10, .infinity, -5, 100])),
                        .points(Series("b", x: [.nan, .infinity], y: [1, 2])),
                        .line(Series("c", x: [0, 1e300, 2], y: [1, 1e300, 1e-300])),
                    ])
            ])
        for format in Format.allCases { #expect(try !ChartRenderer.render(figure, as: format).isEmpty) }
        var segments = 0
        let layout = try ChartRenderer.layout(figure)
        if case .line(let series) = figure.panels[0].marks[0] {
            MarkGeometry.forEachSegment(
                x: series.x, y: series.y, xMap: layout.panels[0].xMap, yMap: layout.panels[0].yMap, plot: layout.panels[0].plot
            ) { _, _, _ in segments += 1 }
        }
        #expect(segments == 0, "every drawable point of series a has an undrawable neighbour")
    }

    @Test func zeroWidthDashedLinesRender() throws {
        let figure = Figure(
            title: "t", description: "d",
            panels: [
                Panel(
                    x: Axis("x"), y: Axis("y"),
                    marks: [
                        .line(Series("thin", x: [0, 1], y: [0, 1], style: Style(dash: .dashed, lineWidth: 0)))
                    ])
            ])
        for format in Format.allCases { #expect(try !ChartRenderer.render(figure, as: format).isEmpty) }
    }

    @Test(arguments: [Scale.linear, .log10])
    func emptyPanelsRenderWithAxes(scale: Scale) throws {
        let figure = (scale == .linear ? ChartGallery.emptyLinear : ChartGallery.emptyLog).figure
        let layout = try ChartRenderer.layout(figure)
        #expect(layout.panels[0].x.major.count >= 2 && layout.panels[0].y.major.count >= 2)
        #expect(layout.panels[0].axisTitles.count == 2)
        for format in Format.allCases { #expect(try !ChartRenderer.render(figure, as: format).isEmpty) }
    }

    @Test func concurrentRenderingMatchesSerial() async throws {
        let figures = [
            ChartGallery.annotations.figure, ChartGallery.bandAndGaps.figure, ChartGallery.logScales.figure,
            ChartGallery.independentAxes.figure,
        ]
        let serial = try figures.map { try ChartRenderer.render($0, as: .svg) }
        let parallel = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for (index, figure) in figures.enumerated() {
                group.addTask { (index, try ChartRenderer.render(figure, as: .svg)) }
            }
            var results = [[UInt8]](repeating: [], count: figures.count)
            for try await (index, bytes) in group { results[index] = bytes }
            return results
        }
        #expect(parallel == serial)
    }
}
