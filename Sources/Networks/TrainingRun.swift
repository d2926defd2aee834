import Numerics

/// Fills a (fan_out, fan_in) weight matrix from a random stream: how an initialisation rule
/// reaches this module, whatever the rule.
public typealias WeightInitializer = @Sendable (inout Matrix, inout RandomSource) -> Void

/// A complete, independent training run: everything it needs, including its own random stream,
/// so that runs can go side by side on all cores and give what they would one after another.
public struct TrainingRun: Sendable {
    public var architecture: Architecture
    public var initializer: WeightInitializer
    public var trainingSet: any Dataset
    public var heldOutSet: any Dataset
    public var configuration: TrainingConfiguration
    /// The run's stream: the weights come from its child "initialization", the batch order from
    /// "training".
    public var random: RandomSource

    /// A run of `configuration` on a network of `architecture` whose weights `initializer` fills.
    public init(
        architecture: Architecture, initializer: @escaping WeightInitializer, trainingSet: any Dataset,
        heldOutSet: any Dataset, configuration: TrainingConfiguration, random: RandomSource
    ) {
        self.architecture = architecture
        self.initializer = initializer
        self.trainingSet = trainingSet
        self.heldOutSet = heldOutSet
        self.configuration = configuration
        self.random = random
    }

    /// Builds the network and trains it.
    public func run() -> TrainingRecord {
        var network = Network(architecture, random: random.derived("initialization"), initializer: initializer)
        let heldOut = LabelledData(materializing: heldOutSet, count: configuration.heldOutSamples)
        return network.train(on: trainingSet, heldOut: heldOut, configuration: configuration, random: random.derived("training"))
    }

    /// Runs every run, as many at a time as there are cores, each single-threaded (the BLAS
    /// call is), and returns the records in the order of `runs`. To probe networks during
    /// training, map ``Network/train(on:heldOut:configuration:random:observe:)`` over the jobs
    /// with `ParallelMap` the same way.
    public static func runAll(_ runs: [TrainingRun]) -> [TrainingRecord] {
        ParallelMap.map(runs) { $0.run() }
    }
}
