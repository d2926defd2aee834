import Foundation
import Numerics
import Testing

@testable import Networks

@Suite struct TrainingTests {
    static let random = RandomSource(seed: 11)

    static func initializer(gain: Double) -> WeightInitializer {
        { weights, stream in
            weights.elements.withUnsafeMutableBufferPointer { stream.fillNormal($0, std: gain / Double(weights.columns).squareRoot()) }
        }
    }

    static func run(
        activation: Activation = .relu, batchNorm: Bool = false, loss: Loss = .crossEntropy,
        learningRate: Double = 0.05, steps: Int = 300, seed: String = "run"
    ) throws -> TrainingRun {
        let architecture = try Architecture(inputs: 10, hiddenWidths: [32, 32], outputs: 3, activation: activation, batchNorm: batchNorm)
        return TrainingRun(
            architecture: architecture, initializer: initializer(gain: activation.gain),
            trainingSet: LabelledData(
                materializing: GaussianClasses(features: 10, classes: 3, split: .training, random: random), count: 2000),
            heldOutSet: GaussianClasses(features: 10, classes: 3, split: .validation, random: random),
            configuration: try TrainingConfiguration(
                batchSize: 32, steps: steps, evaluationSteps: [0, steps / 2, steps], heldOutSamples: 1000, loss: loss,
                optimizer: SGD(learningRate: learningRate, momentum: 0.9)),
            random: random.derived(seed))
    }

    @Test(arguments: [(Activation.relu, false, Loss.crossEntropy), (.tanh, true, .crossEntropy), (.tanh, false, .squaredError)])
    func learnsLinearlySeparableClasses(_ setting: (Activation, Bool, Loss)) throws {
        let record = try Self.run(activation: setting.0, batchNorm: setting.1, loss: setting.2).run()
        #expect(!record.diverged && record.steps == 300)
        #expect(record.evaluations.map(\.step) == [0, 150, 300])
        #expect(record.evaluations[0].trainingLoss == nil && record.evaluations[1].trainingLoss != nil)
        let first = try #require(record.evaluations.first), last = try #require(record.evaluations.last)
        #expect(last.heldOutLoss < first.heldOutLoss / 2)
        // Chance is about 1/3; the classes are cones a linear map separates exactly. On 1000
        // held-out samples the standard error of an accuracy near 0.9 is 0.01, so 0.85 is a
        // lower bound far outside the noise.
        #expect(last.heldOutAccuracy > 0.85)
    }

    @Test func divergenceStopsTheRunWithoutNaNs() throws {
        let record = try Self.run(learningRate: 1e6, steps: 200).run()
        let divergence = try #require(record.divergence)
        #expect(divergence.step >= 1 && divergence.step <= 200)
        #expect(record.steps <= divergence.step)
        #expect(record.evaluations.allSatisfy { $0.heldOutLoss.isFinite && ($0.trainingLoss?.isFinite ?? true) })
        // JSONEncoder refuses NaN, so a record that encodes holds none.
        let decoded = try JSONDecoder().decode(TrainingRecord.self, from: JSONEncoder().encode(record))
        #expect(decoded == record)
    }

    @Test func runsSideBySideEqualRunsOneAfterAnother() throws {
        let runs = try [Self.run(steps: 60, seed: "a"), Self.run(activation: .tanh, steps: 60, seed: "b"), Self.run(steps: 60, seed: "c")]
        let parallel = TrainingRun.runAll(runs)
        let serial = runs.map { $0.run() }
        #expect(parallel == serial)
        #expect(parallel[0] != parallel[2])
    }

    @Test func observerSeesTheNetworkAtEachEvaluation() throws {
        let run = try Self.run(steps: 20)
        var network = Network(run.architecture, random: run.random.derived("initialization"), initializer: run.initializer)
        let heldOut = LabelledData(materializing: run.heldOutSet, count: 100)
        var seen: [Int] = [], firstWeights: [Float] = []
        _ = network.train(on: run.trainingSet, heldOut: heldOut, configuration: run.configuration, random: run.random) { step, network in
            seen.append(step)
            firstWeights.append(network.dense[0].weights.elements[0])
        }
        #expect(seen == [0, 10, 20])
        #expect(Set(firstWeights).count == 3)
    }

    @Test func finiteSetsAreVisitedOncePerEpoch() throws {
        // 10 samples whose only feature is their index; a batch of 5 takes half an epoch.
        let data = LabelledData(
            inputs: Matrix(rows: 10, columns: 1, elements: (0..<10).map(Float.init)), labels: Array(repeating: 0, count: 10), classCount: 2)
        let architecture = try Architecture(inputs: 1, hiddenWidths: [], outputs: 2, activation: .linear)
        var workspace = Workspace(architecture, batchSize: 5)
        var sampler = BatchSampler(data, random: RandomSource(seed: 4))
        var epochs: [[Float]] = []
        for _ in 0..<3 {
            var epoch: [Float] = []
            for _ in 0..<2 {
                sampler.fill(&workspace)
                epoch += workspace.inputs.elements
            }
            epochs.append(epoch)
        }
        for epoch in epochs { #expect(epoch.sorted() == (0..<10).map(Float.init)) }
        #expect(epochs[0] != epochs[1])
    }

    @Test func generatedSetsAreReadInOrder() throws {
        let shapes = Shapeset(split: .training, random: Self.random)
        let architecture = try Architecture(inputs: 1024, hiddenWidths: [], outputs: 9, activation: .linear)
        var workspace = Workspace(architecture, batchSize: 3)
        var sampler = BatchSampler(shapes, random: RandomSource(seed: 4))
        sampler.fill(&workspace)
        sampler.fill(&workspace)
        #expect(workspace.labels == (3..<6).map { shapes.scene($0).label })
    }
}

@Suite struct TrainingConfigurationTests {
    @Test func rejectsSettingsThatCannotRun() {
        let sgd = SGD(learningRate: 0.1, momentum: 0.9)
        #expect(throws: TrainingConfigurationError.notPositive("batchSize", 0)) {
            try TrainingConfiguration(batchSize: 0, steps: 1, evaluationSteps: [], heldOutSamples: 1, optimizer: sgd)
        }
        #expect(throws: TrainingConfigurationError.notPositive("heldOutSamples", 0)) {
            try TrainingConfiguration(batchSize: 1, steps: 1, evaluationSteps: [], heldOutSamples: 0, optimizer: sgd)
        }
        #expect(throws: TrainingConfigurationError.negativeSteps(-1)) {
            try TrainingConfiguration(batchSize: 1, steps: -1, evaluationSteps: [], heldOutSamples: 1, optimizer: sgd)
        }
        #expect(throws: TrainingConfigurationError.learningRate(.infinity)) {
            try TrainingConfiguration(
                batchSize: 1, steps: 1, evaluationSteps: [], heldOutSamples: 1, optimizer: SGD(learningRate: .infinity))
        }
        #expect(throws: TrainingConfigurationError.momentum(1)) {
            try TrainingConfiguration(
                batchSize: 1, steps: 1, evaluationSteps: [], heldOutSamples: 1, optimizer: SGD(learningRate: 1, momentum: 1))
        }
    }

    @Test func decodesWithValidation() throws {
        let json =
            #"{"batchSize": 10, "steps": 5, "evaluationSteps": [0, 5], "heldOutSamples": 300, "optimizer": {"learningRate": 0.1, "momentum": 0}}"#
        let configuration = try JSONDecoder().decode(TrainingConfiguration.self, from: Data(json.utf8))
        #expect(configuration.loss == .crossEntropy && configuration.batchSize == 10)
        #expect(try JSONDecoder().decode(TrainingConfiguration.self, from: JSONEncoder().encode(configuration)) == configuration)
        let bad = json.replacingOccurrences(of: #""batchSize": 10"#, with: #""batchSize": 0"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TrainingConfiguration.self, from: Data(bad.utf8)) }
    }
}
