import Testing

@testable import benchmarks

@Suite struct TrainingBenchmarkTests {
    @Test func runsOnATinyNetwork() throws {
        // Only that it runs and reports consistently; speed is never asserted in tests.
        let measurement = try TrainingBenchmark.measure(hiddenLayers: 2, width: 8, inputs: 16, classes: 3, batchSize: 4, steps: 3, runs: 2)
        #expect(measurement.runs == 2 && measurement.stepsPerSecond > 0)
        let flopsPerStep = 6.0 * 4 * Double(16 * 8 + 8 * 8 + 8 * 3)
        #expect(abs(measurement.gigaflopsPerSecond * 1e9 / measurement.stepsPerSecond - flopsPerStep) < 1e-6 * flopsPerStep)
    }
}
