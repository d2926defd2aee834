import Initializers
import Networks
import Numerics

/// Self-normalising networks (Klambauer et al. 2017): SELU units with LeCun normal weights,
/// Var(W) = 1/n, so that each unit's weights have Σw = 0 in expectation and Σw² = 1. The mean
/// and variance of the activations follow a map of their own with the fixed point (0, 1),
/// which attracts: from inputs far from it, the layers bring both back. The experiment sends
/// inputs of several means and variances through random wide SELU networks and measures the
/// mean and variance of every layer's activations, against the map iterated by quadrature.
public struct SELU: Experiment {
    public static let id = "selu"

    /// Where the inputs start: every input component is μ + √ν·ξ, ξ ~ N(0, 1).
    public struct Start: Codable, Sendable, Hashable {
        public var mean: Double
        public var variance: Double

        public init(mean: Double, variance: Double) {
            self.mean = mean
            self.variance = variance
        }

        /// How check ids and random streams name it: "m0.5-v3.0".
        var id: String { "m\(mean)-v\(variance)" }
    }

    public struct Parameters: Codable, Sendable, Hashable {
        /// The units of every layer, inputs included.
        public var width: Int
        /// Hidden SELU layers.
        public var depth: Int
        /// Inputs per network.
        public var batch: Int
        /// Independent networks per start, whose spread gives the standard errors.
        public var realisations: Int
        public var starts: [Start]
        /// The false-alarm rate of each check (see ``Check``).
        public var falseAlarmRate: Double
    }

    public let parameters: Parameters

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    /// The fixed point itself, and the two starts away from it that the handout follows.
    static let starts = [Start(mean: 0, variance: 1), Start(mean: 0.5, variance: 3), Start(mean: -0.3, variance: 0.2)]

    public init(profile: Profile) {
        let (width, depth, batch, realisations) =
            switch profile {
            case .quick: (256, 24, 32, 12)
            case .handout: (512, 30, 32, 16)
            case .paper: (1000, 40, 64, 24)
            }
        self.init(
            parameters: Parameters(
                width: width, depth: depth, batch: batch, realisations: realisations, starts: Self.starts,
                falseAlarmRate: Significance.falseAlarmRate))
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        var problems = ParameterProblem.outsideRanges([
            ("width", parameters.width, 8...4096), ("depth", parameters.depth, 2...200), ("batch", parameters.batch, 2...4096),
            ("realisations", parameters.realisations, 2...1000),
        ])
        if parameters.starts.isEmpty { problems.append(ParameterProblem("starts", "needs at least one start")) }
        for (index, start) in parameters.starts.enumerated() {
            if !start.mean.isFinite || abs(start.mean) > 10 {
                problems.append(ParameterProblem("starts[\(index)].mean", "\(start.mean) is outside −10 to 10"))
            }
            if !(start.variance > 0 && start.variance <= 100) {
                problems.append(ParameterProblem("starts[\(index)].variance", "\(start.variance) is outside (0, 100]"))
            }
        }
        problems += Significance.problems(parameters.falseAlarmRate)
        return problems
    }

    // MARK: Result

    /// One layer of one network: the mean and second moment of its activations over the batch
    /// and the units, and what the map predicts for them from the layer below as it really was
    /// (each input's own second moment), which is exact in expectation at any width.
    public struct Layer: Codable, Sendable, Hashable {
        public var mean: Double
        public var secondMoment: Double
        public var predictedMean: Double
        public var predictedSecondMoment: Double

        public var variance: Double { secondMoment - mean * mean }
    }

    /// One network: its inputs (layer 0, whose "prediction" is the distribution they were drawn
    /// from) and every hidden layer.
    public struct Run: Codable, Sendable, Hashable {
        public var start: Start
        public var realisation: Int
        public var layers: [Layer]
    }

    public struct Result: Codable, Sendable {
        public var runs: [Run]
    }

    // MARK: Run

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        let jobs = parameters.starts.flatMap { start in (0..<parameters.realisations).map { (start, $0) } }
        progress.expect(jobs.count)
        let runs = ParallelMap.map(jobs) { job -> Run in
            defer { progress.advance() }
            return network(job.0, realisation: job.1, random: random.derived("\(job.0.id)/\(job.1)"))
        }
        return Result(runs: runs)
    }

    func network(_ start: Start, realisation: Int, random: RandomSource) -> Run {
        let n = parameters.width
        guard
            let architecture = try? Architecture(
                inputs: n, hiddenWidths: Array(repeating: n, count: parameters.depth), outputs: 1, activation: .selu),
            let rule = try? Rule(.lecunNormal)
        else { return Run(start: start, realisation: realisation, layers: []) }
        let network = Network(architecture, random: random.derived("weights")) { weights, draws in
            rule.initialize(&weights, using: &draws)
        }
        var workspace = Workspace(architecture, batchSize: parameters.batch)
        var stream = random.derived("inputs")
        workspace.inputs.elements.withUnsafeMutableBufferPointer {
            stream.fillNormal($0, mean: start.mean, std: start.variance.squareRoot())
        }
        network.forward(&workspace, mode: .training)
        var below = workspace.inputs
        var layers = [Self.layer(below, predictions: nil)]
        layers[0].predictedMean = start.mean
        layers[0].predictedSecondMoment = start.mean * start.mean + start.variance
        for hidden in workspace.layers.dropLast() {
            layers.append(Self.layer(hidden.activations, predictions: Self.rowSecondMoments(below)))
            below = hidden.activations
        }
        return Run(start: start, realisation: realisation, layers: layers)
    }

    /// The statistics of one layer's values; with the second moments q_s of each input's row in
    /// the layer below, the map's predictions averaged over the inputs.
    static func layer(_ values: Matrix, predictions rowSecondMoments: [Double]?) -> Layer {
        var sum = 0.0, squares = 0.0
        values.elements.withUnsafeBufferPointer { v in
            for x in v {
                sum += Double(x)
                squares += Double(x) * Double(x)
            }
        }
        let count = Double(max(values.count, 1))
        guard let rowSecondMoments else {
            return Layer(mean: sum / count, secondMoment: squares / count, predictedMean: 0, predictedSecondMoment: 0)
        }
        let maps = rowSecondMoments.map { SELUMap.oneLayer(inputSecondMoment: $0) }
        let inputs = Double(rowSecondMoments.count)
        return Layer(
            mean: sum / count, secondMoment: squares / count, predictedMean: maps.reduce(0) { $0 + $1.mean } / inputs,
            predictedSecondMoment: maps.reduce(0) { $0 + $1.secondMoment } / inputs)
    }

    /// q_s = |h_s|²/n of each row.
    static func rowSecondMoments(_ values: Matrix) -> [Double] {
        let columns = values.columns
        return values.elements.withUnsafeBufferPointer { v in
            (0..<values.rows).map { row in
                var squares = 0.0
                for x in v[row * columns..<(row + 1) * columns] { squares += Double(x) * Double(x) }
                return squares / Double(columns)
            }
        }
    }

    /// The networks of a start that ran, by realisation.
    public func runs(_ result: Result, _ start: Start) -> [Run] {
        result.runs.filter { $0.start == start && $0.layers.count == parameters.depth + 1 }.sorted { $0.realisation < $1.realisation }
    }

    /// The map iterated from a start through every hidden layer, the start first.
    public func theory(_ start: Start, weightScale: Double = 1) -> [SELUMap.Moments] {
        SELUMap.iterate(from: start, layers: parameters.depth, weightScale: weightScale)
    }
}
