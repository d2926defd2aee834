import Foundation
import Numerics
import Testing

@testable import Networks

@Suite struct NetworkTests {
    @Test func initializerSeesEachLayerOnceWithItsShapeAndStream() throws {
        let architecture = try Architecture(inputs: 7, hiddenWidths: [5, 4], outputs: 3, activation: .tanh)
        // The closure is not escaping, so a local array can record the calls.
        var shapes: [(Int, Int)] = [], firstDraws: [UInt64] = []
        let network = Network(architecture, random: RandomSource(seed: 9)) { weights, stream in
            shapes.append((weights.rows, weights.columns))
            firstDraws.append(stream.next())
            weights.elements = weights.elements.map { _ in 1 }
        }
        #expect(shapes.map(\.0) == [5, 4, 3] && shapes.map(\.1) == [7, 5, 4])
        #expect(
            firstDraws
                == (0..<3).map {
                    var s = RandomSource(seed: 9).derived("dense/\($0)"); return s.next()
                })
        #expect(network.dense.allSatisfy { $0.bias.allSatisfy { $0 == 0 } && $0.weights.elements.allSatisfy { $0 == 1 } })
        #expect(network.batchNorm.isEmpty)
    }

    @Test func batchNormReplacesTheHiddenBiases() throws {
        let architecture = try Architecture(inputs: 3, hiddenWidths: [4, 4], outputs: 2, activation: .relu, batchNorm: true)
        let network = Network(architecture, random: RandomSource(seed: 1)) { _, _ in }
        #expect(network.dense.map(\.bias.count) == [0, 0, 2])
        #expect(
            network.batchNorm.count == 2 && network.batchNorm[0].scale == [1, 1, 1, 1]
                && network.batchNorm[0].runningVariance == [1, 1, 1, 1])
    }

    @Test func forwardAgreesWithTheDefinition() throws {
        let architecture = try Architecture(inputs: 3, hiddenWidths: [4], outputs: 2, activation: .sigmoid)
        let network = GradientCheckTests.network(architecture, seed: 5)
        var workspace = GradientCheckTests.workspace(architecture, seed: 5)
        network.forward(&workspace, mode: .training)
        let (w1, b1, w2, b2) = (network.dense[0].weights, network.dense[0].bias, network.dense[1].weights, network.dense[1].bias)
        for sample in 0..<workspace.batchSize {
            let x = (0..<3).map { Double(workspace.inputs[sample, $0]) }
            let h = (0..<4).map { j in
                Activation.sigmoid.value((0..<3).reduce(Double(b1[j])) { $0 + Double(w1[j, $1]) * x[$1] })
            }
            for k in 0..<2 {
                let y = (0..<4).reduce(Double(b2[k])) { $0 + Double(w2[k, $1]) * h[$1] }
                // Float products of 3 and 4 terms of size ≤ 2: a few ulps of 1.
                #expect(abs(Double(workspace.outputs[sample, k]) - y) < 1e-5)
            }
            for j in 0..<4 { #expect(abs(Double(workspace.layers[0].activations[sample, j]) - h[j]) < 1e-6) }
        }
    }

    @Test func batchNormNormalizesEachUnitOverTheBatch() throws {
        let architecture = try Architecture(inputs: 3, hiddenWidths: [4], outputs: 2, activation: .linear, batchNorm: true)
        var network = Network(architecture, random: RandomSource(seed: 2)) { weights, stream in
            weights.elements.withUnsafeMutableBufferPointer { stream.fillNormal($0) }
        }
        var workspace = Workspace(architecture, batchSize: 64)
        var random = RandomSource(seed: 3)
        workspace.inputs.elements.withUnsafeMutableBufferPointer { random.fillNormal($0, mean: 2, std: 3) }
        network.forward(&workspace, mode: .training)
        let z = workspace.layers[0].normalizedPreActivations
        for unit in 0..<4 {
            let moments = Moments((0..<64).map { z[$0, unit] })
            // Exactly 0 and σ²/(σ² + ε) ≈ 1 − ε/σ², up to Float rounding.
            #expect(abs(moments.mean) < 1e-5 && abs(moments.variance - 1) < 1e-4)
        }
        // The running averages move a tenth of the way, with the unbiased variance.
        let a = workspace.layers[0].preActivations
        network.updateRunningStatistics(from: workspace)
        let unit0 = Moments((0..<64).map { a[$0, 0] })
        #expect(abs(Double(network.batchNorm[0].runningMean[0]) - 0.1 * unit0.mean) < 1e-5)
        #expect(abs(Double(network.batchNorm[0].runningVariance[0]) - (0.9 + 0.1 * unit0.sampleVariance)) < 1e-4)
    }

    @Test func inferenceUsesTheRunningAverages() throws {
        let architecture = try Architecture(inputs: 2, hiddenWidths: [2], outputs: 2, activation: .linear, batchNorm: true)
        var network = Network(architecture, random: RandomSource(seed: 2)) { weights, _ in
            weights.elements = [1, 0, 0, 1]
        }
        network.batchNorm[0].runningMean = [1, -1]
        network.batchNorm[0].runningVariance = [4 - BatchNorm.epsilon, 1 - BatchNorm.epsilon]
        var workspace = Workspace(architecture, batchSize: 1)
        workspace.inputs.elements = [3, 3]
        network.forward(&workspace, mode: .inference)
        #expect(workspace.layers[0].normalized.elements == [1, 4])
    }

    @Test func workspaceLoadsSamplesByRow() throws {
        let architecture = try Architecture(inputs: 2, hiddenWidths: [], outputs: 3, activation: .linear)
        let data = LabelledData(inputs: Matrix(rows: 3, columns: 2, elements: [1, 2, 3, 4, 5, 6]), labels: [2, 0, 1], classCount: 3)
        var workspace = Workspace(architecture, batchSize: 2)
        workspace.load(0, from: data, index: 2)
        workspace.load(1, from: data, index: 0)
        #expect(workspace.inputs.elements == [5, 6, 1, 2] && workspace.labels == [1, 2])
    }

    @Test func architectureCountsAndValidates() throws {
        let architecture = try Architecture(inputs: 1024, hiddenWidths: Array(repeating: 256, count: 30), outputs: 9, activation: .relu)
        #expect(architecture.weightCount == 1024 * 256 + 29 * 256 * 256 + 256 * 9)
        #expect(throws: ArchitectureError.emptyLayer("hidden layer 2")) {
            try Architecture(inputs: 3, hiddenWidths: [4, 0], outputs: 2, activation: .relu)
        }
        let json = try JSONEncoder().encode(architecture)
        #expect(try JSONDecoder().decode(Architecture.self, from: json) == architecture)
        let bad = Data(#"{"inputs": 0, "hiddenWidths": [], "outputs": 2, "activation": "relu"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Architecture.self, from: bad) }
    }
}
