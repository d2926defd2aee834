import Foundation
import Testing

@testable import Charts

@Suite struct DecimalFormatTests {
    @Test func labelsUseTrueMinusAndCommonDecimals() {
        let ticks = DecimalTicks(first: -10, stride: 5, count: 5, exponent: -1)
        #expect(DecimalFormat.labels(ticks).labels == ["−1.0", "−0.5", "0", "0.5", "1.0"])
        #expect(DecimalFormat.labels(ticks).factor == nil)
        let quarters = DecimalTicks(first: 0, stride: 25, count: 3, exponent: -2)
        #expect(DecimalFormat.labels(quarters).labels == ["0", "0.25", "0.50"])
    }

    @Test func hugeAndTinyValuesShareAPowerOfTen() {
        let huge = DecimalTicks(first: 0, stride: 2, count: 6, exponent: 11)
        #expect(DecimalFormat.labels(huge).factor == 12)
        #expect(DecimalFormat.labels(huge).labels == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let tiny = DecimalTicks(first: -2, stride: 1, count: 5, exponent: -9)
        #expect(DecimalFormat.labels(tiny).factor == -9)
        #expect(DecimalFormat.labels(tiny).labels == ["−2", "−1", "0", "1", "2"])
        #expect(DecimalFormat.labels(DecimalTicks(first: 0, stride: 2, count: 3, exponent: 3)).labels == ["0", "2000", "4000"])
    }

    @Test func exactValuesWithoutBinaryNoise() {
        let ticks = DecimalTicks(first: 1, stride: 1, count: 3, exponent: -1)
        #expect(ticks.values == [0.1, 0.2, 0.3])
        #expect(DecimalFormat.labels(ticks).labels == ["0.1", "0.2", "0.3"])
    }

    @Test func powersOfTenUseSuperscripts() {
        #expect(DecimalFormat.powerOfTen(-4) == "10⁻⁴")
        #expect(DecimalFormat.powerOfTen(12) == "10¹²")
        #expect(DecimalFormat.powerOfTen(0) == "10⁰")
    }
}

@Suite struct ExtendedWilkinsonTests {
    @Test func classicRanges() throws {
        let unit = try #require(ExtendedWilkinson.ticks(0, 1, target: 6))
        #expect(unit.values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        let hundred = try #require(ExtendedWilkinson.ticks(0, 97, target: 5))
        #expect(hundred.values.first == 0 && hundred.values.last == 100)
        let negative = try #require(ExtendedWilkinson.ticks(-3.2, 7.1, target: 5))
        #expect(negative.values.contains(0))
    }

    @Test func boundsKeepTicksInside() throws {
        let ticks = try #require(ExtendedWilkinson.ticks(0.31, 0.32, target: 5, bounds: 0.31...0.32))
        #expect(ticks.values.allSatisfy { $0 >= 0.31 && $0 <= 0.32 })
        #expect(ticks.count >= 2)
    }
}

/// Resolves axes over many ranges and lengths and checks what a reader needs.
@Suite struct AxisTickTests {
    static let linearRanges: [ClosedRange<Double>] = [
        0...1, 0...97, -3...7, 1...(1 + 1e-9), 0...1e-9, -5e-10...5e-10, 0...1e12, 1e12...1.000001e12,
        -1e12...(-1e11), -273.15...(-0.5), 5...5, 0...0, -7...(-7), 123_456...123_789, 0.001...0.002, -1...1e6,
    ]
    static let lengths: [Double] = [60, 150, 400]

    static func resolve(_ range: ClosedRange<Double>, scale: Scale = .linear, side: AxisSide, length: Double) throws -> ResolvedAxis {
        let request = AxisResolver.Request(
            axis: Axis("x", scale: scale),
            extent: Extent(low: try #require(scale.transform(range.lowerBound)), high: try #require(scale.transform(range.upperBound))),
            categories: nil, side: side)
        return AxisResolver(measurer: try TextMeasurer()).resolve(request, length: length)
    }

    /// Whether decimal labels are all multiples of one unit u = q × 10ⁿ (q = 1, 2, 2.5 or 5)
    /// that is at least a sixth of their spacing: round numbers, checked in exact decimals.
    static func areRound(_ labels: [String]) -> Bool {
        let values = labels.compactMap { Foundation.Decimal(string: $0.replacingOccurrences(of: "−", with: "-")) }
        guard values.count == labels.count, values.count >= 2 else { return values.count == labels.count }
        func isInteger(_ d: Foundation.Decimal) -> Bool {
            var input = d, rounded = Foundation.Decimal()
            NSDecimalRound(&rounded, &input, 0, .plain)
            return rounded == d
        }
        let step = zip(values, values.dropFirst()).map { $1 - $0 }.min() ?? 1
        let exponent = Int(floor(log10(NSDecimalNumber(decimal: step).doubleValue)))
        for z in (exponent - 1)...exponent {
            for q in ["1", "2", "2.5", "5"] {
                guard let unit = Foundation.Decimal(string: "\(q)e\(z)") else { continue }
                let ratio = step / unit
                if isInteger(ratio), ratio <= 6, values.allSatisfy({ isInteger($0 / unit) }) { return true }
            }
        }
        return false
    }

    /// Labels are measured and kept apart along the axis.
    static func expectReadable(_ axis: ResolvedAxis, _ context: String) {
        let plot = Rect(x: 0, y: 0, width: axis.side == .bottom ? axis.length : 1, height: axis.side == .bottom ? 1 : axis.length)
        let boxes = axis.tickLabels(in: plot).map(\.box)
        #expect(!boxes.isEmpty, "no labels: \(context)")
        #expect(TestSupport.firstOverlap(boxes.map { $0.insetBy(-0.5) }) == nil, "overlapping labels: \(context)")
        #expect(axis.major.count <= 16, "too many ticks: \(context)")
        #expect(axis.major.allSatisfy { $0.position >= -1e-6 && $0.position <= axis.length + 1e-6 }, "tick outside: \(context)")
    }

    @Test(arguments: linearRanges)
    func linearTicksAreRoundCoverTheDataAndFit(range: ClosedRange<Double>) throws {
        for length in Self.lengths {
            for side in [AxisSide.bottom, .left] {
                let axis = try Self.resolve(range, side: side, length: length)
                let context = "\(range) on \(length) pt \(side)"
                Self.expectReadable(axis, context)
                #expect(axis.lower <= range.lowerBound && axis.upper >= range.upperBound, "domain misses data: \(context)")
                let values = axis.major.map(\.value)
                #expect(values.count >= 2 && values.count <= 12, "\(values.count) ticks: \(context)")
                let labels = axis.major.compactMap { $0.label?.runs.map(\.text).joined() }
                #expect(Self.areRound(labels), "not round: \(labels), \(context)")
                // Cover: the ticks span most of the data.
                let span = max(range.upperBound - range.lowerBound, 1e-300)
                if span > 1e-300 {
                    #expect(values[values.count - 1] - values[0] >= 0.4 * span, "ticks cover too little: \(context)")
                }
            }
        }
    }

    @Test(arguments: 1...12)
    func logAxesLabelDecadesWithoutOverlap(decades: Int) throws {
        for length in Self.lengths {
            for side in [AxisSide.bottom, .left] {
                let range = 1.0...pow(10, Double(decades))
                let axis = try Self.resolve(range, scale: .log10, side: side, length: length)
                let context = "\(decades) decades on \(length) pt \(side)"
                Self.expectReadable(axis, context)
                // One decade is labelled in decimals spread over it (1, 2, 5, 10) where they fit.
                for tick in axis.major where decades > 1 {
                    let exponent = log10(tick.value)
                    #expect(abs(exponent - exponent.rounded()) < 1e-9, "\(tick.value) is not a decade: \(context)")
                    if let label = tick.label {
                        #expect(label.runs.map(\.text).joined() == DecimalFormat.powerOfTen(Int(exponent.rounded())))
                    }
                }
                if decades == 1 {
                    let labels = axis.major.compactMap { $0.label?.runs.map(\.text).joined() }
                    let allowed = Set((1...10).map(String.init) + ["10⁰", "10¹"])
                    #expect(labels.count >= 2 && labels.allSatisfy(allowed.contains), "\(labels): \(context)")
                }
                #expect(pow(10, axis.lower) <= 1 && pow(10, axis.upper) >= range.upperBound, "domain misses data: \(context)")
                if decades <= 4 && length >= 150 {
                    #expect(axis.minor.count >= 8 * decades - 8, "missing 2…9 minor ticks: \(context)")
                }
            }
        }
    }

    @Test func narrowLogRangesGetRoundLabels() throws {
        let axis = try Self.resolve(2...15, scale: .log10, side: .bottom, length: 300)
        Self.expectReadable(axis, "2…15 log")
        #expect(axis.major.filter { $0.label != nil }.count >= 2)
        #expect(axis.major.allSatisfy { $0.value > 0 })
    }

    /// A log axis of less than a decade on a short side once had a single label, which shows
    /// no scale at all.
    @Test func shortNarrowLogAxesShowTwoLabelsAtLeast() throws {
        for (range, length) in [(1.2...3.9, 60.0), (0.3...2.5, 60), (0.02...0.15, 80), (150.0...900, 120)] {
            let axis = try Self.resolve(range, scale: .log10, side: .left, length: length)
            Self.expectReadable(axis, "\(range) log on \(length) pt")
            let labelled = axis.major.filter { $0.label != nil }
            #expect(labelled.count >= 2, "\(range) log on \(length) pt")
            let (low, high) = (pow(10, axis.lower) * (1 - 1e-9), pow(10, axis.upper) * (1 + 1e-9))
            #expect(labelled.allSatisfy { low <= $0.value && $0.value <= high })
        }
    }

    @Test func narrowLogRangesOfHugeValuesKeepTheirPowerOfTen() throws {
        let axis = try Self.resolve(2e6...1.5e7, scale: .log10, side: .left, length: 200)
        #expect(axis.title.runs.map(\.text).joined().hasSuffix("(×10⁷)"))
        Self.expectReadable(axis, "2e6…1.5e7 log")
    }

    @Test func labelsAreMeasuredWithTheRealFont() throws {
        let measurer = try TextMeasurer()
        for text in ["0.25", "−1000", "10⁻⁴", "σ′(x)"] {
            let block = measurer.block(RichText(plain: text), size: 9)
            #expect(abs(block.advance - TestSupport.advance(text, size: 9)) < 1e-9, "\(text)")
            #expect(block.advance > 0)
        }
    }

    @Test func explicitDomainKeepsTicksInside() throws {
        let request = AxisResolver.Request(axis: Axis("x", domain: 0.31...0.32), extent: nil, categories: nil, side: .bottom)
        let axis = AxisResolver(measurer: try TextMeasurer()).resolve(request, length: 300)
        #expect(abs(axis.lower - 0.31) < 1e-12 && abs(axis.upper - 0.32) < 1e-12)
        #expect(axis.major.allSatisfy { $0.value >= 0.31 - 1e-12 && $0.value <= 0.32 + 1e-12 })
        #expect(axis.major.count >= 2)
    }

    @Test func hugeValuesMoveTheirPowerOfTenIntoTheTitle() throws {
        let axis = try Self.resolve(0...3e12, side: .bottom, length: 300)
        #expect(axis.title.runs.map(\.text).joined().hasSuffix("(×10¹²)"))
        #expect(axis.major.compactMap(\.label).allSatisfy { $0.advance < 30 })
    }
}
