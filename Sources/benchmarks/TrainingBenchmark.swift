import Dispatch
import Networks
import Numerics

/// The speed of training steps (forward, backward, momentum update) on an MLP, with several
/// independent runs side by side. Speed is measured here, never in the tests.
enum TrainingBenchmark {
    struct Measurement: Sendable {
        /// Runs side by side.
        var runs: Int
        /// Training steps per second of wall time, all runs together.
        var stepsPerSecond: Double
        /// 6 · batch · Σ fan_in·fan_out per step (two products forward and backward each).
        var gigaflopsPerSecond: Double
    }

    /// Times `steps` steps in each of `runs` runs at once, on Gaussian inputs prepared
    /// beforehand, so that only the networks' work is timed. The default is the
    /// deep ReLU network of He et al.'s depth: 30 hidden layers of 256 units on 1024 inputs
    /// (a 32×32 image), 9 classes, batch 128, SGD with momentum 0.9.
    static func measure(
        hiddenLayers: Int = 30, width: Int = 256, inputs: Int = 1024, classes: Int = 9,
        batchSize: Int = 128, steps: Int = 200, runs: Int = 2
    ) throws -> Measurement {
        let architecture = try Architecture(
            inputs: inputs, hiddenWidths: Array(repeating: width, count: hiddenLayers), outputs: classes, activation: .relu)
        let random = RandomSource(seed: 1)
        let data = LabelledData(
            materializing: GaussianClasses(features: inputs, classes: classes, split: .training, random: random),
            count: 8 * batchSize)
        let configuration = try TrainingConfiguration(
            batchSize: batchSize, steps: steps, evaluationSteps: [], heldOutSamples: 1,
            optimizer: SGD(learningRate: 1e-3, momentum: 0.9))
        let start = DispatchTime.now().uptimeNanoseconds
        _ = ParallelMap.map(Array(0..<runs)) { run in
            // Building the network inside the run keeps its arrays unshared, so the first update
            // copies nothing; it takes about 10 ms of the several seconds timed.
            var network = Network(architecture, random: random.derived("run/\(run)")) { weights, stream in
                weights.elements.withUnsafeMutableBufferPointer {
                    stream.fillNormal($0, std: (2 / Double(weights.columns)).squareRoot())
                }
            }
            return network.train(on: data, heldOut: data, configuration: configuration, random: random.derived("batches/\(run)")).steps
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let stepsPerSecond = Double(runs * steps) / seconds
        return Measurement(
            runs: runs, stepsPerSecond: stepsPerSecond,
            gigaflopsPerSecond: stepsPerSecond * 6 * Double(batchSize * architecture.weightCount) / 1e9)
    }
}
