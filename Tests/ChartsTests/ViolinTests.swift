import Foundation
import Numerics
import Testing

@testable import ChartGallery
@testable import Charts

/// The area under a density by the trapezoid rule, in the scale's transformed space.
private func area(_ density: KernelDensity) -> Double {
    let t = density.values.compactMap(density.scale.transform)
    let f = density.densities
    var sum = 0.0
    for i in t.indices.dropFirst() { sum += (t[i] - t[i - 1]) * (f[i] + f[i - 1]) / 2 }
    return sum
}

@Suite struct KernelDensityTests {
    static let normals: [Double] = {
        var stream = NormalStream(seed: 21)
        return stream.next(4000)
    }()

    @Test func silvermanBandwidthFollowsTheRuleOfThumb() {
        let sorted = Self.normals.sorted()
        let n = Double(sorted.count)
        let mean = sorted.reduce(0, +) / n
        let deviation = (sorted.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        let iqr = Quantile.ofSorted(sorted, 0.75) - Quantile.ofSorted(sorted, 0.25)
        let expected = 0.9 * min(deviation, iqr / 1.34) * pow(n, -0.2)
        #expect(abs(KernelDensity.silvermanBandwidth(sorted: sorted) - expected) < 1e-12)
        // Equal samples have no spread: R's bw.nrd0 falls back to the value's magnitude.
        #expect(abs(KernelDensity.silvermanBandwidth(sorted: [3, 3, 3, 3]) - 0.9 * 3 * pow(4, -0.2)) < 1e-12)
        #expect(KernelDensity.silvermanBandwidth(sorted: [0, 0]) > 0)
    }

    @Test func estimateOfNormalSamplesIsTheNormalDensity() throws {
        let density = KernelDensity(samples: Self.normals)
        #expect(abs(area(density) - 1) < 0.02)
        let peak = try #require(density.densities.max())
        #expect(abs(peak - 1 / (2 * Double.pi).squareRoot()) < 0.03, "peak \(peak)")
        for (value, height) in zip(density.values, density.densities) where abs(value) < 2 {
            let exact = exp(-value * value / 2) / (2 * Double.pi).squareRoot()
            #expect(abs(height - exact) < 0.04, "f(\(value)) = \(height), exactly \(exact)")
        }
        // The shape ends at the extreme samples.
        #expect(density.values.first == Self.normals.min() && density.values.last == Self.normals.max())
        let quartiles = try #require(density.quartiles)
        #expect(abs(quartiles.median) < 0.06 && abs(quartiles.upper - 0.674) < 0.06 && abs(quartiles.lower + 0.674) < 0.06)
        #expect(density.pointMass == nil)
    }

    @Test func pointMassIsTakenOutOfTheDensity() throws {
        // ReLU outputs: the negative half of the normals becomes exactly zero.
        let relu = Self.normals.map { max(0, $0) }
        let density = KernelDensity(samples: relu, pointMass: 0)
        let mass = try #require(density.pointMass)
        let zeros = Double(relu.filter { $0 == 0 }.count) / Double(relu.count)
        #expect(mass.value == 0 && mass.fraction == zeros)
        #expect(abs(area(density) - (1 - zeros)) < 0.02, "the density carries only the positive share")
        #expect(density.values.allSatisfy { $0 > 0 }, "no values below the smallest positive sample")
        let quartiles = try #require(density.quartiles)
        #expect(quartiles.lower > 0, "quartiles describe the drawn shape, not the zeros")
    }

    @Test func logScaleEstimatesInDecades() throws {
        let logNormal = Self.normals.map { pow(10, $0) } + [0, -1, .nan]
        let density = KernelDensity(samples: logNormal, scale: .log10)
        #expect(density.scale == .log10 && density.values.allSatisfy { $0 > 0 })
        // 4000 of 4003 finite samples are positive.
        #expect(abs(area(density) - 4000.0 / 4002) < 0.02)
        let peak = try #require(zip(density.values, density.densities).max { $0.1 < $1.1 })
        #expect(abs(log10(peak.0)) < 0.3 && abs(peak.1 - 0.399) < 0.03)
    }

    @Test func degenerateAndEmptySamples() throws {
        let same = KernelDensity(samples: [2, 2, 2])
        #expect(same.values.count >= 2 && same.densities.allSatisfy(\.isFinite))
        #expect(abs(area(same) - 1) < 0.01, "equal samples show the kernel itself")
        let empty = KernelDensity(samples: [.nan, .infinity])
        #expect(empty.values.isEmpty && empty.densities.isEmpty && empty.quartiles == nil && empty.pointMass == nil)
        let allZero = KernelDensity(samples: [0, 0, 0], pointMass: 0)
        #expect(allZero.pointMass?.fraction == 1 && allZero.values.isEmpty && allZero.quartiles == nil)
    }
}

@Suite struct ViolinTests {
    static func figure(_ violins: Violins, y: Axis = Axis("y")) -> Figure {
        Figure(title: "violins", description: "d", panels: [Panel(x: Axis("x"), y: y, marks: [.violins(violins)])])
    }

    static let samples: [[Double]] = {
        var stream = NormalStream(seed: 4)
        return (1...3).map { k in stream.next(800).map { max(0, Double(k) * $0) } }
    }()

    @Test func theWidestViolinFillsItsCategoryAndNeighboursNeverTouch() throws {
        let violins = Violins("v", categories: .named(["a", "b", "c"]), samples: Self.samples, pointMass: 0)
        let layout = try #require(try ChartRenderer.layout(Self.figure(violins)).panels.first)
        let placed = MarkGeometry.placeViolins(violins, xMap: layout.xMap, yMap: layout.yMap, plot: layout.plot)
        #expect(placed.count == 3)
        let halfWidth = placed[0].halfWidth
        #expect(2 * halfWidth < placed[1].centre - placed[0].centre)
        var widest = 0.0
        for violin in placed {
            let centre = violin.centre
            widest = max(widest, violin.outline.map { abs($0.x - centre) }.max() ?? 0)
            // Mirrored: the left edge is the right edge reflected in the centre line.
            let half = violin.outline.count / 2
            for (right, left) in zip(violin.outline[..<half], violin.outline[half...].reversed()) {
                #expect(abs((right.x - centre) + (left.x - centre)) < 1e-9 && right.y == left.y)
            }
        }
        #expect(abs(widest - halfWidth) < 1e-9)
    }

    @Test func namedCategoriesBecomeTheTickLabels() throws {
        let violins = Violins(nil, categories: .named(["L_1", "L_2", "L_3"]), samples: Self.samples)
        let layout = try #require(try ChartRenderer.layout(Self.figure(violins)).panels.first)
        #expect(layout.x.major.map(\.value) == [1, 2, 3])
        #expect(layout.x.major.compactMap { $0.label?.runs.map(\.text).joined() } == ["L1", "L2", "L3"])
    }

    @Test(arguments: [Scale.linear, .log10])
    func positionedViolinsAreNotCutAtThePlotEdge(xScale: Scale) throws {
        let positions = xScale == .linear ? [1.0, 2, 3] : [10, 100, 1000]
        let violins = Violins(nil, categories: .at(positions), samples: Self.samples)
        let figure = Figure(
            title: "t", description: "d", panels: [Panel(x: Axis("x", scale: xScale), y: Axis("y"), marks: [.violins(violins)])])
        let layout = try #require(try ChartRenderer.layout(figure).panels.first)
        let placed = MarkGeometry.placeViolins(violins, xMap: layout.xMap, yMap: layout.yMap, plot: layout.plot)
        #expect(placed.count == 3)
        for violin in placed {
            #expect(violin.centre - violin.halfWidth >= layout.plot.minX && violin.centre + violin.halfWidth <= layout.plot.maxX)
        }
    }

    @Test func pointMassBarIsFilledToItsShareOnLinearAndLogAxes() throws {
        for (scale, axis) in [(Scale.linear, Axis("y")), (.log10, Axis("y", scale: .log10))] {
            var violins = Violins(nil, categories: .named(["a", "b", "c"]), samples: Self.samples, pointMass: 0, scale: scale)
            violins.showsQuartiles = false
            violins.style = Style(color: 1)
            let figure = Self.figure(violins, y: axis)
            let layout = try #require(try ChartRenderer.layout(figure).panels.first)
            let placed = MarkGeometry.placeViolins(violins, xMap: layout.xMap, yMap: layout.yMap, plot: layout.plot)
            let track = try #require(placed.first?.shareTrack)
            let share = try #require(placed.first?.density.pointMass?.fraction)
            #expect(share > 0.2 && share < 0.8)
            #expect(layout.plot.contains(track))
            if scale == .log10 {
                #expect(abs(track.maxY + 1 - layout.plot.maxY) < 1e-9, "zero rests on the bottom edge of a log axis")
            }
            let png = try ChartRenderer.render(figure, as: .png)
            // Inside the track: the violin's colour short of the share, the background beyond it.
            let filled = TestSupport.pixel(png, x: Int((track.minX + 0.5 * share * track.width) * 2), y: Int(track.midY * 2))
            let empty = TestSupport.pixel(png, x: Int((track.maxX - 0.5 * (1 - share) * track.width) * 2), y: Int(track.midY * 2))
            #expect(filled == TestSupport.Pixel(red: 0xD5, green: 0x5E, blue: 0x00), "\(scale): \(String(describing: filled))")
            #expect(empty == TestSupport.Pixel(red: 0xFF, green: 0xFF, blue: 0xFF), "\(scale): \(String(describing: empty))")
        }
    }

    @Test func legendListsTheShapeAndThePointMass() {
        let style = Style(color: 2)
        let named = Violins(
            "outputs", categories: .named(["a", "b", "c"]), samples: Self.samples, pointMass: 0, pointMassName: "share at 0", style: style)
        #expect(
            LegendEntry.entries([.violins(named)]) == [
                LegendEntry(sample: .patch(style, opacity: Violins.fillOpacity, outlined: true), name: "outputs"),
                LegendEntry(sample: .pointMass(style), name: "share at 0"),
            ])
        let withoutMass = Violins("outputs", categories: .named(["a", "b", "c"]), samples: Self.samples, pointMassName: "share at 0")
        #expect(LegendEntry.entries([.violins(withoutMass)]).count == 1)
    }

    @Test func emptyDistributionsGiveAnEmptyLabelledPanel() throws {
        let violins = Violins(nil, categories: .named(["a", "b"]), samples: [[], [.nan]], pointMass: 0)
        let figure = Self.figure(violins)
        let layout = try #require(try ChartRenderer.layout(figure).panels.first)
        #expect(layout.axisTitles.count == 2 && layout.x.major.count == 2)
        for format in Format.allCases { #expect(try !ChartRenderer.render(figure, as: format).isEmpty) }
    }

    @Test(arguments: [
        (Violins(nil, categories: .named(["a", "b"]), densities: [KernelDensity(samples: [1, 2])]), "2 categories and 1 densities"),
        (Violins(nil, categories: .at([.nan]), densities: [KernelDensity(samples: [1, 2])]), "finite"),
        (Violins(nil, categories: .named(["a"]), densities: [KernelDensity(samples: [1, 2], scale: .log10)]), "scale: .linear"),
        (Violins(nil, categories: .named(["a"]), densities: [KernelDensity(values: [0, 1], densities: [1])]), "2 values and 1 densities"),
        (Violins(nil, categories: .named(["a"]), densities: [KernelDensity(values: [1, 0], densities: [1, 1])]), "increasing"),
        (Violins(nil, categories: .named(["a"]), densities: [KernelDensity(values: [0, 1], densities: [1, -1])]), "not negative"),
        (
            Violins(
                nil, categories: .named(["a"]),
                densities: [KernelDensity(values: [], densities: [], pointMass: .init(value: 0, fraction: 2))]),
            "fraction"
        ),
        (
            Violins(
                nil, categories: .named(["a"]),
                densities: [KernelDensity(values: [], densities: [], quartiles: .init(lower: 2, median: 1, upper: 3))]),
            "in order"
        ),
    ])
    func inconsistentViolinsAreRejectedWithAMessage(violins: Violins, mentioned: String) {
        do {
            _ = try ChartRenderer.layout(Self.figure(violins))
            Issue.record("accepted: \(mentioned)")
        } catch let error as ChartError {
            #expect(error.kind == .invalidFigure)
            #expect(error.description.contains("mark 1") && error.description.contains(mentioned), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
