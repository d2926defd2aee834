import Foundation
import Initializers
import Networks
import Numerics

/// Training from each initialisation: how fast (or whether) networks learn the data (the shipped
/// digits unless configured otherwise), over seeds, with divergence recorded rather than fatal.
public struct Convergence: Experiment {
    public static let id = "convergence"

    /// One comparison: a network shape and the rules (and normalisations) trained on it.
    public struct Setup: Codable, Sendable, Hashable {
        public var name: String
        public var activation: Activation
        public var depth: Int
        public var width: Int
        /// Train each rule without (false) and/or with (true) batch normalisation.
        public var batchNorm: [Bool]
        public var rules: [InitializerChoice]
        public var learningRate: Double
        public var momentum: Double
        public var steps: Int
    }

    public struct Parameters: Codable, Sendable, Hashable {
        /// What the networks train on (see ``Dataset``).
        public var dataset: Dataset
        public var setups: [Setup]
        /// Independent runs per curve, drawn as their mean and its 95 % interval, and compared by
        /// the checks.
        public var seeds: Int
        public var batch: Int
        /// Shapeset images generated for training (and standardised with their statistics).
        public var trainingSamples: Int
        /// Held-out images each evaluation sees: Shapeset images generated, or the first of a
        /// data set's held-out part (which holds every class in proportion in each prefix).
        public var heldOutSamples: Int
        /// Evaluations per run, evenly spaced over its steps.
        public var evaluations: Int
        /// The side of Shapeset images; files give their own size.
        public var imageSide: Int
        /// The false-alarm rate of each comparison the checks make (see ``Check``).
        public var falseAlarmRate: Double
    }

    public let parameters: Parameters
    let readData = ReadData()

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        // The deep setups are He et al.'s 30 layers at the width the handout's other deep
        // networks have; the shallow ones Glorot and Bengio's five layers. Steps are what each
        // comparison needs to settle on the shipped digits (measured: deep ReLU from He's rule
        // reaches 0.9 after about 400 steps at a learning rate of 0.005, and jumps about at
        // 0.01; the five-layer networks settle within 250).
        let quick = profile == .quick
        let (depth, width, deepSteps): (Int, Int, Int) =
            switch profile {
            case .quick: (12, 32, 100)
            case .handout: (30, 256, 400)
            case .paper: (30, 256, 800)
            }
        let shallowWidth = quick ? 32 : 256
        let shallowSteps = quick ? 150 : (profile == .handout ? 250 : 2000)
        let settledSteps = quick ? 100 : (profile == .handout ? 150 : 1000)
        func setup(
            _ name: String, _ activation: Activation, depth: Int, width: Int, _ rules: [InitializerChoice], learningRate: Double,
            steps: Int, batchNorm: [Bool] = [false]
        ) -> Setup {
            Setup(
                name: name, activation: activation, depth: depth, width: width, batchNorm: batchNorm, rules: rules,
                learningRate: learningRate, momentum: 0.9, steps: steps)
        }
        let standard = InitializerChoice(.fanInUniform)
        let widths = quick ? [16, 64] : [64, 256, 1024]
        self.init(
            parameters: Parameters(
                dataset: .shipped(.mnist5k),
                setups: [
                    // LeCun's rule is left out: at equal widths it is Glorot's but for the first
                    // and last layers, and its curve lay on Glorot's.
                    setup(
                        "deep-relu", .relu, depth: depth, width: width,
                        [InitializerChoice(.heNormal), InitializerChoice(.glorotNormal), standard], learningRate: 0.005,
                        steps: deepSteps),
                    setup(
                        "tanh", .tanh, depth: 5, width: shallowWidth, [standard, InitializerChoice(.glorotUniform)], learningRate: 0.02,
                        steps: shallowSteps),
                    setup(
                        "sigmoid", .sigmoid, depth: 5, width: shallowWidth,
                        [
                            standard, InitializerChoice(.glorotUniform), InitializerChoice(.glorotUniformSigmoid),
                            InitializerChoice(.kumar),
                        ],
                        learningRate: 0.1, steps: shallowSteps),
                    setup(
                        "deep-tanh", .tanh, depth: quick ? 6 : depth, width: width, [InitializerChoice(.glorotNormal), InitializerChoice(.orthogonal)],
                        learningRate: 0.01, steps: settledSteps),
                    setup(
                        "symmetry", .sigmoid, depth: 2, width: shallowWidth, [InitializerChoice(.zeros), InitializerChoice(.glorotUniform)],
                        learningRate: 0.1, steps: shallowSteps),
                    setup(
                        "bad-scale", .relu, depth: quick ? 6 : 10, width: shallowWidth,
                        [InitializerChoice(.normal, std: 0.01), InitializerChoice(.heNormal)], learningRate: 0.01, steps: settledSteps,
                        batchNorm: [false, true]),
                ]
                    + widths.map { width in
                        setup(
                            Self.widthSetupPrefix + "\(width)", .tanh, depth: 2, width: width, [InitializerChoice(.glorotUniform)],
                            learningRate: 0.02, steps: settledSteps)
                    },
                seeds: profile == .handout ? 5 : 10, batch: quick ? 32 : 128, trainingSamples: 20_000,
                heldOutSamples: 1000, evaluations: quick ? 6 : 17, imageSide: 32, falseAlarmRate: Significance.falseAlarmRate))
    }

    /// The setups that differ only in width, named by this prefix and the width, whose distance
    /// travelled shows how it depends on width.
    public static let widthSetupPrefix = "width-"

    /// The setups that differ only in width, narrowest first.
    public var widthSetups: [Setup] {
        parameters.setups.filter { $0.name.hasPrefix(Self.widthSetupPrefix) }.sorted { $0.width < $1.width }
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        var problems: [ParameterProblem] = []
        problems += ParameterProblem.outsideRanges([
            ("seeds", parameters.seeds, 1...100), ("batch", parameters.batch, 1...8192),
            ("training_samples", parameters.trainingSamples, 1...1_000_000), ("held_out_samples", parameters.heldOutSamples, 1...100_000),
            ("evaluations", parameters.evaluations, 2...10_000), ("image_side", parameters.imageSide, 8...256),
        ])
        if parameters.trainingSamples * parameters.imageSide * parameters.imageSide > 1 << 28 {
            problems.append(
                ParameterProblem(
                    "training_samples", "\(parameters.trainingSamples) images of \(parameters.imageSide)² pixels need more than 1 GiB"))
        }
        problems += Significance.problems(parameters.falseAlarmRate)
        if Set(parameters.setups.map(\.name)).count != parameters.setups.count {
            problems.append(ParameterProblem("setups", "two setups share a name"))
        }
        for (index, setup) in parameters.setups.enumerated() {
            if !(1...1000).contains(setup.depth) || !(1...8192).contains(setup.width) || !(0...1_000_000).contains(setup.steps)
                || setup.batchNorm.isEmpty || setup.rules.isEmpty
            {
                problems.append(
                    ParameterProblem(
                        "setups[\(index)]",
                        "\(setup.name): depth 1 to 1000, width 1 to 8192, steps 0 to 1000000, at least one rule and one batch_norm value"))
            }
            if (try? TrainingConfiguration(
                batchSize: 1, steps: 1, evaluationSteps: [], heldOutSamples: 1,
                optimizer: SGD(learningRate: setup.learningRate, momentum: setup.momentum))) == nil
            {
                problems.append(
                    ParameterProblem("setups[\(index)]", "\(setup.name): the learning rate must be positive and the momentum in [0, 1)"))
            }
            for rule in setup.rules where (try? rule.rule(for: setup.activation)) == nil {
                problems.append(
                    ParameterProblem("setups[\(index)]", "\(setup.name): the rule \(rule.rule.rawValue) cannot be built as given"))
            }
        }
        return problems
    }

    // MARK: Result

    public struct Point: Codable, Sendable, Hashable {
        public var step: Int
        public var trainingLoss: Double?
        public var heldOutLoss: Double
        public var heldOutAccuracy: Double
        /// The largest, over hidden layers, of the spread of incoming weights across units: the
        /// standard deviation over units, averaged over inputs. Zero means identical units.
        public var unitSpread: Double
        /// How far the weights have moved from where they started, relative to their start:
        /// ‖W_t − W_0‖ / ‖W_0‖ over every dense layer (Frobenius norms).
        public var distance: Double
    }

    public struct Run: Codable, Sendable, Hashable {
        public var setup: String
        public var rule: InitializerChoice
        public var batchNorm: Bool
        public var seed: Int
        public var points: [Point]
        /// The step at which the run diverged, if it did.
        public var divergedAt: Int?
    }

    public struct Result: Codable, Sendable {
        public var runs: [Run]
        /// The classes of the data trained on, so that chance accuracy is 1/classes.
        public var classes: Int
        /// The inputs of one example (784 for a 28 × 28 digit): the first layer's fan-in.
        public var inputs: Int
        /// The examples trained on, and those each evaluation sees.
        public var trainingSamples: Int
        public var heldOutSamples: Int
    }

    // MARK: Run

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        let p = parameters
        let samples = samples(random: random)

        var jobs: [(Setup, InitializerChoice, Bool, Int)] = []
        for setup in p.setups {
            for batchNorm in setup.batchNorm {
                for rule in setup.rules {
                    for seed in 0..<p.seeds { jobs.append((setup, rule, batchNorm, seed)) }
                }
            }
        }
        progress.expect(jobs.reduce(0) { $0 + $1.0.steps })
        // Longest first, so that the cores finish together rather than one of them running the
        // last long job alone; each job has its own stream, so the order changes no result.
        let order = jobs.indices.sorted { Self.cost(jobs[$0].0) > Self.cost(jobs[$1].0) }
        let runs = ParallelMap.map(order) { [jobs] index in
            let job = jobs[index]
            let run = train(
                job.0, job.1, batchNorm: job.2, seed: job.3, training: samples.training, heldOut: samples.heldOut,
                random: random.derived("\(job.0.name)/\(job.1.label)/bn=\(job.2)/seed=\(job.3)"))
            progress.advance(by: job.0.steps)
            return run
        }
        var inOrder = runs
        for (position, index) in order.enumerated() { inOrder[index] = runs[position] }
        return Result(
            runs: inOrder, classes: samples.training.classCount, inputs: samples.training.featureCount, trainingSamples: samples.training.labels.count,
            heldOutSamples: min(p.heldOutSamples, samples.heldOut.labels.count))
    }

    /// The work of one run, in multiply-adds of its hidden layers, to order the runs by.
    static func cost(_ setup: Setup) -> Int {
        setup.steps * setup.depth * setup.width * setup.width
    }

    func train(
        _ setup: Setup, _ rule: InitializerChoice, batchNorm: Bool, seed: Int, training: LabelledData, heldOut: LabelledData,
        random: RandomSource
    ) -> Run {
        let failed = Run(setup: setup.name, rule: rule, batchNorm: batchNorm, seed: seed, points: [], divergedAt: 0)
        guard
            let architecture = try? Architecture(
                inputs: training.featureCount, hiddenWidths: Array(repeating: setup.width, count: setup.depth),
                outputs: training.classCount, activation: setup.activation, batchNorm: batchNorm),
            let configuration = try? TrainingConfiguration(
                batchSize: parameters.batch, steps: setup.steps,
                evaluationSteps: (0..<parameters.evaluations).map { setup.steps * $0 / max(parameters.evaluations - 1, 1) },
                heldOutSamples: min(parameters.heldOutSamples, heldOut.labels.count),
                optimizer: SGD(learningRate: setup.learningRate, momentum: setup.momentum))
        else { return failed }
        var network = rule.network(architecture, random: random.derived("initialization"))
        var spreads: [Int: Double] = [:]
        var distances: [Int: Double] = [:]
        let start = network.dense.map(\.weights)
        let record = network.train(on: training, heldOut: heldOut, configuration: configuration, random: random.derived("training")) {
            step, trained in
            spreads[step] = Self.unitSpread(trained)
            distances[step] = Self.distance(trained, from: start)
        }
        return Run(
            setup: setup.name, rule: rule, batchNorm: batchNorm, seed: seed,
            points: record.evaluations.map {
                Point(
                    step: $0.step, trainingLoss: $0.trainingLoss, heldOutLoss: $0.heldOutLoss, heldOutAccuracy: $0.heldOutAccuracy,
                    unitSpread: spreads[$0.step] ?? .nan, distance: distances[$0.step] ?? .nan)
            },
            divergedAt: record.divergence?.step)
    }

    /// ‖W − W_0‖ / ‖W_0‖ over all dense layers; not a number when the start is all zeros, which
    /// has no size to compare with.
    static func distance(_ network: Network, from start: [Matrix]) -> Double {
        var moved = 0.0, initial = 0.0
        for (layer, original) in zip(network.dense, start) {
            layer.weights.elements.withUnsafeBufferPointer { now in
                original.elements.withUnsafeBufferPointer { then in
                    for i in now.indices {
                        let difference = Double(now[i]) - Double(then[i])
                        moved += difference * difference
                        initial += Double(then[i]) * Double(then[i])
                    }
                }
            }
        }
        guard initial > 0 else { return .nan }
        return (moved / initial).squareRoot()
    }

    /// Over the hidden layers, the largest mean over inputs of the standard deviation of the
    /// incoming weights across units. Two passes over the rows (units), in the order the
    /// weights are stored: the means first, then the squared deviations from them, which are
    /// exactly zero for identical units.
    static func unitSpread(_ network: Network) -> Double {
        network.dense.dropLast().map { layer -> Double in
            let w = layer.weights
            guard w.rows > 1, w.columns > 0 else { return 0 }
            var means = [Double](repeating: 0, count: w.columns)
            var squares = [Double](repeating: 0, count: w.columns)
            w.elements.withUnsafeBufferPointer { elements in
                for row in 0..<w.rows {
                    for column in 0..<w.columns { means[column] += Double(elements[row * w.columns + column]) }
                }
                for column in 0..<w.columns { means[column] /= Double(w.rows) }
                for row in 0..<w.rows {
                    for column in 0..<w.columns {
                        let deviation = Double(elements[row * w.columns + column]) - means[column]
                        squares[column] += deviation * deviation
                    }
                }
            }
            return squares.reduce(0) { $0 + ($1 / Double(w.rows)).squareRoot() } / Double(w.columns)
        }.max() ?? 0
    }
}
