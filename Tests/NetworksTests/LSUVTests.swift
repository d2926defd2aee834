import Numerics
import Testing

@testable import Networks

@Suite struct LSUVTests {
    static func network(_ activation: Activation, widths: [Int] = [40, 40, 40], seed: UInt64 = 3) throws -> Network {
        let architecture = try Architecture(inputs: 30, hiddenWidths: widths, outputs: 10, activation: activation)
        // A scale far from any rule's, so that every layer has something to correct.
        return Network(architecture, random: RandomSource(seed: seed)) { weights, stream in
            weights.elements.withUnsafeMutableBufferPointer { stream.fillNormal($0, std: 0.3) }
        }
    }

    static func batch(rows: Int = 128, columns: Int = 30, seed: UInt64 = 4) -> Matrix {
        var batch = Matrix(rows: rows, columns: columns)
        var random = RandomSource(seed: seed)
        batch.elements.withUnsafeMutableBufferPointer { random.fillNormal($0) }
        return batch
    }

    /// Var(A) of every dense layer, measured afresh by the network's own forward pass.
    static func outputVariances(_ network: Network, _ batch: Matrix) -> [Double] {
        var workspace = Workspace(network.architecture, batchSize: batch.rows)
        workspace.inputs = batch
        network.forward(&workspace, mode: .inference)
        // The forward pass has added each bias to A; these networks' biases are 0 anyway.
        return workspace.layers.map { Moments($0.preActivations.elements).variance }
    }

    @Test(arguments: [Activation.relu, .tanh])
    func everyLayerEndsWithinTheToleranceAfterOneRescaling(_ activation: Activation) throws {
        var network = try Self.network(activation)
        let batch = Self.batch()
        let before = Self.outputVariances(network, batch)
        #expect(before.contains { abs($0 - 1) > 0.1 })
        let report = LSUV().normalize(&network, batch: batch)
        #expect(report.converged && report.problems.isEmpty)
        #expect(report.layers.contains { $0.iterations == 1 })
        for (variance, layer) in zip(Self.outputVariances(network, batch), report.layers) {
            #expect(abs(variance - 1) < 0.1)
            #expect(abs(variance - layer.finalVariance) < 1e-5)
            // With zero biases A is linear in W, so the first rescaling lands on 1 up to rounding
            // (a layer that happens to start within the tolerance takes none).
            #expect(layer.iterations <= 1 && (layer.iterations == 0 || abs(layer.finalVariance - 1) < 1e-5))
        }
    }

    @Test func aLayerAlreadyWithinTheToleranceIsLeftAlone() throws {
        var network = try Self.network(.relu)
        let batch = Self.batch()
        _ = LSUV().normalize(&network, batch: batch)
        let normalized = network
        let again = LSUV().normalize(&network, batch: batch)
        #expect(again.layers.allSatisfy { $0.iterations == 0 && $0.outcome == .withinTolerance })
        #expect(network == normalized)
    }

    @Test func sameNetworkAndBatchGiveTheSameWeights() throws {
        var first = try Self.network(.tanh), second = try Self.network(.tanh)
        let batch = Self.batch()
        #expect(LSUV().normalize(&first, batch: batch) == LSUV().normalize(&second, batch: batch))
        #expect(first == second)
    }

    /// Biases of spread 2 give Var(A) ≥ 4 whatever the scale of W: the loop runs to its cap and
    /// says so, having shrunk W towards 0 on the way.
    @Test func biasesSpreadTooFarStopAtTheCap() throws {
        var network = try Self.network(.relu)
        for unit in network.dense[1].bias.indices { network.dense[1].bias[unit] = unit.isMultiple(of: 2) ? 2 : -2 }
        let report = LSUV(maximumIterations: 7).normalize(&network, batch: Self.batch())
        #expect(!report.converged)
        #expect(report.layers[1].outcome == .reachedCap && report.layers[1].iterations == 7)
        // Var(A) = c²·Var(XWᵀ) + 2c·Cov + Var(b) falls towards Var(b) = 4 as c shrinks.
        #expect(report.layers[1].finalVariance > 3.9)
        #expect(report.layers.enumerated().allSatisfy { $0.offset == 1 || $0.element.outcome == .withinTolerance })
        #expect(report.problems.count == 1 && report.problems[0].hasPrefix("layer 2:") && report.problems[0].contains("cap"))
    }

    /// Behind a layer of dead ReLUs every input of the next layer is 0: its variance is 0, no
    /// scale helps, and its weights stay as they were instead of becoming infinite.
    @Test func deadUnitsBelowLeaveALayerWithNoVariance() throws {
        var network = try Self.network(.relu)
        network.dense[0].bias = network.dense[0].bias.map { _ in -100 }
        let weightsBefore = network.dense[1].weights
        let report = LSUV().normalize(&network, batch: Self.batch())
        #expect(report.layers[1].outcome == .noVariance && report.layers[1].iterations == 0)
        #expect(network.dense[1].weights == weightsBefore)
        #expect(network.dense.allSatisfy { $0.weights.elements.allSatisfy(\.isFinite) })
        #expect(report.problems.first?.hasPrefix("layer 2: Var(A) = 0") == true)
    }
}
