import Charts
import Dispatch
import Foundation
import Initializers
import Numerics

/// Saturation of logistic units: how flat σ gets, and how the spread of the pre-activation
/// a = Σᵢ wᵢxᵢ depends on the fan-in d, the weight rule and whether the inputs are standardised.
public struct Saturation: Experiment {
    public static let id = "saturation"
    public static let title = "Saturation of logistic units"

    public struct Parameters: Codable, Sendable, Hashable {
        /// The fan-ins d swept, 1 to 4096.
        public var fanIns: [Int]
        public var settings: [SaturationSetting]
        /// Units per simulated layer (U) and inputs per batch (B): one replicate gives U·B values of a.
        public var units: Int
        public var batch: Int
        /// Random numbers drawn per fan-in and setting, which sets how many replicates a fan-in gets.
        public var drawsPerFanIn: Int
        /// Cap on replicates, which bind at small d where draws are cheap.
        public var maxReplicates: Int
        /// Points on the curves of σ and σ′ over [−12, 12].
        public var curvePoints: Int
        /// The false-alarm rate of each check (see ``Check``).
        public var falseAlarmRate: Double
    }

    public struct Row: Codable, Sendable, Hashable {
        public var setting: SaturationSetting
        public var fanIn: Int
        public var samples: Int
        public var varianceMeasured: Double
        public var varianceTheory: Double
        public var standardError: Double
        public var outsideFour: Int
        public var meanDerivative: Double
    }

    public struct Result: Codable, Sendable {
        public var rows: [Row]
    }

    public let parameters: Parameters

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        switch profile {
        case .quick:
            self.init(parameters: Parameters(
                fanIns: (0...6).map { 1 << (2 * $0) }, settings: SaturationSetting.allCases, units: 64, batch: 64,
                drawsPerFanIn: 1 << 18, maxReplicates: 512, curvePoints: 481, falseAlarmRate: Significance.falseAlarmRate))
        case .handout:
            self.init(parameters: Parameters(
                fanIns: (0...12).map { 1 << $0 }, settings: SaturationSetting.allCases, units: 64, batch: 64,
                drawsPerFanIn: 1 << 22, maxReplicates: 512, curvePoints: 481, falseAlarmRate: Significance.falseAlarmRate))
        case .paper:
            // Half-octave fan-ins and sixteen times the draws: standard errors a quarter as large.
            self.init(parameters: Parameters(
                fanIns: (0...24).map { Int((pow(2, Double($0) / 2)).rounded()) }, settings: SaturationSetting.allCases,
                units: 64, batch: 64, drawsPerFanIn: 1 << 26, maxReplicates: 8192, curvePoints: 961, falseAlarmRate: Significance.falseAlarmRate))
        }
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        var problems: [ParameterProblem] = []
        if parameters.fanIns.isEmpty { problems.append(ParameterProblem("fan_ins", "needs at least one fan-in")) }
        if let index = parameters.fanIns.firstIndex(where: { $0 < 1 || $0 > 1 << 20 }) {
            problems.append(ParameterProblem("fan_ins[\(index)]", "\(parameters.fanIns[index]) is outside 1 to 1048576"))
        }
        if parameters.settings.isEmpty { problems.append(ParameterProblem("settings", "needs at least one setting")) }
        for (key, value) in [("units", parameters.units), ("batch", parameters.batch)] where !(1...4096).contains(value) {
            problems.append(ParameterProblem(key, "\(value) is outside 1 to 4096"))
        }
        if !(1...(1 << 30)).contains(parameters.drawsPerFanIn) {
            problems.append(ParameterProblem("draws_per_fan_in", "\(parameters.drawsPerFanIn) is outside 1 to 1073741824"))
        }
        if !(1...100_000).contains(parameters.maxReplicates) {
            problems.append(ParameterProblem("max_replicates", "\(parameters.maxReplicates) is outside 1 to 100000"))
        }
        if !(3...100_000).contains(parameters.curvePoints) {
            problems.append(ParameterProblem("curve_points", "\(parameters.curvePoints) is outside 3 to 100000"))
        }
        problems += Significance.problems(parameters.falseAlarmRate)
        // One layer's weights, inputs and products are held at once, per parallel job.
        let largest = (parameters.fanIns.max() ?? 1) * (parameters.units + parameters.batch) + parameters.units * parameters.batch
        if largest > 1 << 28 {
            problems.append(ParameterProblem("fan_ins", "the largest fan-in with these units and batch needs \((largest * 4) >> 20) MiB per layer; keep it under 1 GiB"))
        }
        return problems
    }

    // MARK: Run

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        let jobs = parameters.settings.flatMap { setting in parameters.fanIns.map { (setting, $0) } }
        // Work is counted in random draws, which is what a job's cost follows.
        progress.expect(jobs.reduce(0) { $0 + replicates($1.0, fanIn: $1.1) * (parameters.units + parameters.batch) * $1.1 })
        let rows = ParallelMap.map(jobs) { job in
            let row = measure(job.0, fanIn: job.1, random: random.derived("\(job.0.rawValue)/d=\(job.1)"))
            progress.advance(by: replicates(job.0, fanIn: job.1) * (parameters.units + parameters.batch) * job.1)
            return row
        }
        return Result(rows: rows)
    }

    /// As many replicates as `drawsPerFanIn` buys, and at least as many as the variance check
    /// needs to tell the theory from one 10 % off (raw pixels at large d share one weight
    /// vector across a whole batch of large inputs, so they need many), up to `maxReplicates`.
    func replicates(_ setting: SaturationSetting, fanIn: Int) -> Int {
        let perReplicate = (parameters.units + parameters.batch) * fanIn
        let affordable = parameters.drawsPerFanIn / perReplicate
        var needed = 1
        if let weights = setting.rule.distribution(for: Fans(fanIn: fanIn, fanOut: parameters.units)) {
            let theory = WeightedSum(fanIn: fanIn, weights: weights, inputs: setting.inputs)
            let relativeError = theory.standardErrorOfMeanSquare(units: parameters.units, batch: parameters.batch, replicates: 1) / theory.variance
            let target = Significance.relativeStandardErrorForPower(falseAlarmRate: parameters.falseAlarmRate)
            needed = Int((relativeError * relativeError / (target * target)).rounded(.up))
        }
        return min(parameters.maxReplicates, max(1, affordable, needed))
    }

    /// Simulates layers of `units` logistic units with fan-in d on batches of inputs: A = X Wᵀ.
    func measure(_ setting: SaturationSetting, fanIn: Int, random: RandomSource) -> Row {
        var random = random
        let replicates = replicates(setting, fanIn: fanIn)
        var weights = Matrix(rows: parameters.units, columns: fanIn)
        var inputs = Matrix(rows: parameters.batch, columns: fanIn)
        var preActivations = Matrix(rows: parameters.batch, columns: parameters.units)
        var sumOfSquares = 0.0
        var sumOfDerivatives = 0.0
        var outside = 0
        for _ in 0..<replicates {
            setting.rule.initialize(&weights, using: &random)
            inputs.elements.withUnsafeMutableBufferPointer { setting.inputs.fill($0, using: &random) }
            Matrix.multiply(inputs, .none, weights, .transposed, into: &preActivations)
            preActivations.elements.withUnsafeBufferPointer { values in
                for a in values {
                    let x = Double(a)
                    sumOfSquares += x * x
                    sumOfDerivatives += Logistic.derivative(x)
                    if abs(x) > 4 { outside += 1 }
                }
            }
        }
        let samples = replicates * preActivations.count
        guard let weightLaw = setting.rule.distribution(for: Fans(fanIn: fanIn, fanOut: parameters.units)) else {
            preconditionFailure("the theory of a weighted sum needs independent weights, which \(setting.rule.id.rawValue) does not draw")
        }
        let theory = WeightedSum(fanIn: fanIn, weights: weightLaw, inputs: setting.inputs)
        // E[w] = 0 makes E[a] = 0, so the mean of a² is the variance, with no bias from
        // subtracting an estimated mean.
        return Row(
            setting: setting, fanIn: fanIn, samples: samples,
            varianceMeasured: sumOfSquares / Double(samples),
            varianceTheory: theory.variance,
            standardError: theory.standardErrorOfMeanSquare(units: parameters.units, batch: parameters.batch, replicates: replicates),
            outsideFour: outside,
            meanDerivative: sumOfDerivatives / Double(samples))
    }

    // MARK: Report

    public func report(_ result: Result) -> ExperimentReport {
        ExperimentReport(
            experiment: Self.id,
            figures: [logisticFigure(), varianceFigure(result), outsideFigure(result), derivativeFigure(result)],
            numbers: numbers(result),
            checks: checks(result),
            tables: ["saturation": table(result)])
    }

    /// The central difference step for checking σ′, and the bound on its error: truncation
    /// h²/6 · max|σ‴| with max|σ‴| = 1/8 (at x = 0), plus rounding 2ε/h.
    static let differenceStep = 1e-4
    static var differenceTolerance: Double {
        let h = differenceStep
        return h * h / 6 / 8 + 2 * Double.ulpOfOne / h
    }

    static func centralDifference(_ x: Double) -> Double {
        let h = differenceStep
        return (Logistic.value(x + h) - Logistic.value(x - h)) / (2 * h)
    }

    func pooled(_ result: Result, _ setting: SaturationSetting) -> (variance: Double, standardError: Double) {
        let rows = result.rows.filter { $0.setting == setting }
        let total = rows.reduce(0) { $0 + $1.samples }
        let variance = rows.reduce(0.0) { $0 + $1.varianceMeasured * Double($1.samples) } / Double(total)
        let errorSquared = rows.reduce(0.0) { sum, row in
            let weight = Double(row.samples) / Double(total)
            return sum + weight * weight * row.standardError * row.standardError
        }
        return (variance, errorSquared.squareRoot())
    }

    /// P(|w·x| > k) for w ~ U(−1, 1) and x ~ N(0, 1), the pre-activation of a single input:
    /// ∫₀¹ P(|x| > k/w) dw = ∫₀¹ erfc(k/(w√2)) dw, by composite Simpson's rule. The integrand is
    /// smooth and vanishes to all orders at w = 0, so 2000 panels are exact to double precision.
    static func productTail(beyond k: Double) -> Double {
        let panels = 2000
        let h = 1.0 / Double(panels)
        let f = { (w: Double) in w == 0 ? 0 : StandardNormal.twoSidedTail(k / w) }
        var sum = f(0) + f(1)
        for i in 1..<panels { sum += (i % 2 == 1 ? 4 : 2) * f(Double(i) * h) }
        return sum * h / 3
    }

    func numbers(_ result: Result) -> [String: Double] {
        let varianceStandard = 1.0 / 3
        let stdStandard = varianceStandard.squareRoot()
        let pixels = InputDistribution.pixels
        var numbers: [String: Double] = [
            "sigmoid_prime_at_0": Logistic.derivative(0.0),
            "sigmoid_prime_at_2": Logistic.derivative(2.0),
            "sigmoid_prime_at_10": Logistic.derivative(10.0),
            "sigmoid_prime_ratio_2_to_10": Logistic.derivative(2.0) / Logistic.derivative(10.0),
            "sigmoid_prime_at_10_inverse": 1 / Logistic.derivative(10.0),
            "standard_variance": varianceStandard,
            "standard_std": stdStandard,
            "four_in_standard_deviations": 4 / stdStandard,
            "gaussian_tail_beyond_four": StandardNormal.twoSidedTail(4 / stdStandard),
            "chebyshev_bound_beyond_four": varianceStandard / 16,
            "product_tail_beyond_four": Self.productTail(beyond: 4),
            "product_tail_ratio_to_normal": Self.productTail(beyond: 4) / StandardNormal.twoSidedTail(4 / stdStandard),
            "pixel_second_moment": pixels.secondMoment,
            "raw_pixel_variance": pixels.secondMoment / 3,
            "raw_pixel_std": (pixels.secondMoment / 3).squareRoot(),
            "max_fan_in": Double(parameters.fanIns.max() ?? 0),
            "units_per_layer": Double(parameters.units),
            "batch_size": Double(parameters.batch),
        ]
        if let single = rows(result, .standardised).first(where: { $0.fanIn == 1 }) {
            numbers["standardised_fraction_outside_four_at_d1"] = Double(single.outsideFour) / Double(single.samples)
        }
        for setting in parameters.settings {
            let rows = result.rows.filter { $0.setting == setting }
            let key = setting.rawValue.replacingOccurrences(of: "-", with: "_")
            numbers["\(key)_pooled_variance"] = pooled(result, setting).variance
            numbers["\(key)_samples_total"] = Double(rows.reduce(0) { $0 + $1.samples })
            numbers["\(key)_max_percent_outside_four"] = 100 * (rows.map { Double($0.outsideFour) / Double($0.samples) }.max() ?? .nan)
            numbers["\(key)_min_mean_derivative"] = rows.map(\.meanDerivative).min() ?? .nan
        }
        return numbers
    }

    public func checks(_ result: Result) -> [Check] {
        let alpha = parameters.falseAlarmRate
        var checks = [2.0, 10.0].map { x in
            // σ′ = σ(1 − σ) is an identity: there is no constant to perturb.
            Check.exact(
                id: "saturation/sigmoid-derivative-\(Int(x))",
                claim: "σ′(\(Int(x))) = σ(\(Int(x)))(1 − σ(\(Int(x)))) agrees with a central difference of σ",
                expected: Logistic.derivative(x), measured: Self.centralDifference(x),
                bound: Self.differenceTolerance, basis: "Taylor remainder h²/6 · max|σ‴| = h²/48, plus rounding 2ε/h")
        }
        for row in result.rows {
            // Var(w) scales by the factor, and the standard error with it (every term of
            // Var(mean a²) is proportional to Var(w)²).
            let (expected, error) = (row.varianceTheory, row.standardError)
            checks.append(Check.normal(
                id: "saturation/variance/\(row.setting.rawValue)/d=\(row.fanIn)",
                claim: "d = \(row.fanIn), \(row.setting.shortLabel): Var(a) = \(Self.theoryText(row.setting, fanIn: row.fanIn))",
                measured: row.varianceMeasured,
                theory: Theory("Var U(−b, b) = b²/3", expected: { expected * $0 }, standardError: { error * $0 }),
                falseAlarmRate: alpha, note: centralLimitNote(row)))
        }
        if parameters.settings.contains(.standardised) {
            // 4/σ̂ moves by 2/σ³ · δ(σ²) when σ² moves by δ(σ²) (first-order error propagation,
            // whose second-order term is far below the standard error here).
            let (variance, error) = pooled(result, .standardised)
            checks.append(Check.normal(
                id: "saturation/four-is-6.93-standard-deviations",
                claim: "|a| = 4 lies 4/√(1/3) = 6.93 standard deviations out (not 12), with the pooled measured variance",
                measured: 4 / variance.squareRoot(),
                theory: Theory("Var U(−b, b) = b²/3", expected: { 4 / ($0 / 3).squareRoot() }, standardError: { factor in
                    let sigma = (factor / 3).squareRoot()
                    return 2 / (sigma * sigma * sigma) * error * factor
                }),
                falseAlarmRate: alpha, note: "pooled over \(rows(result, .standardised).reduce(0) { $0 + $1.samples }) values; the delta method"))
        }
        return checks
    }

    /// Why a row's mean of a² is normal far into its tails: it averages over many independent
    /// weight vectors (units × replicates) and input vectors (batch × replicates).
    func centralLimitNote(_ row: Row) -> String {
        let replicates = replicates(row.setting, fanIn: row.fanIn)
        return "a mean over \(parameters.units * replicates) independent weight vectors and \(parameters.batch * replicates) input vectors"
    }

    static func theoryText(_ setting: SaturationSetting, fanIn: Int) -> String {
        switch setting {
        case .standardised: "1/3"
        case .rawPixels: "E[x²]/3"
        case .fixedRange: "d/3 = \(NumberText.format(Double(fanIn) / 3))"
        }
    }

    func table(_ result: Result) -> DataTable {
        var table = DataTable(columns: [
            "setting", "fan_in", "samples", "variance_theory", "variance_measured", "standard_error",
            "p_outside_4_measured", "p_outside_4_gaussian", "chebyshev_bound", "mean_derivative",
        ])
        for row in result.rows {
            table.append([
                .text(row.setting.rawValue), .integer(row.fanIn), .integer(row.samples),
                .number(row.varianceTheory), .number(row.varianceMeasured), .number(row.standardError),
                .number(Double(row.outsideFour) / Double(row.samples)),
                .number(StandardNormal.twoSidedTail(4 / row.varianceTheory.squareRoot())),
                .number(min(1, row.varianceTheory / 16)),
                .number(row.meanDerivative),
            ])
        }
        return table
    }

    // MARK: Figures

    func logisticFigure() -> FigureSpec {
        let n = parameters.curvePoints
        let xs = (0..<n).map { -12 + 24 * Double($0) / Double(n - 1) }
        let sigma = xs.map { Logistic.value($0) }
        let derivative = xs.map { Logistic.derivative($0) }
        var data = DataTable(columns: ["x", "sigma", "sigma_prime"])
        for i in xs.indices { data.append([.number(xs[i]), .number(sigma[i]), .number(derivative[i])]) }
        let marked = [2.0, 10.0]
        let left = Panel(
            title: "σ(x) and σ′(x)",
            x: Axis("x", domain: -12...12), y: Axis("value", domain: 0...1),
            marks: [
                .line(Series("σ(x)", x: xs, y: sigma, style: Style(color: 0))),
                .line(Series("σ′(x)", x: xs, y: derivative, style: Style(color: 1, dash: .dashed))),
                .points(Series(nil, x: marked, y: marked.map { Logistic.derivative($0) }, style: Style(color: 1, marker: .circle))),
            ])
        let right = Panel(
            title: "σ′(x), logarithmic scale",
            x: Axis("x", domain: -12...12), y: Axis("σ′(x)", scale: .log10),
            marks: [
                .line(Series("σ′(x)", x: xs, y: derivative, style: Style(color: 1, dash: .dashed))),
                .points(Series(nil, x: marked, y: marked.map { Logistic.derivative($0) }, style: Style(color: 1, marker: .circle))),
                .annotation(Annotation("σ′(2) = \(NumberText.format(Logistic.derivative(2.0), digits: 3))", at: 2, Logistic.derivative(2.0), dx: -70, dy: 30)),
                .annotation(Annotation("σ′(10) = \(NumberText.format(Logistic.derivative(10.0), digits: 3))", at: 10, Logistic.derivative(10.0), dx: -90, dy: -10)),
            ],
            legend: .none)
        let chart = Figure(
            title: "The logistic function and its derivative",
            description: "σ(x) rises from 0 to 1 on [−12, 12]; its derivative σ′(x) peaks at 0.25 at x = 0, is \(NumberText.format(Logistic.derivative(2.0), digits: 3)) at x = 2 and \(NumberText.format(Logistic.derivative(10.0), digits: 3)) at x = 10.",
            size: Size(width: 560, height: 240), columns: 2, panels: [left, right])
        let ratio = Logistic.derivative(2.0) / Logistic.derivative(10.0)
        return FigureSpec(
            id: "saturation-logistic",
            title: "The logistic function flattens fast",
            caption: "Left: $\\sigma(x) = 1/(1+e^{-x})$ and its derivative $\\sigma'(x) = \\sigma(x)\\,(1-\\sigma(x))$. Right: the derivative on a logarithmic scale. Between $x = 2$ and $x = 10$ it falls by a factor of \(NumberText.format(ratio, digits: 4)).",
            alt: "Two line charts of the logistic function on x from −12 to 12. Left: σ(x) rises from 0 to 1 through 0.5 at x = 0, and σ′(x) is a bump with maximum 0.25 at x = 0. Right: σ′(x) on a logarithmic axis, a tent that falls from 0.25 to about 6 × 10⁻⁶ at x = ±12; marked points show σ′(2) = \(NumberText.format(Logistic.derivative(2.0), digits: 3)) and σ′(10) = \(NumberText.format(Logistic.derivative(10.0), digits: 3)).",
            chart: chart, data: data)
    }

    func rows(_ result: Result, _ setting: SaturationSetting) -> [Row] {
        result.rows.filter { $0.setting == setting }.sorted { $0.fanIn < $1.fanIn }
    }

    func subsetTable(_ result: Result, _ columns: [String], _ cells: (Row) -> [DataTable.Cell]) -> DataTable {
        var table = DataTable(columns: ["setting", "fan_in"] + columns)
        for row in result.rows { table.append([.text(row.setting.rawValue), .integer(row.fanIn)] + cells(row)) }
        return table
    }

    func varianceFigure(_ result: Result) -> FigureSpec {
        var marks: [Mark] = []
        for (index, setting) in parameters.settings.enumerated() {
            let rows = rows(result, setting)
            let d = rows.map { Double($0.fanIn) }
            marks.append(.line(Series(nil, x: d, y: rows.map(\.varianceTheory), style: Style(color: index, dash: .dashed, lineWidth: 1))))
            marks.append(.points(Series(setting.label, x: d, y: rows.map(\.varianceMeasured), style: Style(color: index, marker: Self.markers[index % Self.markers.count]))))
        }
        let chart = Figure(
            title: "Variance of the pre-activation against the fan-in",
            description: "Measured variance of a = Σ wᵢxᵢ (points) and theory (dashed lines) against the fan-in d for three settings.",
            size: Size(width: 480, height: 340),
            panels: [Panel(x: Axis("fan-in d", scale: .log10), y: Axis("Var[a]", scale: .log10), marks: marks)],
            legend: .shared)
        let standard = rows(result, .standardised).map(\.varianceMeasured)
        return FigureSpec(
            id: "saturation-variance",
            title: "Only the fan-in rule with standardised inputs keeps Var(a) fixed",
            caption: "Variance of the pre-activation $a = \\sum_{i=1}^{d} w_i x_i$ against the fan-in $d$, measured over simulated layers of \(parameters.units) units on batches of \(parameters.batch) inputs (points), with the theory $\\operatorname{Var}(a) = d\\,\\operatorname{Var}(w)\\,\\mathbb{E}[x^2]$ (dashed).",
            alt: "Log–log chart of Var(a) against d from 1 to \(parameters.fanIns.max() ?? 0). With U(−1/√d, 1/√d) weights and standardised inputs the measured variance stays flat between \(NumberText.format(standard.min() ?? .nan, digits: 3)) and \(NumberText.format(standard.max() ?? .nan, digits: 3)), on the theory line 1/3. With raw pixel inputs it stays flat near \(NumberText.format(InputDistribution.pixels.secondMoment / 3, digits: 4)). With U(−1, 1) weights it grows in proportion to d, as d/3.",
            chart: chart,
            data: subsetTable(result, ["variance_theory", "variance_measured", "standard_error"]) { [.number($0.varianceTheory), .number($0.varianceMeasured), .number($0.standardError)] })
    }

    func outsideFigure(_ result: Result) -> FigureSpec {
        var marks: [Mark] = [.rule(ReferenceLine(.horizontal, at: 1.0 / 48, label: "Chebyshev bound 1/48 for Var(a) = 1/3"))]
        for (index, setting) in parameters.settings.enumerated() {
            let rows = rows(result, setting)
            let d = rows.map { Double($0.fanIn) }
            marks.append(.line(Series(nil, x: d, y: rows.map { StandardNormal.twoSidedTail(4 / $0.varianceTheory.squareRoot()) }, style: Style(color: index, dash: .dashed, lineWidth: 1))))
            marks.append(.points(Series(setting.label, x: d, y: rows.map { Double($0.outsideFour) / Double($0.samples) }, style: Style(color: index, marker: Self.markers[index % Self.markers.count]))))
        }
        let chart = Figure(
            title: "Fraction of pre-activations outside [−4, 4]",
            description: "Measured fraction of |a| > 4 (points) and the Gaussian approximation (dashed) against the fan-in d, with the Chebyshev bound 1/48.",
            size: Size(width: 480, height: 340),
            panels: [Panel(x: Axis("fan-in d", scale: .log10), y: Axis("P(|a| > 4)", scale: .log10, domain: 1e-13...1), marks: marks)],
            legend: .shared)
        return FigureSpec(
            id: "saturation-outside",
            title: "How often a unit starts saturated",
            caption: "Fraction of pre-activations with $|a| > 4$ (points; a fraction of zero cannot be drawn on a logarithmic axis and is left out), the Gaussian approximation $P(|Z| > 4/\\sigma_a)$ (dashed), and Chebyshev's bound $\\sigma_a^2/16 = 1/48$ for $\\sigma_a^2 = 1/3$.",
            alt: "Log–log chart of the fraction of |a| > 4 against d. With the fan-in rule and standardised inputs no or almost no value falls outside; the Gaussian approximation is \(NumberText.format(StandardNormal.twoSidedTail(4 * 3.0.squareRoot()), digits: 2)), far below the Chebyshev bound 1/48. With raw pixels about \(NumberText.format(result.rows.filter { $0.setting == .rawPixels }.map { Double($0.outsideFour) / Double($0.samples) }.max() ?? .nan, digits: 2)) of all values lie outside. With U(−1, 1) the fraction climbs with d.",
            chart: chart,
            data: subsetTable(result, ["p_outside_4_measured", "p_outside_4_gaussian", "chebyshev_bound"]) {
                [.number(Double($0.outsideFour) / Double($0.samples)), .number(StandardNormal.twoSidedTail(4 / $0.varianceTheory.squareRoot())), .number(min(1, $0.varianceTheory / 16))]
            })
    }

    func derivativeFigure(_ result: Result) -> FigureSpec {
        var marks: [Mark] = [.rule(ReferenceLine(.horizontal, at: 0.25, label: "σ′(0) = 1/4"))]
        for (index, setting) in parameters.settings.enumerated() {
            let rows = rows(result, setting)
            marks.append(.line(Series(setting.label, x: rows.map { Double($0.fanIn) }, y: rows.map(\.meanDerivative), style: Style(color: index, marker: Self.markers[index % Self.markers.count]))))
        }
        let chart = Figure(
            title: "Mean derivative of the logistic units",
            description: "Mean of σ′(a) over all simulated pre-activations against the fan-in d.",
            size: Size(width: 480, height: 320),
            panels: [Panel(x: Axis("fan-in d", scale: .log10), y: Axis("mean σ′(a)", domain: 0...0.27), marks: marks)],
            legend: .shared)
        let standard = rows(result, .standardised).map(\.meanDerivative)
        return FigureSpec(
            id: "saturation-derivative",
            title: "How fast the units can learn",
            caption: "Mean of $\\sigma'(a)$ over the simulated pre-activations: the factor by which each unit passes a training signal back.",
            alt: "Chart of the mean of σ′(a) against d on a logarithmic d axis. With the fan-in rule and standardised inputs it stays near \(NumberText.format(standard.first ?? .nan, digits: 3)) for every d. With raw pixels it is near \(NumberText.format(rows(result, .rawPixels).first?.meanDerivative ?? .nan, digits: 2)). With U(−1, 1) it falls steadily as d grows, to \(NumberText.format(rows(result, .fixedRange).last?.meanDerivative ?? .nan, digits: 2)) at the largest d.",
            chart: chart,
            data: subsetTable(result, ["mean_derivative"]) { [.number($0.meanDerivative)] })
    }

    static let markers: [Marker] = [.circle, .square, .triangle, .diamond]
}
