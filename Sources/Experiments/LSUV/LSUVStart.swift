import Initializers
import Networks
import Numerics

/// LSUV (Mishkin & Matas 2016) on the shipped digits: deep ReLU and tanh networks started
/// orthogonal and rescaled layer by layer on a batch of training images, against the rule
/// derived for their activation (He for ReLU, Glorot for tanh). Per run: the rescalings each
/// layer took, every layer's output variance on that batch at the start, and a short training
/// run from each start with Convergence's trainer.
public struct LSUVStart: Experiment {
    public static let id = "lsuv"

    /// One network shape, its activation, and the rule LSUV is compared with.
    public struct Setup: Codable, Sendable, Hashable {
        public var name: String
        public var activation: Activation
        public var depth: Int
        public var width: Int
        public var baseline: InitializerChoice
        public var learningRate: Double
        public var steps: Int
    }

    public struct Parameters: Codable, Sendable, Hashable {
        /// The shipped set trained on.
        public var dataset: ShippedSet
        public var setups: [Setup]
        /// Independent runs per start, each with its own weights, LSUV batch and batch order.
        public var seeds: Int
        /// The training mini-batch.
        public var batch: Int
        /// The training images LSUV measures on (and the start's layer variances are taken on).
        public var lsuvBatch: Int
        /// LSUV's Tol_var and T_max.
        public var tolerance: Double
        public var maximumIterations: Int
        public var heldOutSamples: Int
        /// Evaluations per run, evenly spaced over its steps.
        public var evaluations: Int
        /// The false-alarm rate of each check (see ``Check``).
        public var falseAlarmRate: Double
    }

    public let parameters: Parameters

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        let (depth, width, steps, seeds, batch, lsuvBatch, evaluations) =
            switch profile {
            case .quick: (10, 32, 60, 4, 32, 128, 4)
            case .handout: (20, 64, 150, 5, 64, 256, 6)
            case .paper: (30, 256, 400, 10, 128, 512, 11)
            }
        self.init(
            parameters: Parameters(
                dataset: .mnist5k,
                setups: [
                    Setup(
                        name: "relu", activation: .relu, depth: depth, width: width, baseline: InitializerChoice(.heNormal),
                        learningRate: 0.005, steps: steps),
                    Setup(
                        name: "tanh", activation: .tanh, depth: depth, width: width, baseline: InitializerChoice(.glorotNormal),
                        learningRate: 0.01, steps: steps),
                ],
                seeds: seeds, batch: batch, lsuvBatch: lsuvBatch, tolerance: 0.1, maximumIterations: 10, heldOutSamples: 1000,
                evaluations: evaluations, falseAlarmRate: Significance.falseAlarmRate))
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        var problems = ParameterProblem.outsideRanges([
            ("seeds", parameters.seeds, 2...100), ("batch", parameters.batch, 1...8192), ("lsuv_batch", parameters.lsuvBatch, 2...8192),
            ("maximum_iterations", parameters.maximumIterations, 1...1000), ("held_out_samples", parameters.heldOutSamples, 1...100_000),
            ("evaluations", parameters.evaluations, 2...10_000),
        ])
        if !(parameters.tolerance > 0 && parameters.tolerance < 1) {
            problems.append(ParameterProblem("tolerance", "\(parameters.tolerance) is outside (0, 1)"))
        }
        if parameters.setups.isEmpty || Set(parameters.setups.map(\.name)).count != parameters.setups.count {
            problems.append(ParameterProblem("setups", "needs at least one setup, each with a name of its own"))
        }
        for (index, setup) in parameters.setups.enumerated() {
            if !(1...1000).contains(setup.depth) || !(1...8192).contains(setup.width) || !(0...1_000_000).contains(setup.steps)
                || !(setup.learningRate > 0 && setup.learningRate.isFinite) || (try? setup.baseline.rule(for: setup.activation)) == nil
            {
                problems.append(
                    ParameterProblem(
                        "setups[\(index)]",
                        "\(setup.name): depth 1 to 1000, width 1 to 8192, steps 0 to 1000000, "
                            + "a positive learning rate and a rule that can be built"
                    ))
            }
        }
        problems += Significance.problems(parameters.falseAlarmRate)
        return problems
    }

    // MARK: Result

    /// How a run's network started.
    public enum Start: String, Codable, Sendable, Hashable, CaseIterable {
        case lsuv
        case baseline
    }

    public struct Run: Codable, Sendable, Hashable {
        public var setup: String
        public var start: Start
        public var seed: Int
        /// Var(a_l) of every dense layer on the LSUV batch at the start, the output layer last.
        public var layerVariances: [Double]
        /// What LSUV did, for its runs.
        public var lsuv: LSUVReport?
        public var evaluations: [Evaluation]
        public var divergedAt: Int?
    }

    public struct Result: Codable, Sendable {
        public var runs: [Run]
        /// Why there are no runs, when the data could not be read.
        public var dataError: String?
    }

    // MARK: Run

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        let data: TrainingData
        do {
            data = try DataSource.shipped(parameters.dataset).load(random: random.derived("data"))
        } catch {
            return Result(runs: [], dataError: error.description)
        }
        let jobs = parameters.setups.flatMap { setup in
            Start.allCases.flatMap { start in (0..<parameters.seeds).map { (setup, start, $0) } }
        }
        progress.expect(jobs.reduce(0) { $0 + $1.0.steps })
        let runs = ParallelMap.map(jobs) { job -> Run in
            defer { progress.advance(by: job.0.steps) }
            // Both starts of a seed measure on the same images and train in the same order.
            return train(job.0, job.1, seed: job.2, data: data, random: random.derived("\(job.0.name)/seed=\(job.2)"))
        }
        return Result(runs: runs, dataError: nil)
    }

    func train(_ setup: Setup, _ start: Start, seed: Int, data: TrainingData, random: RandomSource) -> Run {
        let failed = Run(setup: setup.name, start: start, seed: seed, layerVariances: [], lsuv: nil, evaluations: [], divergedAt: 0)
        guard
            let architecture = try? Architecture(
                inputs: data.training.featureCount, hiddenWidths: Array(repeating: setup.width, count: setup.depth),
                outputs: data.training.classCount, activation: setup.activation),
            let configuration = try? TrainingConfiguration(
                batchSize: parameters.batch, steps: setup.steps,
                evaluationSteps: (0..<parameters.evaluations).map { setup.steps * $0 / max(parameters.evaluations - 1, 1) },
                heldOutSamples: min(parameters.heldOutSamples, data.heldOut.labels.count),
                optimizer: SGD(learningRate: setup.learningRate, momentum: 0.9))
        else { return failed }
        var indices = random.derived("lsuv-batch")
        let count = data.training.labels.count
        let batch = data.training.subset((0..<min(parameters.lsuvBatch, count)).map { _ in Int(indices.next() % UInt64(count)) }).inputs
        var network: Network
        var report: LSUVReport?
        switch start {
        case .lsuv:
            network = InitializerChoice(.orthogonal).network(architecture, random: random.derived("initialization/orthogonal"))
            report = LSUV(tolerance: parameters.tolerance, maximumIterations: parameters.maximumIterations).normalize(
                &network, batch: batch)
        case .baseline:
            network = setup.baseline.network(architecture, random: random.derived("initialization/\(setup.baseline.label)"))
        }
        let variances = Self.outputVariances(network, batch)
        let heldOut = LabelledData(materializing: data.heldOut, count: configuration.heldOutSamples)
        let record = network.train(on: data.training, heldOut: heldOut, configuration: configuration, random: random.derived("training"))
        return Run(
            setup: setup.name, start: start, seed: seed, layerVariances: variances, lsuv: report, evaluations: record.evaluations,
            divergedAt: record.divergence?.step)
    }

    /// Var(a_l) of every dense layer over `batch`, the biases (0 at the start) included.
    static func outputVariances(_ network: Network, _ batch: Matrix) -> [Double] {
        var workspace = Workspace(network.architecture, batchSize: batch.rows)
        workspace.inputs = batch
        network.forward(&workspace, mode: .inference)
        return workspace.layers.map { layer in layer.preActivations.elements.withUnsafeBufferPointer { Moments($0).variance } }
    }

    /// The runs of a setup from a start that trained, by seed.
    public func runs(_ result: Result, _ setup: Setup, _ start: Start) -> [Run] {
        result.runs.filter { $0.setup == setup.name && $0.start == start && !$0.evaluations.isEmpty }.sorted { $0.seed < $1.seed }
    }
}
