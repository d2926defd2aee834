import Dispatch
import Foundation
import Initializers
import Numerics
import TextSupport

/// Saturation of logistic units: how flat σ gets, and how the spread of the pre-activation
/// a = Σᵢ wᵢxᵢ depends on the fan-in d, the weight rule and whether the inputs are standardised.
public struct Saturation: Experiment {
    public static let id = "saturation"

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
            self.init(
                parameters: Parameters(
                    fanIns: (0...6).map { 1 << (2 * $0) }, settings: SaturationSetting.allCases, units: 64, batch: 64,
                    drawsPerFanIn: 1 << 18, maxReplicates: 512, curvePoints: 481, falseAlarmRate: Significance.falseAlarmRate))
        case .handout:
            self.init(
                parameters: Parameters(
                    fanIns: (0...12).map { 1 << $0 }, settings: SaturationSetting.allCases, units: 64, batch: 64,
                    drawsPerFanIn: 1 << 22, maxReplicates: 512, curvePoints: 481, falseAlarmRate: Significance.falseAlarmRate))
        case .paper:
            // Half-octave fan-ins and sixteen times the draws: standard errors a quarter as large.
            self.init(
                parameters: Parameters(
                    fanIns: (0...24).map { Int((pow(2, Double($0) / 2)).rounded()) }, settings: SaturationSetting.allCases,
                    units: 64, batch: 64, drawsPerFanIn: 1 << 26, maxReplicates: 8192, curvePoints: 961,
                    falseAlarmRate: Significance.falseAlarmRate))
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
            problems.append(
                ParameterProblem(
                    "fan_ins",
                    "the largest fan-in with these units and batch needs \((largest * 4) >> 20) MiB per layer; keep it under 1 GiB"))
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
            let relativeError =
                theory.standardErrorOfMeanSquare(units: parameters.units, batch: parameters.batch, replicates: 1) / theory.variance
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

    // MARK: Theory and statistics

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

    /// The variance of one setting pooled over its fan-ins, weighted by samples, and its standard error.
    public func pooled(_ result: Result, _ setting: SaturationSetting) -> (variance: Double, standardError: Double) {
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
    public static func productTail(beyond k: Double) -> Double {
        let panels = 2000
        let h = 1.0 / Double(panels)
        let f = { (w: Double) in w == 0 ? 0 : StandardNormal.twoSidedTail(k / w) }
        var sum = f(0) + f(1)
        for i in 1..<panels { sum += (i % 2 == 1 ? 4 : 2) * f(Double(i) * h) }
        return sum * h / 3
    }

    // MARK: Checks

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
            checks.append(
                Check.normal(
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
            checks.append(
                Check.normal(
                    id: "saturation/four-is-6.93-standard-deviations",
                    claim: "|a| = 4 lies 4/√(1/3) = 6.93 standard deviations out (not 12), with the pooled measured variance",
                    measured: 4 / variance.squareRoot(),
                    theory: Theory(
                        "Var U(−b, b) = b²/3", expected: { 4 / ($0 / 3).squareRoot() },
                        standardError: { factor in
                            let sigma = (factor / 3).squareRoot()
                            return 2 / (sigma * sigma * sigma) * error * factor
                        }),
                    falseAlarmRate: alpha,
                    note: "pooled over \(rows(result, .standardised).reduce(0) { $0 + $1.samples }) values; the delta method"))
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

    /// The rows of one setting, by fan-in.
    public func rows(_ result: Result, _ setting: SaturationSetting) -> [Row] {
        result.rows.filter { $0.setting == setting }.sorted { $0.fanIn < $1.fanIn }
    }
}
