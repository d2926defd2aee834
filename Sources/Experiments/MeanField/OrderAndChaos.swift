import Foundation
import Networks
import Numerics

/// Order and chaos in random tanh networks with biases (Poole et al. 2016; Schoenholz et al.
/// 2017): the phase diagram of the mean-field theory over (σ_w², σ_b²) with the critical line
/// χ₁ = 1; the correlation of two inputs through depth in finite networks at an ordered point,
/// a point on the line and a chaotic point, against the iterated correlation map; and which
/// depths train, over σ_w² at one σ_b², against the depth scale ξ_c.
public struct OrderAndChaos: Experiment {
    public static let id = "meanfield"

    /// Where the networks of the correlation runs sit relative to the critical line.
    public enum Phase: String, Codable, Sendable, Hashable, CaseIterable {
        case ordered, critical, chaotic
    }

    public struct Parameters: Codable, Sendable, Hashable {
        /// The phase diagram's cells: σ_w² over (0, maxWeightVariance], σ_b² over [0, maxBiasVariance].
        public var phaseColumns: Int
        public var phaseRows: Int
        public var maxWeightVariance: Double
        public var maxBiasVariance: Double
        /// σ_b² of the correlation runs and of the trainability map.
        public var biasVariance: Double
        /// σ_w² of the ordered and the chaotic correlation runs; the critical one is the line's.
        public var orderedWeightVariance: Double
        public var chaoticWeightVariance: Double
        /// The correlation runs: square tanh networks of this width (inputs included) and depth.
        public var width: Int
        public var depth: Int
        /// Independent networks per phase, whose spread gives the standard errors.
        public var networks: Int
        /// Input pairs per network, each pair at `inputCorrelation`.
        public var pairs: Int
        public var inputCorrelation: Double
        /// The trainability map: tanh networks of `trainWidth` at each σ_w² and depth, trained
        /// for `steps` SGD steps on the shipped set, `trainSeeds` networks per cell.
        public var dataset: ShippedSet
        public var trainWeightVariances: [Double]
        public var trainDepths: [Int]
        public var trainWidth: Int
        public var trainSeeds: Int
        public var steps: Int
        public var batch: Int
        public var learningRate: Double
        public var momentum: Double
        public var heldOutSamples: Int
        /// The false-alarm rate of each check (see ``Check``).
        public var falseAlarmRate: Double
    }

    public let parameters: Parameters

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        // The paper profile has Schoenholz et al.'s trainability grid (depths to 300 at width 300
        // would be out of reach here; their σ_w² range and a comparable depth range are not).
        let quick = profile == .quick
        let paper = profile == .paper
        self.init(
            parameters: Parameters(
                phaseColumns: quick ? 8 : 40, phaseRows: quick ? 5 : 20, maxWeightVariance: 4, maxBiasVariance: 2,
                biasVariance: 0.05, orderedWeightVariance: 1, chaoticWeightVariance: 4,
                width: quick ? 200 : (paper ? 1000 : 400), depth: quick ? 16 : 30, networks: quick ? 32 : 48,
                pairs: 32, inputCorrelation: 0.5,
                dataset: .mnist5k,
                trainWeightVariances: quick
                    ? [0.5, 1, 2, 4] : (paper ? stride(from: 0.5, through: 4, by: 0.25).map { $0 } : [0.5, 1, 1.5, 2, 2.5, 3, 4]),
                trainDepths: quick ? [2, 4, 24, 48] : (paper ? [5, 10, 20, 30, 40, 60, 80, 100, 150, 200] : [4, 8, 16, 32, 64]),
                trainWidth: quick ? 8 : (paper ? 128 : 32), trainSeeds: quick ? 3 : 2, steps: quick ? 60 : (paper ? 1000 : 150),
                batch: 32, learningRate: 0.01, momentum: 0.9, heldOutSamples: quick ? 300 : 1000,
                falseAlarmRate: Significance.falseAlarmRate))
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        let p = parameters
        var problems = ParameterProblem.outsideRanges([
            ("phase_columns", p.phaseColumns, 2...200), ("phase_rows", p.phaseRows, 2...200), ("width", p.width, 2...4096),
            ("depth", p.depth, 2...1000), ("networks", p.networks, 2...1000), ("pairs", p.pairs, 1...256),
            ("train_width", p.trainWidth, 1...4096), ("train_seeds", p.trainSeeds, 1...100), ("steps", p.steps, 1...1_000_000),
            ("batch", p.batch, 1...8192), ("held_out_samples", p.heldOutSamples, 1...100_000),
        ])
        for (key, value) in [
            ("max_weight_variance", p.maxWeightVariance), ("max_bias_variance", p.maxBiasVariance),
            ("ordered_weight_variance", p.orderedWeightVariance), ("chaotic_weight_variance", p.chaoticWeightVariance),
        ] where !(value > 0 && value <= 100) {
            problems.append(ParameterProblem(key, "\(value) is outside (0, 100]"))
        }
        if !(p.biasVariance > 0 && p.biasVariance <= 100) {
            // With no bias the ordered phase has q* = 0, where no correlation map exists.
            problems.append(ParameterProblem("bias_variance", "\(p.biasVariance) is outside (0, 100]"))
        }
        if !(p.inputCorrelation > -1 && p.inputCorrelation < 1) {
            problems.append(ParameterProblem("input_correlation", "\(p.inputCorrelation) is outside (−1, 1)"))
        }
        if p.width * p.width * p.depth > 1 << 28 {
            problems.append(ParameterProblem("width", "\(p.width)² × \(p.depth) weights per network; keep them under 268435456"))
        }
        for (index, value) in p.trainWeightVariances.enumerated() where !(value > 0 && value <= 100) {
            problems.append(ParameterProblem("train_weight_variances[\(index)]", "\(value) is outside (0, 100]"))
        }
        for (index, value) in p.trainDepths.enumerated() where !(1...1000).contains(value) {
            problems.append(ParameterProblem("train_depths[\(index)]", "\(value) is outside 1 to 1000"))
        }
        if p.trainWeightVariances.isEmpty || p.trainDepths.isEmpty {
            problems.append(ParameterProblem("train_depths", "the trainability map needs a depth and a σ_w² at least"))
        }
        if !(p.learningRate > 0 && p.learningRate.isFinite) || !(0..<1).contains(p.momentum) {
            problems.append(ParameterProblem("learning_rate", "the learning rate must be positive and the momentum in [0, 1)"))
        }
        problems += Significance.problems(p.falseAlarmRate)
        return problems
    }

    // MARK: Result

    /// One cell of the phase diagram, at its centre.
    public struct PhaseCell: Codable, Sendable, Hashable {
        public var weightVariance: Double
        public var biasVariance: Double
        public var fixedLength: Double
        public var chi1: Double
        public var fixedCorrelation: Double
        public var correlationDepth: Double
    }

    /// A point of the critical line, χ₁ = 1.
    public struct LinePoint: Codable, Sendable, Hashable {
        public var biasVariance: Double
        public var weightVariance: Double
    }

    /// The depth scales at one σ_w² and the experiment's σ_b².
    public struct DepthScales: Codable, Sendable, Hashable {
        public var weightVariance: Double
        public var lengthDepth: Double
        public var correlationDepth: Double
    }

    /// One network of the correlation runs: the correlation of each input pair's pre-activations
    /// at every hidden layer, averaged over the pairs.
    public struct CorrelationRun: Codable, Sendable, Hashable {
        public var phase: Phase
        public var network: Int
        public var correlations: [Double]
    }

    /// One network of the trainability map; the accuracy is nil when training diverged.
    public struct TrainingCell: Codable, Sendable, Hashable {
        public var weightVariance: Double
        public var depth: Int
        public var seed: Int
        public var accuracy: Double?
    }

    public struct Result: Codable, Sendable {
        public var phase: [PhaseCell]
        public var line: [LinePoint]
        public var scales: [DepthScales]
        public var runs: [CorrelationRun]
        public var training: [TrainingCell]
        /// The classes of the data trained on, so that chance accuracy is 1/classes.
        public var classes: Int
    }

    // MARK: Theory at the parameters

    /// σ_w² of the correlation runs in each phase.
    public func weightVariance(_ phase: Phase) -> Double {
        switch phase {
        case .ordered: parameters.orderedWeightVariance
        case .chaotic: parameters.chaoticWeightVariance
        case .critical: Criticality(activation: .tanh).criticalWeightVariance(biasVariance: parameters.biasVariance).weightVariance
        }
    }

    /// The correlation map of the runs in `phase`, its σ_w² multiplied by `factor`.
    public func map(_ phase: Phase, factor: Double = 1) -> CorrelationMap {
        CorrelationMap(activation: .tanh, weightVariance: weightVariance(phase) * factor, biasVariance: parameters.biasVariance)
    }

    /// The inputs are scaled so that the first layer's pre-activations have the length q*, where
    /// the map applies from the start: ‖x‖²/n = s² with σ_w²·s² + σ_b² = q*. Their correlation
    /// c₀ then becomes c₁ = (σ_w² s² c₀ + σ_b²)/q* at the first layer.
    public func inputScale(_ map: CorrelationMap) -> Double {
        max(map.fixedLength - map.biasVariance, 0) / map.weightVariance
    }

    /// The map's c at each hidden layer, 1 to depth, for inputs of correlation `inputCorrelation`.
    public func theory(_ phase: Phase, factor: Double = 1) -> [Double] {
        let map = map(phase, factor: factor)
        let squared = inputScale(map)
        let first = (map.weightVariance * squared * parameters.inputCorrelation + map.biasVariance) / map.fixedLength
        return map.iterate(from: first, layers: parameters.depth)
    }

    // MARK: Run

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        let p = parameters
        let data = try? DataSource.shipped(p.dataset).load(random: random.derived("data"))
        let correlationJobs = Phase.allCases.flatMap { phase in (0..<p.networks).map { (phase, $0) } }
        var trainingJobs: [(Double, Int, Int)] = []
        for variance in p.trainWeightVariances {
            for depth in p.trainDepths {
                for seed in 0..<p.trainSeeds { trainingJobs.append((variance, depth, seed)) }
            }
        }
        progress.expect(p.phaseRows + correlationJobs.count + trainingJobs.count)
        let phase = ParallelMap.map(Array(0..<p.phaseRows)) { row -> [PhaseCell] in
            defer { progress.advance() }
            return phaseRow(row)
        }.flatMap { $0 }
        let maps = Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0, map($0)) })
        let runs = ParallelMap.map(correlationJobs) { job -> CorrelationRun in
            defer { progress.advance() }
            let stream = random.derived("\(job.0.rawValue)/\(job.1)")
            return correlations(job.0, network: job.1, map: maps[job.0] ?? map(job.0), random: stream)
        }
        // Deepest first, so that the cores finish together; each job has its own stream.
        let order = trainingJobs.indices.sorted { trainingJobs[$0].1 > trainingJobs[$1].1 }
        let trained = ParallelMap.map(order) { [trainingJobs] index -> TrainingCell in
            defer { progress.advance() }
            let (variance, depth, seed) = trainingJobs[index]
            return train(
                weightVariance: variance, depth: depth, seed: seed, data: data,
                random: random.derived("train/\(variance)/\(depth)/\(seed)"))
        }
        var training = trained
        for (position, index) in order.enumerated() { training[index] = trained[position] }
        let criticality = Criticality(activation: .tanh)
        let line = (0...p.phaseRows).map { row in
            let point = criticality.criticalWeightVariance(biasVariance: p.maxBiasVariance * Double(row) / Double(p.phaseRows))
            return LinePoint(biasVariance: point.biasVariance, weightVariance: point.weightVariance)
        }
        return Result(
            phase: phase, line: line, scales: depthScales(), runs: runs, training: training, classes: data?.training.classCount ?? 0)
    }

    /// The σ_w² of the phase diagram's column `column`, at its centre.
    public func phaseWeightVariance(_ column: Int) -> Double {
        parameters.maxWeightVariance * (Double(column) + 0.5) / Double(parameters.phaseColumns)
    }

    /// The σ_b² of the phase diagram's row `row`, at its centre (never 0, where q* = 0 in order).
    public func phaseBiasVariance(_ row: Int) -> Double {
        parameters.maxBiasVariance * (Double(row) + 0.5) / Double(parameters.phaseRows)
    }

    /// A row of the phase diagram, on a grid twice as coarse as the default: its sums are then
    /// within about e^{−2π²} ≈ 3·10⁻⁹ (see ``CorrelationMap``), far below what a colour shows, at
    /// a quarter of the work.
    func phaseRow(_ row: Int) -> [PhaseCell] {
        let bias = phaseBiasVariance(row)
        return (0..<parameters.phaseColumns).map { column in
            let map = CorrelationMap(activation: .tanh, weightVariance: phaseWeightVariance(column), biasVariance: bias, refinement: 0.5)
            return PhaseCell(
                weightVariance: map.weightVariance, biasVariance: bias, fixedLength: map.fixedLength, chi1: map.chi1,
                fixedCorrelation: map.fixedPoint, correlationDepth: map.correlationDepth)
        }
    }

    /// ξ_q and ξ_c at σ_b² over σ_w² from the smallest to the largest of the trainability map, in
    /// 100 steps, for the curve drawn over it.
    func depthScales() -> [DepthScales] {
        let low = parameters.trainWeightVariances.min() ?? 1, high = parameters.trainWeightVariances.max() ?? 1
        return (0...100).map { step in
            let variance = low + (high - low) * Double(step) / 100
            let map = CorrelationMap(activation: .tanh, weightVariance: variance, biasVariance: parameters.biasVariance)
            return DepthScales(weightVariance: variance, lengthDepth: map.lengthDepth, correlationDepth: map.correlationDepth)
        }
    }

    /// A tanh network of `depth` square layers with weights N(0, σ_w²/fan_in) and biases
    /// N(0, σ_b²), hidden and output alike.
    func network(_ architecture: Architecture, weightVariance: Double, random: RandomSource) -> Network {
        var network = Network(architecture, random: random.derived("weights")) { weights, stream in
            let std = (weightVariance / Double(weights.columns)).squareRoot()
            weights.elements.withUnsafeMutableBufferPointer { stream.fillNormal($0, std: std) }
        }
        var stream = random.derived("biases")
        for index in network.dense.indices {
            network.dense[index].bias.withUnsafeMutableBufferPointer {
                stream.fillNormal($0, std: parameters.biasVariance.squareRoot())
            }
        }
        return network
    }

    func correlations(_ phase: Phase, network index: Int, map: CorrelationMap, random: RandomSource) -> CorrelationRun {
        let p = parameters
        let failed = CorrelationRun(phase: phase, network: index, correlations: [])
        guard
            let architecture = try? Architecture(
                inputs: p.width, hiddenWidths: Array(repeating: p.width, count: p.depth), outputs: 1, activation: .tanh)
        else { return failed }
        let network = network(architecture, weightVariance: map.weightVariance, random: random)
        var workspace = Workspace(architecture, batchSize: 2 * p.pairs)
        var stream = random.derived("inputs")
        let scale = inputScale(map).squareRoot()
        for pair in 0..<p.pairs {
            let (first, second) = Self.inputPair(width: p.width, correlation: p.inputCorrelation, scale: scale, random: &stream)
            for column in 0..<p.width {
                workspace.inputs[2 * pair, column] = Float(first[column])
                workspace.inputs[2 * pair + 1, column] = Float(second[column])
            }
        }
        network.forward(&workspace, mode: .inference)
        let values = workspace.layers.dropLast().map { layer -> Double in
            let a = layer.preActivations
            return (0..<p.pairs).reduce(0.0) { sum, pair in
                var cross = 0.0, first = 0.0, second = 0.0
                for unit in 0..<a.columns {
                    let x = Double(a[2 * pair, unit]), y = Double(a[2 * pair + 1, unit])
                    cross += x * y
                    first += x * x
                    second += y * y
                }
                return sum + cross / (first * second).squareRoot()
            } / Double(p.pairs)
        }
        return CorrelationRun(phase: phase, network: index, correlations: values)
    }

    /// Two inputs of mean square `scale`² per coordinate and correlation exactly `correlation`:
    /// Gram–Schmidt on two Gaussian vectors, rescaled to length √n·scale, then mixed.
    static func inputPair(
        width n: Int, correlation: Double, scale: Double, random: inout RandomSource
    ) -> ([Double], [Double]) {
        let u = (0..<n).map { _ in random.nextNormal() }
        var v = (0..<n).map { _ in random.nextNormal() }
        let uu = u.reduce(0) { $0 + $1 * $1 }
        let uv = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
        for i in v.indices { v[i] -= uv / uu * u[i] }
        let vv = v.reduce(0) { $0 + $1 * $1 }
        let length = Double(n).squareRoot() * scale
        let e1 = u.map { $0 / uu.squareRoot() * length }
        let e2 = v.map { $0 / vv.squareRoot() * length }
        let other = (1 - correlation * correlation).squareRoot()
        return (e1, zip(e1, e2).map { correlation * $0 + other * $1 })
    }

    func train(weightVariance: Double, depth: Int, seed: Int, data: TrainingData?, random: RandomSource) -> TrainingCell {
        let p = parameters
        let failed = TrainingCell(weightVariance: weightVariance, depth: depth, seed: seed, accuracy: nil)
        guard
            let data,
            let architecture = try? Architecture(
                inputs: data.training.featureCount, hiddenWidths: Array(repeating: p.trainWidth, count: depth),
                outputs: data.training.classCount, activation: .tanh),
            let configuration = try? TrainingConfiguration(
                batchSize: p.batch, steps: p.steps, evaluationSteps: [p.steps],
                heldOutSamples: min(p.heldOutSamples, data.heldOut.labels.count),
                optimizer: SGD(learningRate: p.learningRate, momentum: p.momentum))
        else { return failed }
        var network = network(architecture, weightVariance: weightVariance, random: random.derived("initialization"))
        // The held-out part holds every class in proportion in each prefix.
        let heldOut = data.heldOut.subset(Array(0..<configuration.heldOutSamples))
        let record = network.train(on: data.training, heldOut: heldOut, configuration: configuration, random: random.derived("training"))
        guard !record.diverged else { return failed }
        return TrainingCell(weightVariance: weightVariance, depth: depth, seed: seed, accuracy: record.evaluations.last?.heldOutAccuracy)
    }
}
