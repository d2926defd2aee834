import Numerics
import Testing

@testable import Networks

/// The training step fused into back-propagation
/// (``Network/backward(_:stepping:gradients:velocity:)``) against the plain one: gradients of the
/// whole network first, then ``SGD/step(_:gradients:velocity:)``.
///
/// Tolerance. The two differ only in where the weights' velocity is rounded: μ·v − ε·g with g
/// rounded first, or the GEMM's beta·v + alpha·(dot product). That is a few units in the last
/// place of the terms μ·|v| and ε·|g| per step (u = 2⁻²⁴ ≈ 6·10⁻⁸), whose size is that of the
/// layer's largest velocity, max|v|, or less; v itself may be far smaller where they cancel. Over
/// three steps the parameters agree to 10⁻⁶·(|θ| + max|v|), with a margin of about ten. A step
/// that multiplied with the updated weights on its way down, or lost the momentum, would be off
/// by ε·|g|, 10⁻³ of a parameter here.
@Suite struct FusedStepTests {
    @Test(arguments: [(Activation.relu, false), (.tanh, true), (.sigmoid, false)])
    func fusedStepsMatchGradientsThenUpdate(_ setting: (Activation, Bool)) throws {
        let (activation, batchNorm) = setting
        let architecture = try Architecture(inputs: 12, hiddenWidths: [10, 9], outputs: 4, activation: activation, batchNorm: batchNorm)
        let start = GradientCheckTests.network(architecture, seed: 5)
        let optimizer = SGD(learningRate: 0.05, momentum: 0.9)
        var plain = start, fused = start
        var plainVelocity = Gradients(architecture), fusedVelocity = Gradients(architecture)
        var gradients = Gradients(architecture), fusedGradients = Gradients(architecture)
        var workspace = Workspace(architecture, batchSize: 7)
        var random = RandomSource(seed: 6)
        for _ in 0..<3 {
            workspace.inputs.elements.withUnsafeMutableBufferPointer { random.fillNormal($0) }
            for row in 0..<workspace.batchSize { workspace.labels[row] = Int(random.next() % 4) }
            var copy = workspace
            let plainLoss = plain.computeGradients(&workspace, loss: .crossEntropy, gradients: &gradients)
            #expect(optimizer.step(&plain, gradients: gradients, velocity: &plainVelocity))
            let fusedLoss = fused.forwardWithLoss(&copy, loss: .crossEntropy)
            #expect(fused.backward(&copy, stepping: optimizer, gradients: &fusedGradients, velocity: &fusedVelocity))
            #expect(abs(plainLoss - fusedLoss) <= 1e-6 * abs(plainLoss))
        }
        func agree(_ a: [Float], _ b: [Float], _ velocity: [Float], _ what: String) {
            #expect(a.count == b.count)
            let largest = velocity.map(abs).max() ?? 0
            for i in a.indices {
                #expect(abs(a[i] - b[i]) <= 1e-6 * (abs(a[i]) + largest), "\(what)[\(i)]: \(a[i]) against \(b[i])")
            }
        }
        for index in plain.dense.indices {
            let velocity = plainVelocity.weights[index].elements
            agree(plain.dense[index].weights.elements, fused.dense[index].weights.elements, velocity, "W\(index)")
            agree(plain.dense[index].bias, fused.dense[index].bias, plainVelocity.biases[index], "b\(index)")
            agree(velocity, fusedVelocity.weights[index].elements, velocity, "v\(index)")
        }
        for index in plain.batchNorm.indices {
            agree(plain.batchNorm[index].scale, fused.batchNorm[index].scale, plainVelocity.scales[index], "γ\(index)")
            agree(plain.batchNorm[index].shift, fused.batchNorm[index].shift, plainVelocity.shifts[index], "β\(index)")
        }
        // The steps moved the weights well beyond the tolerance, so agreeing says something.
        let moved = zip(start.dense[0].weights.elements, fused.dense[0].weights.elements).map { abs($0 - $1) }.max() ?? 0
        #expect(moved > 1e-3)
    }
}
