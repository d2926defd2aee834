import Numerics
import Testing

@testable import Networks

/// Back-propagation against central differences, (L(θ + h) − L(θ − h))/2h, for every parameter
/// of small networks.
///
/// Tolerance. The network computes in Float; the loss is summed in Double, so its error is that
/// of the outputs: with at most 6 terms per dot product, a few ε_F·|terms| ≈ 3·10⁻⁷. A central
/// difference turns an error δ in L into δ/h and has a truncation error h²·|L‴|/6; with
/// h = 10⁻² and |L‴| of order 1 both are near 2·10⁻⁵. Rounding θ ± h to Float changes h by at
/// most ε_F·|θ|/2, a relative 10⁻⁵. A bound of 10⁻³ + 10⁻²·|g| leaves a margin of more than 20.
///
/// Kinks. A difference across ReLU's, leaky ReLU's, SELU's or softsign's kink at 0 measures a
/// mix of two slopes, not the derivative; parameters whose ±h moves any unit's input across 0
/// are skipped, and the test asks that they stay few.
@Suite struct GradientCheckTests {
    static let step: Float = 1e-2
    static let batch = 6

    static let kinked: Set = ["relu", "leaky-relu", "selu", "softsign"]

    static func tolerance(_ gradient: Double) -> Double { 1e-3 + 1e-2 * abs(gradient) }

    /// A network with every parameter random, so that no gradient is trivially 0.
    static func network(_ architecture: Architecture, seed: UInt64) -> Network {
        var random = RandomSource(seed: seed)
        var network = Network(architecture, random: random) { weights, stream in
            weights.elements.withUnsafeMutableBufferPointer { stream.fillNormal($0, std: 1.2 / Double(weights.columns).squareRoot()) }
        }
        for index in network.dense.indices {
            network.dense[index].bias.withUnsafeMutableBufferPointer { random.fillNormal($0, std: 0.3) }
        }
        for index in network.batchNorm.indices {
            network.batchNorm[index].scale.withUnsafeMutableBufferPointer { random.fillUniform($0, low: 0.5, high: 1.5) }
            network.batchNorm[index].shift.withUnsafeMutableBufferPointer { random.fillNormal($0, std: 0.3) }
            network.batchNorm[index].runningMean.withUnsafeMutableBufferPointer { random.fillNormal($0, std: 0.3) }
            network.batchNorm[index].runningVariance.withUnsafeMutableBufferPointer { random.fillUniform($0, low: 0.5, high: 2) }
        }
        return network
    }

    static func workspace(_ architecture: Architecture, seed: UInt64) -> Workspace {
        var random = RandomSource(seed: seed).derived("batch")
        var workspace = Workspace(architecture, batchSize: batch)
        workspace.inputs.elements.withUnsafeMutableBufferPointer { random.fillNormal($0) }
        for row in 0..<batch { workspace.labels[row] = Int(random.next() % UInt64(architecture.outputs)) }
        return workspace
    }

    /// Every parameter, with where its gradient is.
    static func parameters(of network: Network) -> [(WritableKeyPath<Network, Float>, KeyPath<Gradients, Float>)] {
        var all: [(WritableKeyPath<Network, Float>, KeyPath<Gradients, Float>)] = []
        for layer in network.dense.indices {
            for i in network.dense[layer].weights.elements.indices {
                all.append((\Network.dense[layer].weights.elements[i], \Gradients.weights[layer].elements[i]))
            }
            for i in network.dense[layer].bias.indices {
                all.append((\Network.dense[layer].bias[i], \Gradients.biases[layer][i]))
            }
        }
        for layer in network.batchNorm.indices {
            for i in network.batchNorm[layer].scale.indices {
                all.append((\Network.batchNorm[layer].scale[i], \Gradients.scales[layer][i]))
                all.append((\Network.batchNorm[layer].shift[i], \Gradients.shifts[layer][i]))
            }
        }
        return all
    }

    /// The loss, and the sign pattern of every unit's input (to detect kink crossings).
    static func evaluate(_ network: Network, _ workspace: inout Workspace, loss: Loss, mode: Network.Mode) -> (Double, [Bool]) {
        network.forward(&workspace, mode: mode)
        let signs = workspace.layers.dropLast().flatMap { $0.activationInputs.elements.map { $0 > 0 } }
        return (loss.mean(outputs: workspace.outputs, labels: workspace.labels), signs)
    }

    /// Checks every parameter; returns how many were skipped at a kink and how many checked.
    static func check(
        _ architecture: Architecture, loss: Loss = .crossEntropy, mode: Network.Mode = .training, seed: UInt64 = 1
    ) -> (skipped: Int, checked: Int) {
        var network = network(architecture, seed: seed)
        var workspace = workspace(architecture, seed: seed)
        var gradients = Gradients(architecture)
        network.forward(&workspace, mode: mode)
        _ = loss.mean(of: &workspace)
        network.backward(&workspace, gradients: &gradients)
        let (_, signs) = evaluate(network, &workspace, loss: loss, mode: mode)
        var skipped = 0, checked = 0
        for (parameter, gradient) in parameters(of: network) {
            let original = network[keyPath: parameter]
            network[keyPath: parameter] = original + step
            let (plus, plusSigns) = evaluate(network, &workspace, loss: loss, mode: mode)
            network[keyPath: parameter] = original - step
            let (minus, minusSigns) = evaluate(network, &workspace, loss: loss, mode: mode)
            network[keyPath: parameter] = original
            if kinked.contains(architecture.activation.id) && (plusSigns != signs || minusSigns != signs) {
                skipped += 1
                continue
            }
            // The perturbation actually applied, after rounding to Float.
            let width = Double(original + step) - Double(original - step)
            let difference = (plus - minus) / width
            let analytic = Double(gradients[keyPath: gradient])
            #expect(
                abs(difference - analytic) <= tolerance(analytic), "\(architecture.activation) \(parameter): \(difference) vs \(analytic)")
            checked += 1
        }
        return (skipped, checked)
    }

    @Test(arguments: Activation.catalogue + [.leakyReLU(slope: 0.2)])
    func denseLayers(_ activation: Activation) throws {
        let architecture = try Architecture(inputs: 4, hiddenWidths: [5, 4], outputs: 3, activation: activation)
        let (skipped, checked) = Self.check(architecture)
        #expect(checked + skipped == architecture.weightCount + 5 + 4 + 3)
        #expect(skipped <= checked / 10)
    }

    @Test(arguments: [Activation.tanh, .relu, .sigmoid])
    func batchNormWithBatchStatistics(_ activation: Activation) throws {
        let architecture = try Architecture(inputs: 4, hiddenWidths: [5, 4], outputs: 3, activation: activation, batchNorm: true)
        let (skipped, checked) = Self.check(architecture)
        #expect(checked + skipped == architecture.weightCount + 3 + 2 * (5 + 4))
        #expect(skipped <= checked / 10)
    }

    @Test func batchNormWithRunningStatistics() throws {
        let architecture = try Architecture(inputs: 4, hiddenWidths: [5, 4], outputs: 3, activation: .tanh, batchNorm: true)
        let (skipped, checked) = Self.check(architecture, mode: .inference)
        #expect(skipped == 0 && checked > 0)
    }

    @Test(arguments: [Activation.tanh, .relu])
    func squaredError(_ activation: Activation) throws {
        let architecture = try Architecture(inputs: 4, hiddenWidths: [5], outputs: 3, activation: activation)
        let (skipped, checked) = Self.check(architecture, loss: .squaredError)
        #expect(skipped <= checked / 10)
    }

    @Test func noHiddenLayer() throws {
        // Softmax regression: the output layer alone.
        let architecture = try Architecture(inputs: 4, hiddenWidths: [], outputs: 3, activation: .relu)
        let (skipped, checked) = Self.check(architecture)
        #expect(skipped == 0 && checked == 15)
    }

    @Test func preActivationGradientsAreWhatTheBiasGradientsSum() throws {
        // ∂L/∂b_j = Σ_samples ∂L/∂A_{sj}: the exposed ∂L/∂A agree with the checked bias gradients.
        let architecture = try Architecture(inputs: 4, hiddenWidths: [5, 4], outputs: 3, activation: .tanh)
        var network = Self.network(architecture, seed: 3)
        var workspace = Self.workspace(architecture, seed: 3)
        var gradients = Gradients(architecture)
        _ = network.computeGradients(&workspace, loss: .crossEntropy, gradients: &gradients)
        for layer in workspace.layers.indices {
            let dA = workspace.layers[layer].preActivationGradients
            for unit in 0..<dA.columns {
                let sum = (0..<dA.rows).reduce(Float(0)) { $0 + dA[$1, unit] }
                #expect(abs(sum - gradients.biases[layer][unit]) < 1e-6)
            }
        }
    }
}
