import Foundation
import Testing

@testable import ChartGallery
@testable import Charts

@Suite struct LayoutTests {
    @Test(arguments: ChartGallery.examples.map(\.name))
    func everythingLiesInsideTheFigureWithoutOverlap(name: String) throws {
        let figure = try #require(ChartGallery.examples.first { $0.name == name }?.figure)
        let layout = try ChartRenderer.layout(figure)
        let page = Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height)
        for panel in layout.panels {
            #expect(page.contains(panel.plot), "plot \(panel.plot) outside \(name)")
            #expect(panel.plot.width > 20 && panel.plot.height > 20)
            if let legend = panel.legend { #expect(page.contains(legend.box), "legend outside \(name)") }
            for text in panel.texts {
                #expect(page.contains(text.box), "\(text.block.runs.map(\.text).joined()) at \(text.box) outside \(name)")
            }
            // Text outside the plot area never covers it, and no two labels collide.
            let frameTexts = panel.tickLabels + panel.axisTitles + [panel.title].compactMap { $0 }
            for text in frameTexts { #expect(!text.box.intersects(panel.plot.insetBy(0.5)), "\(name): label over plot") }
            if let (a, b) = TestSupport.firstOverlap(frameTexts.map(\.box)) {
                Issue.record("\(name): overlapping labels \(a) and \(b)")
            }
        }
        for (a, b) in zip(layout.panels, layout.panels.dropFirst()) where a.plot.minY == b.plot.minY {
            #expect(!a.bounds.intersects(b.bounds), "\(name): neighbouring panels overlap")
        }
    }

    @Test func titlesOfARowShareOneBaseline() throws {
        // Only the first panel has y labels (shared y); its top label reaches above the plot.
        for example in [ChartGallery.violinsLog, ChartGallery.smallMultiples, ChartGallery.boxesAndHeatmap] {
            let layout = try ChartRenderer.layout(example.figure)
            let columns = example.figure.columns
            for row in stride(from: 0, to: layout.panels.count, by: columns) {
                let baselines = Set(layout.panels[row..<min(row + columns, layout.panels.count)].compactMap { $0.title?.origin.y })
                #expect(baselines.count == 1, "\(example.name), row \(row / columns): \(baselines)")
            }
        }
    }

    @Test func legendTakesAFreeCorner() throws {
        // A rising line leaves the top-left and bottom-right corners free; top right is taken.
        let x = (0...100).map(Double.init)
        let figure = Figure(
            title: "t", description: "d",
            panels: [Panel(x: Axis("x"), y: Axis("y"), marks: [.line(Series("rising", x: x, y: x))])])
        let panel = try #require(try ChartRenderer.layout(figure).panels.first)
        let legend = try #require(panel.legend)
        #expect(panel.plot.contains(legend.box))
        #expect(legend.box.midX < panel.plot.midX && legend.box.midY < panel.plot.midY, "expected top left, got \(legend.box)")
        #expect(Occupancy.count(in: legend.box, panel: figure.panels[0], layout: panel) == 0)
    }

    @Test func legendGoesOutsideWhenNoCornerIsFree() throws {
        // A dense zigzag fills the whole plot area.
        let x = (0...400).map(Double.init)
        let y = x.map { $0.truncatingRemainder(dividingBy: 2) }
        let figure = Figure(
            title: "t", description: "d",
            panels: [Panel(x: Axis("x"), y: Axis("y"), marks: [.line(Series("noise", x: x, y: y))])])
        let panel = try #require(try ChartRenderer.layout(figure).panels.first)
        let legend = try #require(panel.legend)
        #expect(legend.box.minX > panel.plot.maxX)
        #expect(legend.box.maxX <= figure.size.width)
    }

    @Test func explicitPlacementAndNone() throws {
        var figure = ChartGallery.annotations.figure
        figure.panels[0].legend = .bottomRight
        let placed = try #require(try ChartRenderer.layout(figure).panels[0].legend)
        let plot = try ChartRenderer.layout(figure).panels[0].plot
        #expect(placed.box.maxX > plot.midX && placed.box.maxY > plot.midY)
        figure.panels[0].legend = .none
        #expect(try ChartRenderer.layout(figure).panels[0].legend == nil)
    }

    @Test func gridPanelsAlign() throws {
        let layout = try ChartRenderer.layout(ChartGallery.independentAxes.figure)
        let plots = layout.panels.map(\.plot)
        #expect(plots[0].minY == plots[1].minY && plots[2].minY == plots[3].minY)
        #expect(plots[0].minX == plots[2].minX && plots[1].minX == plots[3].minX)
        #expect(Set(plots.map(\.width)).count == 1 && Set(plots.map(\.height)).count == 1)
    }

    @Test func rowsShareTheirYAxisAndLabelItOnce() throws {
        let layout = try ChartRenderer.layout(ChartGallery.rowsOfTwo.figure)
        let domains = layout.panels.map { [$0.y.lower, $0.y.upper] }
        #expect(domains[0] == domains[1] && domains[2] == domains[3])
        #expect(domains[1][1] < domains[2][1], "the growing row reaches higher than the shrinking one")
        #expect(layout.panels.map { $0.y.major.contains { $0.label != nil } } == [true, false, true, false])
        #expect(layout.panels.map { $0.x.major.contains { $0.label != nil } } == [false, false, true, true])
    }

    @Test func markersOfOneLineSitEveryStridethPointFromItsOffset() {
        let style = Style(marker: .circle, markerStride: 3, markerOffset: 1)
        #expect((0..<8).filter(style.marks) == [1, 4, 7])
        #expect((0..<4).filter(Style(marker: .circle).marks) == [0, 1, 2, 3])
    }

    @Test func sharedLegendListsEachEntryOnceBelowTheGrid() throws {
        var figure = ChartGallery.independentAxes.figure
        figure.legend = .shared
        let layout = try ChartRenderer.layout(figure)
        let legend = try #require(layout.legend)
        #expect(layout.panels.allSatisfy { $0.legend == nil })
        let names = legend.items.map { $0.text.block.runs.map(\.text).joined() }
        #expect(names == (1...10).map { "series \($0)" })
        #expect(legend.box.minY >= layout.panels.map { $0.bounds.maxY }.max() ?? .infinity)
        #expect(legend.box.maxY <= figure.size.height)
    }

    @Test func annotationsStayInsideThePlotAndPointAtTheirData() throws {
        let layout = try ChartRenderer.layout(ChartGallery.annotations.figure)
        let panel = layout.panels[0]
        #expect(panel.annotations.count == 2)
        for note in panel.annotations.values {
            #expect(panel.plot.contains(note.text.box))
            let arrow = try #require(note.arrow)
            #expect(panel.plot.contains(arrow.to))
        }
    }

    @Test func invalidFiguresAreRejectedWithAMessage() {
        var figure = ChartGallery.annotations.figure
        figure.columns = 0
        #expect(throws: ChartError.self) { try ChartRenderer.layout(figure) }
        let mismatched = Figure(
            title: "t", description: "d",
            panels: [Panel(x: Axis("x"), y: Axis("y"), marks: [.line(Series("s", x: [1, 2], y: [1]))])])
        do {
            _ = try ChartRenderer.layout(mismatched)
            Issue.record("mismatched lengths accepted")
        } catch let error as ChartError {
            #expect(error.kind == .invalidFigure)
            #expect(error.description.contains("panel 1") && error.description.contains("2 x and 1 y"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        let tiny = Figure(title: "t", description: "d", size: Size(width: 40, height: 30), panels: ChartGallery.annotations.figure.panels)
        #expect(throws: ChartError.self) { try ChartRenderer.layout(tiny) }
        let badLog = Figure(
            title: "t", description: "d",
            panels: [Panel(x: Axis("x", scale: .log10, domain: 0...10), y: Axis("y"), marks: [])])
        #expect(throws: ChartError.self) { try ChartRenderer.layout(badLog) }
    }
}
