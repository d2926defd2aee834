import Foundation
import Initializers
import Networks
import Numerics

/// Training from each initialisation: how fast (or whether) networks learn the shapes data,
/// averaged over seeds, with divergence recorded rather than fatal.
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
        /// Independent runs per curve, drawn as mean and range.
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
    }

    public let parameters: Parameters
    let readData = ReadData()

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        let (depth, width, steps, seeds, training): (Int, Int, Int, Int, Int) =
            switch profile {
            case .quick: (6, 32, 60, 2, 2000)
            case .handout: (30, 256, 400, 3, 20_000)
            case .paper: (30, 256, 3000, 5, 50_000)
            }
        let shallowWidth = profile == .quick ? 32 : 256
        let shallowSteps = profile == .quick ? 60 : (profile == .handout ? 400 : 4000)
        self.init(
            parameters: Parameters(
                dataset: profile == .paper ? .shipped(.mnist5k) : .shapeset,
                setups: [
                    Setup(
                        name: "deep-relu", activation: .relu, depth: depth, width: width, batchNorm: [false],
                        rules: [
                            InitializerChoice(.heNormal), InitializerChoice(.glorotNormal), InitializerChoice(.lecunNormal),
                            InitializerChoice(.fanInUniform),
                        ],
                        learningRate: 0.01, momentum: 0.9, steps: steps),
                    Setup(
                        name: "tanh", activation: .tanh, depth: 5, width: shallowWidth, batchNorm: [false],
                        rules: [InitializerChoice(.fanInUniform), InitializerChoice(.glorotUniform)],
                        learningRate: 0.02, momentum: 0.9, steps: shallowSteps),
                    Setup(
                        name: "sigmoid", activation: .sigmoid, depth: 5, width: shallowWidth, batchNorm: [false],
                        rules: [InitializerChoice(.fanInUniform), InitializerChoice(.glorotUniformSigmoid), InitializerChoice(.kumar)],
                        learningRate: 0.1, momentum: 0.9, steps: shallowSteps),
                    Setup(
                        name: "deep-tanh", activation: .tanh, depth: depth, width: width, batchNorm: [false],
                        rules: [InitializerChoice(.glorotNormal), InitializerChoice(.orthogonal)],
                        learningRate: 0.01, momentum: 0.9, steps: steps),
                    Setup(
                        name: "symmetry", activation: .sigmoid, depth: 2, width: shallowWidth, batchNorm: [false],
                        rules: [InitializerChoice(.zeros), InitializerChoice(.glorotUniform)],
                        learningRate: 0.1, momentum: 0.9, steps: shallowSteps),
                    Setup(
                        name: "bad-scale", activation: .relu, depth: profile == .quick ? 6 : 10, width: shallowWidth,
                        batchNorm: [false, true],
                        rules: [InitializerChoice(.normal, std: 0.01), InitializerChoice(.heNormal)],
                        learningRate: 0.01, momentum: 0.9, steps: shallowSteps),
                ],
                seeds: seeds, batch: profile == .quick ? 32 : 128, trainingSamples: training,
                heldOutSamples: profile == .quick ? 500 : (profile == .handout ? 1000 : 5000),
                evaluations: profile == .quick ? 6 : 17, imageSide: 32))
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
        let runs = ParallelMap.map(jobs) { job in
            let run = train(
                job.0, job.1, batchNorm: job.2, seed: job.3, training: samples.training, heldOut: samples.heldOut,
                random: random.derived("\(job.0.name)/\(job.1.label)/bn=\(job.2)/seed=\(job.3)"))
            progress.advance(by: job.0.steps)
            return run
        }
        return Result(runs: runs, classes: samples.training.classCount)
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
    /// incoming weights across units.
    static func unitSpread(_ network: Network) -> Double {
        network.dense.dropLast().map { layer -> Double in
            let w = layer.weights
            guard w.rows > 1, w.columns > 0 else { return 0 }
            var total = 0.0
            for column in 0..<w.columns {
                var moments = Moments()
                for row in 0..<w.rows { moments.add(Double(w[row, column])) }
                total += moments.standardDeviation
            }
            return total / Double(w.columns)
        }.max() ?? 0
    }
}
