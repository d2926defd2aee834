import Foundation

/// Weights are written as float32, which holds magnitudes up to 3.4e38 and keeps full precision
/// down to 1.18e-38, the smallest normal number; below it precision is lost bit by bit, and
/// under 7e-46 a weight rounds to 0. A rule whose weights leave that range writes `inf` or
/// zeros, so the range is checked before drawing, for the rule with every option it was given
/// and the fans of the layer.
public enum FloatRange {
    /// float32's largest finite magnitude.
    public static let largest = Double(Float.greatestFiniteMagnitude)

    /// float32's smallest normal magnitude: an exact weight (a constant, the identity's gain)
    /// that is not 0 must be at least this to keep its precision.
    public static let smallestExact = Double(Float.leastNormalMagnitude)

    /// The smallest standard deviation of random weights: 1024 times the smallest normal
    /// float32 (2⁻¹¹⁶, about 1.2e-35). A draw of standard deviation σ falls below x with
    /// probability at most 0.8·x/σ (the normal's density at 0 is 0.399/σ, the truncated
    /// normal's 0.368/σ, the uniform's 0.289/σ), so fewer than one weight in a thousand
    /// becomes subnormal or 0.
    public static let smallestStandardDeviation = smallestExact * 1024

    /// The largest |z| that `RandomSource.nextNormalPair` (Marsaglia's polar method) returns:
    /// |z| ≤ √(−2 ln s) for the point's s = u² + v², and u and v are multiples of 2⁻⁵², so
    /// s ≥ 2⁻¹⁰⁴ and |z| ≤ √(208 ln 2) ≈ 12.01.
    static let largestStandardNormal = (208 * log(2.0)).squareRoot()
}

extension WeightDistribution {
    /// The largest magnitude a draw can take with the generator in use.
    var largestDraw: Double {
        switch self {
        case .uniform(let bound): bound
        case .normal(let std): std * FloatRange.largestStandardNormal
        case .truncatedNormal(let std): TruncatedNormal.bound(std: std)
        }
    }
}

extension Rule {
    /// Checks that a layer with these fans gets weights float32 can hold: none beyond its
    /// largest number and, for random weights, a standard deviation of at least
    /// ``FloatRange/smallestStandardDeviation``; exact weights are 0 or normal numbers.
    /// - Throws: ``RuleError/notRepresentable(_:value:problem:limit:)`` naming the option that moved
    ///   the scale furthest in the failing direction, with the limit on that option.
    public func checkFloatRange(for fans: Fans) throws(RuleError) {
        let scale = Scale(of: self, fans: fans)
        let problem: RuleError.FloatProblem
        if scale.largest > FloatRange.largest {
            problem = .overflow(largest: scale.largest)
        } else if scale.exact, scale.typical > 0, scale.typical < FloatRange.smallestExact {
            problem = .subnormal(value: scale.typical)
        } else if !scale.exact, !(scale.typical >= FloatRange.smallestStandardDeviation) {
            problem = .vanishing(standardDeviation: scale.typical)
        } else {
            return
        }
        let overflow = if case .overflow = problem { true } else { false }
        // Each option multiplies the scale by a factor against its reference value; the most
        // extreme factor in the failing direction points at the option to change.
        let current = scale.magnitude(overflow)
        let options = scaleOptions.map { option in
            let factor = current / Scale(of: with(option, option.reference), fans: fans).magnitude(overflow)
            // 0/0: the weights vanish whatever this option is.
            return (option, factor: factor.isNaN ? 1 : factor)
        }
        // The slope only ever shrinks the weights, so it is to blame only when weights would
        // vanish and the slope 0 would not make them so.
        let slopeCanHelp = !overflow && Scale(of: with(.slope, 0), fans: fans).typical >= FloatRange.smallestStandardDeviation
        let candidates = options.filter { $0.0.parameter != .slope || slopeCanHelp }
        let blamed = (overflow ? candidates.max { $0.factor < $1.factor } : candidates.min { $0.factor < $1.factor })?.0 ?? .gain
        let atReference = Scale(of: with(blamed, blamed.reference), fans: fans).magnitude(overflow)
        let limit: RuleError.FloatLimit
        switch (blamed, problem) {
        case (.value, .overflow):
            limit = .absoluteAtMost(FloatRange.largest / atReference)
        case (_, .overflow):
            limit = .atMost(FloatRange.largest / atReference * blamed.reference)
        case (.slope, _):
            // The scale falls as 1/√(1 + a²) from its value at a = 0.
            let ratio = atReference / FloatRange.smallestStandardDeviation
            limit = .absoluteAtMost((ratio * ratio - 1).squareRoot())
        case (.value, .subnormal):
            limit = .absoluteZeroOrAtLeast(FloatRange.smallestExact / atReference)
        case (_, .subnormal):
            limit = .atLeast(FloatRange.smallestExact / atReference * blamed.reference)
        case (_, .vanishing):
            limit = .atLeast(FloatRange.smallestStandardDeviation / atReference * blamed.reference)
        }
        throw .notRepresentable(blamed.parameter, value: value(of: blamed), problem: problem, limit: limit)
    }

    /// The options that scale this rule's weights.
    private var scaleOptions: [ScaleOption] {
        var options: [ScaleOption] = [.gain]
        if id.parameters.contains(.std) { options.append(.std(default: Self.defaultStd(id))) }
        if id == .uniform { options.append(.bound) }
        if id == .constant { options.append(.value) }
        if id.parameters.contains(.slope) { options.append(.slope) }
        return options
    }

    private func value(of option: ScaleOption) -> Double {
        switch option {
        case .gain: gain
        case .std: std
        case .bound: bound
        case .value: value
        case .slope: slope
        }
    }

    /// This rule with one option set to `value`.
    private func with(_ option: ScaleOption, _ newValue: Double) -> Rule {
        func pick(_ candidate: RuleParameter, _ current: Double) -> Double {
            candidate == option.parameter ? newValue : current
        }
        return Rule(
            unchecked: id, gain: pick(.gain, gain), normalKind: normalKind, mode: mode, slope: pick(.slope, slope),
            std: pick(.std, std), bound: pick(.bound, bound), value: pick(.value, self.value), sparsity: sparsity,
            activation: activation, activationAtZero: activationAtZero)
    }
}

/// An option that scales the weights, with the value it is measured against.
private enum ScaleOption {
    case gain, std(default: Double), bound, value, slope

    var parameter: RuleParameter {
        switch self {
        case .gain: .gain
        case .std: .std
        case .bound: .bound
        case .value: .value
        case .slope: .slope
        }
    }

    /// The scale is proportional to the option (or, for the slope a, to 1/√(1 + a²)), so its
    /// value here and at this reference give both the factor and the limit.
    var reference: Double {
        switch self {
        case .gain, .bound, .value: 1
        case .std(let standard): standard
        case .slope: 0
        }
    }
}

/// The largest weight of a construction and its typical size: the standard deviation of the
/// nonzero weights when they are random, the weight itself when it is exact.
private struct Scale {
    var largest: Double
    var typical: Double
    var exact: Bool

    init(of rule: Rule, fans: Fans) {
        switch rule.construction(for: fans) {
        case .independent(let distribution), .sparse(_, let distribution):
            (largest, typical, exact) = (distribution.largestDraw, distribution.variance.squareRoot(), false)
        case .orthogonal(let gain):
            // |q| ≤ 1 for every entry of a matrix with orthonormal rows or columns.
            (largest, typical, exact) = (gain, (rule.variance(for: fans) ?? 0).squareRoot(), false)
        case .constant(let value):
            (largest, typical, exact) = (abs(value), abs(value), true)
        case .identity(let gain):
            (largest, typical, exact) = (gain, gain, true)
        }
    }

    func magnitude(_ overflow: Bool) -> Double {
        overflow ? largest : typical
    }
}

extension RuleError {
    /// How weights leave float32's range.
    public enum FloatProblem: Sendable, Hashable {
        /// Some weights would exceed float32's largest number: they would be written as inf.
        case overflow(largest: Double)
        /// Random weights so small that many would be subnormal or 0.
        case vanishing(standardDeviation: Double)
        /// An exact weight below float32's smallest normal number.
        case subnormal(value: Double)
    }

    /// The values of the option that keep the weights in range, the other options unchanged.
    public enum FloatLimit: Sendable, Hashable {
        case atMost(Double)
        case atLeast(Double)
        case absoluteAtMost(Double)
        case absoluteZeroOrAtLeast(Double)
    }

    static func describe(_ parameter: RuleParameter, value: Double, problem: FloatProblem, limit: FloatLimit) -> String {
        let name = parameter.rawValue
        let consequence =
            switch problem {
            case .overflow(let largest):
                "weights would reach \(shown(largest)), beyond float32's largest \(shown(FloatRange.largest))"
            case .vanishing(let standardDeviation):
                "the weights' standard deviation would be \(shown(standardDeviation)), below the "
                    + "\(shown(FloatRange.smallestStandardDeviation)) under which float32 weights lose precision or round to 0"
            case .subnormal(let value):
                "the weights would be \(shown(value)), below float32's smallest normal number \(shown(FloatRange.smallestExact))"
            }
        // Rounded towards the safe side, so that the limit as printed is itself accepted.
        let requirement =
            switch limit {
            case .atMost(let bound): "\(name) must be at most \(shown(bound, rounding: .down))"
            case .atLeast(let bound): "\(name) must be at least \(shown(bound, rounding: .up))"
            case .absoluteAtMost(let bound): "|\(name)| must be at most \(shown(bound, rounding: .down))"
            case .absoluteZeroOrAtLeast(let bound): "\(name) must be 0 or at least \(shown(bound, rounding: .up)) in magnitude"
            }
        return "\(name) is \(shown(value)): \(consequence); \(requirement) with this shape and the other options"
    }

    /// Three significant digits, rounded in the given direction.
    private static func shown(_ value: Double, rounding: FloatingPointRoundingRule = .toNearestOrEven) -> String {
        guard value.isFinite, value > 0 else { return value.isNaN ? "nan" : String(format: "%g", value) }
        let unit = pow(10, floor(log10(value)) - 2)
        let rounded = (value / unit).rounded(rounding) * unit
        return String(format: "%.3g", rounded)
    }
}
