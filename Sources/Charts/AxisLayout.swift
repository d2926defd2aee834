import Foundation

/// Where an axis's tick labels sit relative to the plot area.
enum AxisSide: Sendable, Hashable {
    case bottom, left, right
}

/// The data range of one axis, in the scale's transformed space.
struct Extent: Sendable, Hashable {
    var low: Double
    var high: Double
    /// An end that must not be padded, such as the zero baseline of a histogram.
    var stickyLow = false
    var stickyHigh = false
}

/// A tick with its position along the axis (points from the lower end of the domain).
struct AxisTick: Sendable, Hashable {
    var value: Double
    var position: Double
    var label: TextBlock?
}

/// An axis after layout: the final domain, the ticks that fit its length and the title.
struct ResolvedAxis: Sendable, Hashable {
    var scale: Scale
    /// The domain in transformed space.
    var lower: Double
    var upper: Double
    var length: Double
    var side: AxisSide
    var major: [AxisTick]
    /// Positions along the axis.
    var minor: [Double]
    /// The axis title, with the common factor of the tick labels (×10ⁿ) appended.
    var title: TextBlock
    /// Half the height of a digit, to centre vertical-axis labels on their ticks.
    var digitHalfHeight: Double

    /// The map from data values to page positions for a plot area.
    func map(in plot: Rect) -> AxisMap {
        switch side {
        case .bottom: AxisMap(scale: scale, lower: lower, upper: upper, start: plot.minX, end: plot.maxX)
        case .left, .right: AxisMap(scale: scale, lower: lower, upper: upper, start: plot.maxY, end: plot.minY)
        }
    }

    /// Page point of a position along the axis, on the axis line.
    func point(_ position: Double, plot: Rect) -> Point {
        switch side {
        case .bottom: Point(x: plot.minX + position, y: plot.maxY)
        case .left: Point(x: plot.minX, y: plot.maxY - position)
        case .right: Point(x: plot.maxX, y: plot.maxY - position)
        }
    }

    /// The tick labels placed on the page, outside the plot beyond the ticks.
    func tickLabels(in plot: Rect) -> [PlacedText] {
        major.compactMap { tick in
            tick.label.map { Self.place($0, at: point(tick.position, plot: plot), side: side, digitHalfHeight: digitHalfHeight) }
        }
    }

    /// The axis title placed beyond the tick labels, centred on the axis.
    func placedTitle(in plot: Rect) -> PlacedText? {
        guard !title.isEmpty else { return nil }
        let labels = tickLabels(in: plot)
        let gap = Metrics.axisTitleGap
        switch side {
        case .bottom:
            let top = labels.map(\.box.maxY).max() ?? plot.maxY + Metrics.majorTick
            return PlacedText(title, at: Point(x: plot.midX, y: top + gap), .center, .top)
        case .left:
            let right = labels.map(\.box.minX).min() ?? plot.minX - Metrics.majorTick
            let x = right - gap - title.descent
            return PlacedText(title, origin: Point(x: x, y: plot.midY + title.advance / 2), vertical: true)
        case .right:
            let left = labels.map(\.box.maxX).max() ?? plot.maxX + Metrics.majorTick
            let x = left + gap + title.ascent
            return PlacedText(title, origin: Point(x: x, y: plot.midY + title.advance / 2), vertical: true)
        }
    }

    /// One label placed at its tick: centred under a bottom axis; beside a vertical axis,
    /// with the digits (not the ink box) centred so that 10⁻⁴ and 10² share a baseline offset.
    static func place(_ label: TextBlock, at tick: Point, side: AxisSide, digitHalfHeight: Double) -> PlacedText {
        let offset = Metrics.majorTick + Metrics.tickLabelGap
        switch side {
        case .bottom:
            return PlacedText(label, at: Point(x: tick.x, y: tick.y + offset), .center, .top)
        case .left:
            return PlacedText(label, origin: Point(x: tick.x - offset - label.advance, y: tick.y + digitHalfHeight))
        case .right:
            return PlacedText(label, origin: Point(x: tick.x + offset, y: tick.y + digitHalfHeight))
        }
    }
}

/// Chooses domains and ticks for an axis of a given length, measuring every label so that
/// none overlap.
struct AxisResolver {
    let measurer: TextMeasurer

    /// What an axis shows, independent of its length.
    struct Request: Sendable, Hashable {
        var axis: Axis
        var extent: Extent?
        /// Names for the integer positions 1, 2, 3, ... (box plots), replacing numeric ticks.
        var categories: [String]?
        var side: AxisSide
        /// Hidden on inner panels of small multiples: the ticks stay, labels and title go.
        var showsLabels = true
    }

    func resolve(_ request: Request, length: Double) -> ResolvedAxis {
        let digitHalfHeight = measurer.block(RichText(plain: "0"), size: Metrics.tickFont).ascent / 2
        var axis = ResolvedAxis(
            scale: request.axis.scale, lower: 0, upper: 1, length: length, side: request.side,
            major: [], minor: [], title: measurer.block(markup: request.axis.label, size: Metrics.axisTitleFont),
            digitHalfHeight: digitHalfHeight)
        var factor: Int?
        if let categories = request.categories, !categories.isEmpty {
            resolveCategories(categories, into: &axis)
        } else {
            (axis.lower, axis.upper) = domain(request)
            switch request.axis.scale {
            case .linear: factor = resolveLinear(explicit: request.axis.domain != nil, into: &axis)
            case .log10: factor = resolveLog(into: &axis)
            }
        }
        if !request.showsLabels {
            axis.title = measurer.block(RichText(plain: ""), size: Metrics.axisTitleFont)
            for index in axis.major.indices { axis.major[index].label = nil }
        } else if let factor {
            let suffix = "×" + DecimalFormat.powerOfTen(factor)
            let title = RichText(markup: request.axis.label)
            axis.title = measurer.block(
                title.isEmpty ? RichText(plain: suffix) : title.appending(" (\(suffix))"), size: Metrics.axisTitleFont)
        }
        return axis
    }

    /// The domain in transformed space: explicit, or the data range made non-degenerate,
    /// padded and (on log axes) snapped to a nearby decade.
    func domain(_ request: Request) -> (Double, Double) {
        let scale = request.axis.scale
        if let explicit = request.axis.domain,
            let lower = scale.transform(explicit.lowerBound), let upper = scale.transform(explicit.upperBound), lower < upper
        {
            return (lower, upper)
        }
        var extent = request.extent ?? Extent(low: 0, high: 1)
        let magnitude = max(abs(extent.low), abs(extent.high))
        if !(extent.high - extent.low > max(magnitude * 1e-10, 1e-290)) {
            let center = (extent.low + extent.high) / 2
            let half = scale == .log10 ? 0.5 : (center == 0 ? 1 : abs(center) * 0.1)
            extent = Extent(low: center - half, high: center + half)
        }
        let pad = (extent.high - extent.low) * Metrics.domainPadding
        var lower = extent.stickyLow ? extent.low : extent.low - pad
        var upper = extent.stickyHigh ? extent.high : extent.high + pad
        if scale == .log10 {
            let snap = (upper - lower) * Metrics.decadeSnap
            if lower - lower.rounded(.down) <= snap { lower = lower.rounded(.down) }
            if upper.rounded(.up) - upper <= snap { upper = upper.rounded(.up) }
        }
        return (lower, upper)
    }

    private func position(_ t: Double, _ axis: ResolvedAxis) -> Double {
        (t - axis.lower) / (axis.upper - axis.lower) * axis.length
    }

    /// Round-number ticks; an automatic domain may grow by a little to end on a tick, an
    /// explicit one keeps every tick inside. Returns the common power of ten of the labels.
    private func resolveLinear(explicit: Bool, into axis: inout ResolvedAxis) -> Int? {
        let slack = (axis.upper - axis.lower) * (explicit ? 1e-9 : Metrics.tickOverhang)
        let factor = placeRoundTicks(
            axis.lower, axis.upper, bounds: (axis.lower - slack)...(axis.upper + slack), extendingDomain: true, on: &axis)
        thinLabels(&axis)
        return factor
    }

    /// Extended-Wilkinson ticks for data values in `low...high`, placed through the axis's
    /// scale, fewer and fewer until their labels fit (or the fewest when none do). Returns the
    /// common power of ten of the labels.
    private func placeRoundTicks(
        _ low: Double, _ high: Double, bounds: ClosedRange<Double>?, extendingDomain: Bool, on axis: inout ResolvedAxis
    ) -> Int? {
        var candidate: (axis: ResolvedAxis, factor: Int?)?
        for target in stride(from: targetCount(axis), through: 2, by: -1) {
            guard let decimal = ExtendedWilkinson.ticks(low, high, target: target, bounds: bounds) else { break }
            let values = decimal.values
            let (labels, factor) = DecimalFormat.labels(decimal)
            var trial = axis
            if extendingDomain, let first = values.first.flatMap(axis.scale.transform),
                let last = values.last.flatMap(axis.scale.transform)
            {
                trial.lower = min(trial.lower, first)
                trial.upper = max(trial.upper, last)
            }
            let tolerance = (trial.upper - trial.lower) * 1e-9
            trial.major = zip(values, labels).compactMap { value, label in
                guard let t = axis.scale.transform(value), t >= trial.lower - tolerance, t <= trial.upper + tolerance
                else { return nil }
                return AxisTick(
                    value: value, position: position(t, trial),
                    label: measurer.block(RichText(plain: label), size: Metrics.tickFont))
            }
            candidate = (trial, factor)
            if labelsFit(trial) { break }
        }
        guard let candidate else { return nil }
        axis = candidate.axis
        return candidate.factor
    }

    /// Decades as major ticks, labelled 10ⁿ, every s-th decade when all do not fit; minor
    /// ticks at 2…9 × 10ⁿ when decades are long enough. Spans with one or two decade ticks
    /// get round-number ticks instead, since so few decade labels show little of the scale;
    /// their common power of ten, if any, is returned.
    private func resolveLog(into axis: inout ResolvedAxis) -> Int? {
        let firstDecade = Int((axis.lower - 1e-9).rounded(.up))
        let lastDecade = Int((axis.upper + 1e-9).rounded(.down))
        let decadeLength = axis.length / (axis.upper - axis.lower)
        guard lastDecade > firstDecade else { return resolveNarrowLog(into: &axis, decadeLength: decadeLength) }
        if lastDecade == firstDecade + 1, placeLogMantissas(&axis, decadeLength: decadeLength, atLeast: 3) { return nil }
        let strides = [1, 2, 3, 4, 5, 6, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
        var chosen = strides[strides.count - 1]
        for s in strides {
            axis.major = (firstDecade...lastDecade).filter { $0 % s == 0 }.map(decadeTick(axis))
            chosen = s
            if labelsFit(axis) { break }
        }
        if chosen == 1 {
            axis.minor = decadeLength >= Metrics.minorDecadeLength ? minorLogTicks(axis) : []
        } else if decadeLength >= 3 {
            axis.minor = (firstDecade...lastDecade).filter { $0 % chosen != 0 }.map { position(Double($0), axis) }
        }
        thinLabels(&axis)
        return nil
    }

    private func decadeTick(_ axis: ResolvedAxis) -> (Int) -> AxisTick {
        { decade in
            AxisTick(
                value: DecimalFormat.value(1, decade), position: position(Double(decade), axis),
                label: measurer.block(RichText(plain: DecimalFormat.powerOfTen(decade)), size: Metrics.tickFont))
        }
    }

    /// Fewer than two decade ticks: round-number ticks, spread evenly on the log axis when
    /// ``placeLogMantissas(_:decadeLength:atLeast:)`` can.
    private func resolveNarrowLog(into axis: inout ResolvedAxis, decadeLength: Double) -> Int? {
        if placeLogMantissas(&axis, decadeLength: decadeLength, atLeast: 2) { return nil }
        let factor = placeRoundTicks(pow(10, axis.lower), pow(10, axis.upper), bounds: nil, extendingDomain: false, on: &axis)
        axis.minor = decadeLength >= Metrics.minorDecadeLength ? minorLogTicks(axis) : []
        thinLabels(&axis)
        return factor
    }

    /// Ticks at 1…9, else 1, 2, 5, else 1, 3 times powers of ten, the densest whose labels fit
    /// with `atLeast` inside the domain, written out as decimals: on an axis of one or two
    /// decades, decade labels show little of the scale (and round numbers of one step crowd at
    /// its top). False, leaving the axis alone, when none fit or the values are too large or
    /// small to write out.
    private func placeLogMantissas(_ axis: inout ResolvedAxis, decadeLength: Double, atLeast: Int) -> Bool {
        let first = Int(axis.lower.rounded(.down)), last = Int(axis.upper.rounded(.up))
        guard (-3...4).contains(first), (-3...4).contains(last) else { return false }
        let tolerance = (axis.upper - axis.lower) * 1e-9
        for mantissas in [Array(1...9), [1, 2, 5], [1, 3]] {
            var trial = axis
            trial.major = (first...last).flatMap { decade in mantissas.map { (decade, $0) } }.compactMap { decade, mantissa in
                let value = DecimalFormat.value(mantissa, decade)
                guard let t = Scale.log10.transform(value), t >= axis.lower - tolerance, t <= axis.upper + tolerance
                else { return nil }
                return AxisTick(
                    value: value, position: position(t, axis),
                    label: measurer.block(RichText(plain: DecimalFormat.format(mantissa, decade)), size: Metrics.tickFont))
            }
            guard trial.major.count >= atLeast, labelsFit(trial) else { continue }
            axis = trial
            axis.minor = decadeLength >= Metrics.minorDecadeLength ? minorLogTicks(axis) : []
            return true
        }
        return false
    }

    /// Positions of 1…9 × 10ⁿ inside the domain that are not already major ticks.
    private func minorLogTicks(_ axis: ResolvedAxis) -> [Double] {
        let majors = Set(axis.major.map(\.value))
        var positions: [Double] = []
        let first = Int(axis.lower.rounded(.down)), last = Int(axis.upper.rounded(.up))
        guard first <= last else { return [] }
        for decade in first...last {
            for multiple in 1...9 {
                let value = DecimalFormat.value(multiple, decade)
                guard !majors.contains(value), let t = Scale.log10.transform(value), t > axis.lower, t < axis.upper
                else { continue }
                positions.append(position(t, axis))
            }
        }
        return positions
    }

    private func resolveCategories(_ categories: [String], into axis: inout ResolvedAxis) {
        axis.lower = 0.5
        axis.upper = Double(categories.count) + 0.5
        axis.major = categories.enumerated().map { index, name in
            let value = Double(index + 1)
            return AxisTick(
                value: value, position: position(value, axis),
                label: measurer.block(markup: name, size: Metrics.tickFont))
        }
        thinLabels(&axis)
    }

    /// About one tick per 75 points across and per 45 points up, between 2 and 10: the spacing
    /// of a printed paper figure with 9 pt labels.
    private func targetCount(_ axis: ResolvedAxis) -> Int {
        let spacing = axis.side == .bottom ? 75.0 : 45.0
        return min(10, max(2, Int((axis.length / spacing).rounded()) + 1))
    }

    /// Whether consecutive labels keep the minimum spacing along the axis.
    func labelsFit(_ axis: ResolvedAxis) -> Bool {
        let plot = Rect(x: 0, y: 0, width: axis.side == .bottom ? axis.length : 1, height: axis.side == .bottom ? 1 : axis.length)
        let boxes = axis.tickLabels(in: plot).map(\.box)
        if axis.side == .bottom {
            let spacing = Metrics.labelSpacingAlong * Metrics.tickFont
            return zip(boxes, boxes.dropFirst()).allSatisfy { $0.maxX + spacing <= $1.minX }
        }
        let spacing = Metrics.labelSpacingAcross * Metrics.tickFont
        return zip(boxes, boxes.dropFirst()).allSatisfy { $1.maxY + spacing <= $0.minY }
    }

    /// Removes labels (keeping the ticks) until the rest fit: every second, third, ... label,
    /// down to a single one, which always fits.
    private func thinLabels(_ axis: inout ResolvedAxis) {
        guard !labelsFit(axis) else { return }
        let all = axis.major
        let labelled = all.indices.filter { all[$0].label != nil }
        for keepEvery in 2...max(2, labelled.count) {
            axis.major = all
            for (rank, index) in labelled.enumerated() where rank % keepEvery != 0 {
                axis.major[index].label = nil
            }
            if labelsFit(axis) { return }
        }
    }
}
