import Foundation
import Testing

@testable import Charts

@Suite struct GeometryTests {
    static let plot = Rect(x: 50, y: 20, width: 400, height: 250)

    static func maps(x: ClosedRange<Double>, y: ClosedRange<Double>, xScale: Scale = .linear) -> (AxisMap, AxisMap) {
        let tx = (xScale.transform(x.lowerBound) ?? 0)...(xScale.transform(x.upperBound) ?? 1)
        return (
            AxisMap(scale: xScale, lower: tx.lowerBound, upper: tx.upperBound, start: plot.minX, end: plot.maxX),
            AxisMap(scale: .linear, lower: y.lowerBound, upper: y.upperBound, start: plot.maxY, end: plot.minY)
        )
    }

    /// Distance from p to the segment a–b.
    static func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let t = dx == 0 && dy == 0 ? 0 : max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)))
        let cx = a.x + t * dx - p.x, cy = a.y + t * dy - p.y
        return (cx * cx + cy * cy).squareRoot()
    }

    @Test func simplifiedLinesStayWithinToleranceOfEveryPoint() {
        let x = (0..<2000).map { Double($0) / 1999 * 20 }
        let y = x.map { sin($0) + 0.3 * sin(7 * $0) }
        let (xMap, yMap) = Self.maps(x: 0...20, y: -1.4...1.4)
        var runs: [[Point]] = []
        let tolerance = MarkGeometry.simplificationTolerance
        MarkGeometry.forEachSimplifiedVertex(
            x: x, y: y, xMap: xMap, yMap: yMap, plot: Self.plot, tolerance: tolerance,
            moveTo: { runs.append([$0]) }, lineTo: { runs[runs.count - 1].append($0) })
        #expect(runs.count == 1)
        let vertices = runs.flatMap { $0 }
        #expect(vertices.count < x.count / 2, "only \(x.count - vertices.count) of \(x.count) points dropped")
        for (vx, vy) in zip(x, y) {
            let p = Point(x: xMap.position(vx)!, y: yMap.position(vy)!)
            let nearest = zip(vertices, vertices.dropFirst()).map { Self.distance(p, $0, $1) }.min() ?? .infinity
            #expect(nearest <= 2 * tolerance + 1e-9, "point \(p) is \(nearest) pt from the drawn line")
        }
        #expect(vertices.first == Point(x: xMap.position(0)!, y: yMap.position(y[0])!))
        #expect(vertices.last == Point(x: xMap.position(20)!, y: yMap.position(y[y.count - 1])!))
    }

    @Test func gapsAndReversalsSurviveSimplification() {
        // Collinear points that double back must keep their turning points.
        let x: [Double] = [0, 2, 1, 3, .nan, 5, 6, 7]
        let y: [Double] = [0, 0, 0, 0, 1, 1, 1, 1]
        let (xMap, yMap) = Self.maps(x: 0...7, y: 0...5)
        var moves = 0
        var vertices: [Point] = []
        MarkGeometry.forEachSimplifiedVertex(
            x: x, y: y, xMap: xMap, yMap: yMap, plot: Self.plot, tolerance: 0.05,
            moveTo: {
                moves += 1; vertices.append($0)
            }, lineTo: { vertices.append($0) })
        #expect(moves == 2)
        let expected = [(0.0, 0.0), (2, 0), (1, 0), (3, 0), (5, 1), (7, 1)].map { Point(x: xMap.position($0)!, y: yMap.position($1)!) }
        #expect(vertices == expected)
    }

    @Test func segmentsAreClippedNotSentToInfinity() {
        let (xMap, yMap) = Self.maps(x: 0...1, y: 0...1)
        var pieces: [(Point, Point)] = []
        MarkGeometry.forEachSegment(x: [0, 0.5, 1], y: [0.5, 1e300, 0.5], xMap: xMap, yMap: yMap, plot: Self.plot) {
            a, b, _ in pieces.append((a, b))
        }
        let window = Self.plot.insetBy(-MarkGeometry.clipMargin - 1e-6)
        #expect(pieces.count == 2)
        #expect(pieces.allSatisfy { window.contains($0.0) && window.contains($0.1) })
    }

    @Test func clipSettlesInsideAndOutsideSegmentsAndCutsCrossingOnes() throws {
        let box = Rect(x: 0, y: 0, width: 10, height: 10)
        let inside = try #require(box.clip(Point(x: 1, y: 1), Point(x: 9, y: 2)))
        #expect(inside.0 == Point(x: 1, y: 1) && inside.1 == Point(x: 9, y: 2))
        #expect(box.clip(Point(x: -5, y: 1), Point(x: -1, y: 9)) == nil)
        #expect(box.clip(Point(x: 1, y: 11), Point(x: 9, y: 30)) == nil)
        // Outside at both ends, but through the box.
        let through = try #require(box.clip(Point(x: -5, y: 5), Point(x: 15, y: 5)))
        #expect(through.0 == Point(x: 0, y: 5) && through.1 == Point(x: 10, y: 5))
        // Outside at both ends and beside the box, though on no single side of it.
        #expect(box.clip(Point(x: -5, y: 8), Point(x: 2, y: 20)) == nil)
    }

    @Test func logScaleSkipsNonPositiveValues() {
        let (xMap, yMap) = Self.maps(x: 1...100, y: 0...1, xScale: .log10)
        var count = 0
        MarkGeometry.forEachSegment(x: [1, -1, 10, 0, 100], y: [0.5, 0.5, 0.5, 0.5, 0.5], xMap: xMap, yMap: yMap, plot: Self.plot) {
            _, _, _ in count += 1
        }
        #expect(count == 0)
        #expect(xMap.position(10) == Self.plot.midX)
    }

    @Test func histogramDensityIntegratesToOne() {
        let histogram = Histogram("h", edges: [0, 1, 3, 4], values: [2, 4, 2], normalization: .density)
        let heights = histogram.heights
        let area = zip(heights, zip(histogram.edges, histogram.edges.dropFirst())).map { $0 * ($1.1 - $1.0) }.reduce(0, +)
        #expect(abs(area - 1) < 1e-12)
        #expect(Histogram("empty", edges: [0, 1], values: [0], normalization: .density).heights == [0])
    }

    @Test func boxSummaryFollowsTukey() throws {
        let summary = try #require(BoxSummary(samples: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, .nan]))
        #expect(summary.median == 5.5)
        #expect(summary.lowerQuartile == 3.25 && summary.upperQuartile == 7.75)
        #expect(summary.upperWhisker == 9 && summary.outliers == [100])
        #expect(BoxSummary(samples: [.nan]) == nil)
    }
}
