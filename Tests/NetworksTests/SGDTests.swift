import Numerics
import Testing

@testable import Networks

@Suite struct SGDTests {
    static func setUp() throws -> (Network, Gradients) {
        let architecture = try Architecture(inputs: 2, hiddenWidths: [], outputs: 2, activation: .linear)
        let network = Network(architecture, random: RandomSource(seed: 1)) { weights, _ in weights.elements = [1, 2, 3, 4] }
        var gradients = Gradients(architecture)
        gradients.weights[0].elements = [1, -1, 0.5, 0]
        gradients.biases[0] = [2, 0]
        return (network, gradients)
    }

    @Test func classicalMomentum() throws {
        var (network, gradients) = try Self.setUp()
        var velocity = Gradients(network.architecture)
        gradients.biases[0][1] = 0
        let sgd = SGD(learningRate: 0.1, momentum: 0.5)
        #expect(sgd.step(&network, gradients: gradients, velocity: &velocity))
        #expect(sgd.step(&network, gradients: gradients, velocity: &velocity))
        // v₁ = −εg, v₂ = μv₁ − εg, so θ₂ = θ₀ − (2 + μ)εg = θ₀ − 0.25·g.
        let expected: [Float] = [1, 2, 3, 4].enumerated().map { $1 - 0.25 * gradients.weights[0].elements[$0] }
        for (value, target) in zip(network.dense[0].weights.elements, expected) { #expect(abs(value - target) < 1e-6) }
        #expect(abs(network.dense[0].bias[0] + 0.5) < 1e-6)
        #expect(abs(velocity.biases[0][0] + 0.3) < 1e-6)
    }

    @Test(arguments: [Float.nan, .infinity, 3e38])
    func reportsParametersThatStopBeingFinite(_ gradient: Float) throws {
        // 3e38 is finite, but a step of 10 × 3e38 overflows to ∞.
        var (network, gradients) = try Self.setUp()
        var velocity = Gradients(network.architecture)
        gradients.weights[0].elements[2] = gradient
        #expect(!SGD(learningRate: 10).step(&network, gradients: gradients, velocity: &velocity))
    }

    @Test func checksTheTailBeyondWholeVectors() throws {
        // A NaN in the last of 37 elements, past any multiple of a vector width.
        let architecture = try Architecture(inputs: 37, hiddenWidths: [], outputs: 1, activation: .linear)
        var network = Network(architecture, random: RandomSource(seed: 1)) { _, _ in }
        var gradients = Gradients(architecture), velocity = Gradients(architecture)
        #expect(SGD(learningRate: 1).step(&network, gradients: gradients, velocity: &velocity))
        gradients.weights[0].elements[36] = .nan
        #expect(!SGD(learningRate: 1).step(&network, gradients: gradients, velocity: &velocity))
    }
}
