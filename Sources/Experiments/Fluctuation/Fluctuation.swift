import Foundation
import Initializers
import Numerics

/// How far the length of the signal varies from one ReLU network to the next at finite width
/// (Hanin & Rolnick 2018). He's rule keeps E[‖h_l‖²] fixed; the log of ‖h_l‖² is a sum of one
/// independent term per layer (``LayerRatioLaw``), so its variance over networks is the sum of the
/// layers' variances, about 5·Σ 1/n_l. Many networks of several shapes, one fixed input each.
public struct Fluctuation: Experiment {
    public static let id = "fluctuation"

    /// A network's hidden widths, named for check ids and legends, and how many independent
    /// networks of it to draw.
    public struct Shape: Codable, Sendable, Hashable {
        public var name: String
        public var widths: [Int]
        public var realisations: Int

        public init(name: String, widths: [Int], realisations: Int) {
            self.name = name
            self.widths = widths
            self.realisations = realisations
        }

        /// `layers` layers of `width` units, with the networks the check's power needs.
        public static func constant(_ width: Int, layers: Int) -> Shape {
            sized(name: "constant-\(width)", widths: Array(repeating: width, count: layers))
        }

        /// `pairs` pairs of a narrow and a wide layer, with the networks the check's power needs.
        public static func alternating(_ narrow: Int, _ wide: Int, pairs: Int) -> Shape {
            sized(name: "alternating-\(narrow)-\(wide)", widths: Array(repeating: [narrow, wide], count: pairs).flatMap { $0 })
        }

        /// The sample variance of m networks has a relative standard error of
        /// √((2 + κ₄/σ⁴)/m) (``Fluctuation/checks(_:)``), larger for narrow layers, whose log-ratios
        /// have heavy tails; m is the smallest multiple of the chunk that brings it down to what
        /// detecting a 10 % error at the false-alarm rate takes.
        static func sized(name: String, widths: [Int]) -> Shape {
            let shape = Shape(name: name, widths: widths, realisations: 0)
            guard let sum = Fluctuation.theory(shape).last else { return shape }
            let relative = Significance.relativeStandardErrorForPower(falseAlarmRate: Significance.falseAlarmRate)
            let needed = (2 + sum.fourthCumulant / (sum.variance * sum.variance)) / (relative * relative)
            let chunks = Int((needed / Double(Fluctuation.chunk)).rounded(.up))
            return Shape(name: name, widths: widths, realisations: chunks * Fluctuation.chunk)
        }

        /// Σ_{k ≤ l} 1/n_k after each layer: the leading-order variance over 5.
        public var reciprocalSums: [Double] {
            var sum = 0.0
            return widths.map {
                sum += 1 / Double($0); return sum
            }
        }
    }

    public struct Parameters: Codable, Sendable, Hashable {
        /// The width of the one fixed input, drawn standard normal.
        public var inputWidth: Int
        public var shapes: [Shape]
        public var falseAlarmRate: Double
    }

    public let parameters: Parameters

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        let shapes: [Shape] =
            switch profile {
            case .quick: [.constant(8, layers: 4), .constant(16, layers: 8), .alternating(10, 40, pairs: 4)]
            case .handout: [.constant(8, layers: 8), .constant(16, layers: 16), .alternating(10, 40, pairs: 8), .constant(32, layers: 16)]
            case .paper: [.constant(8, layers: 8), .constant(16, layers: 16), .alternating(10, 40, pairs: 8), .constant(32, layers: 32)]
            }
        self.init(parameters: Parameters(inputWidth: 16, shapes: shapes, falseAlarmRate: Significance.falseAlarmRate))
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        var problems = ParameterProblem.outsideRanges(
            [("input_width", parameters.inputWidth, 1...8192)]
                + parameters.shapes.enumerated().map { ("shapes[\($0)].realisations", $1.realisations, 4...1_000_000) })
        if parameters.shapes.isEmpty { problems.append(ParameterProblem("shapes", "needs at least one shape")) }
        for (index, shape) in parameters.shapes.enumerated() {
            if shape.widths.isEmpty { problems.append(ParameterProblem("shapes[\(index)].widths", "needs at least one layer")) }
            for (layer, width) in shape.widths.enumerated() where !(1...1024).contains(width) {
                problems.append(ParameterProblem("shapes[\(index)].widths[\(layer)]", "\(width) is outside 1 to 1024"))
            }
        }
        if Set(parameters.shapes.map(\.name)).count != parameters.shapes.count {
            problems.append(ParameterProblem("shapes", "two shapes have the same name"))
        }
        let weights = parameters.shapes.reduce(0) { total, shape in
            total + shape.realisations * zip([parameters.inputWidth] + shape.widths, shape.widths).reduce(0) { $0 + $1.0 * $1.1 }
        }
        if weights > 1 << 36 {
            problems.append(ParameterProblem("shapes", "\(weights) weights drawn in all; keep them under 68719476736"))
        }
        problems += Significance.problems(parameters.falseAlarmRate)
        return problems
    }

    // MARK: Result

    /// Over the networks of a shape that are still alive at a layer: their number and the
    /// sample mean, variance and fourth central moment of log ‖h_l‖².
    public struct LayerSummary: Codable, Sendable, Hashable {
        public var alive: Int
        public var mean: Double
        public var variance: Double
        public var fourthMoment: Double

        /// The standard error of the sample variance, from the sample's own fourth moment:
        /// Var(s²) = μ₄/m − σ⁴(m − 3)/(m(m − 1)).
        public var varianceStandardError: Double {
            let m = Double(alive)
            return max(fourthMoment / m - variance * variance * (m - 3) / (m * (m - 1)), 0).squareRoot()
        }
    }

    public struct ShapeResult: Codable, Sendable, Hashable {
        public var shape: Shape
        public var layers: [LayerSummary]
    }

    public struct Result: Codable, Sendable {
        public var shapes: [ShapeResult]
    }

    // MARK: Run

    /// Networks per job: enough to amortise the buffers, few enough to share two cores evenly.
    static let chunk = 500

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        var inputStream = random.derived("input")
        var input = [Float](repeating: 0, count: parameters.inputWidth)
        input.withUnsafeMutableBufferPointer { inputStream.fillNormal($0) }
        let fixedInput = input
        // He normal, mode fan_in: N(0, 2/fan_in). Its defaults cannot be refused; an empty
        // result would be flagged by `problems(in:)`.
        guard let rule = try? Rule(.heNormal) else { return Result(shapes: []) }
        let jobs = parameters.shapes.flatMap { shape in (0..<((shape.realisations + Self.chunk - 1) / Self.chunk)).map { (shape, $0) } }
        progress.expect(jobs.count)
        let logNorms = ParallelMap.map(jobs) { job -> [[Double]] in
            defer { progress.advance() }
            let range = (job.1 * Self.chunk)..<min((job.1 + 1) * Self.chunk, job.0.realisations)
            return networks(job.0, range, input: fixedInput, rule: rule, random: random.derived(job.0.name))
        }
        let shapes = parameters.shapes.map { shape in
            let runs = zip(jobs, logNorms).filter { $0.0.0 == shape }.flatMap(\.1)
            return ShapeResult(shape: shape, layers: shape.widths.indices.map { layer in Self.summary(runs.map { $0[layer] }) })
        }
        return Result(shapes: shapes)
    }

    /// log ‖h_l‖² at every layer of the networks `range` of a shape; −∞ from the first layer
    /// that is all zero on.
    func networks(_ shape: Shape, _ range: Range<Int>, input: [Float], rule: Rule, random: RandomSource) -> [[Double]] {
        let fanIns = [input.count] + shape.widths.dropLast()
        var weights = zip(shape.widths, fanIns).map { Matrix(rows: $0.0, columns: $0.1) }
        var signal = [Float](repeating: 0, count: (shape.widths.max() ?? 0) + input.count)
        var next = signal
        return range.map { realisation in
            var stream = random.derived("\(realisation)")
            for index in input.indices { signal[index] = input[index] }
            var logs: [Double] = []
            for layer in shape.widths.indices {
                rule.initialize(&weights[layer], using: &stream)
                let (rows, columns) = (weights[layer].rows, weights[layer].columns)
                var norm = 0.0
                weights[layer].elements.withUnsafeBufferPointer { w in
                    for row in 0..<rows {
                        var sum: Float = 0
                        for column in 0..<columns { sum += w[row * columns + column] * signal[column] }
                        let unit = max(sum, 0)
                        next[row] = unit
                        norm += Double(unit) * Double(unit)
                    }
                }
                logs.append(log(norm))
                swap(&signal, &next)
            }
            return logs
        }
    }

    /// The moments of the finite values: the networks alive at the layer.
    static func summary(_ values: [Double]) -> LayerSummary {
        let alive = values.filter(\.isFinite)
        let m = Double(alive.count)
        let mean = alive.reduce(0, +) / m
        let second = alive.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let fourth = alive.reduce(0) { $0 + pow($1 - mean, 4) } / m
        return LayerSummary(alive: alive.count, mean: mean, variance: second / (m - 1), fourthMoment: fourth)
    }

    // MARK: Theory

    /// Var[log ‖h_l‖²] after each layer of a shape, given that no layer is all zero: the sum of
    /// the layers' exact variances, and the fourth cumulant of the sum.
    public static func theory(_ shape: Shape) -> [(variance: Double, fourthCumulant: Double)] {
        var laws: [Int: LayerRatioLaw] = [:]
        var variance = 0.0
        var fourth = 0.0
        return shape.widths.map { width in
            let law = laws[width] ?? LayerRatioLaw(width: width)
            laws[width] = law
            variance += law.variance
            fourth += law.fourthCumulant
            return (variance, fourth)
        }
    }

    /// The probability that a network of the shape has no all-zero layer up to each layer.
    public func survival(_ shape: Shape) -> [Double] {
        var alive = 1.0
        return shape.widths.map { width in
            alive *= 1 - LayerRatioLaw(width: width).deadProbability
            return alive
        }
    }
}
