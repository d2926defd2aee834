import Numerics
import Testing

@testable import Networks

/// Back-propagation through residual stacks against central differences, for every parameter
/// and every input, with each placement of layer normalisation. The loss is linear in the
/// outputs, L = Σ G ⊙ outputs with a fixed random G, so all its curvature is the stack's.
/// Tolerances and the treatment of ReLU's kink are GradientCheckTests'.
@Suite struct ResidualStackTests {
    static let width = 4, depth = 3, batch = 3

    /// A stack with every parameter random, so that no gradient is trivially 0.
    static func stack(_ normalization: ResidualStack.Normalization, seed: UInt64) -> ResidualStack {
        var random = RandomSource(seed: seed)
        var stack = ResidualStack(width: width, depth: depth, normalization: normalization)
        for l in stack.blocks.indices {
            stack.blocks[l].inner.elements.withUnsafeMutableBufferPointer { random.fillNormal($0, std: 0.8) }
            stack.blocks[l].outer.elements.withUnsafeMutableBufferPointer { random.fillNormal($0, std: 0.8) }
            stack.blocks[l].gain.withUnsafeMutableBufferPointer { random.fillUniform($0, low: 0.5, high: 1.5) }
            stack.blocks[l].scale = Float(random.nextUnit() + 0.5)
        }
        return stack
    }

    struct Setting {
        var stack: ResidualStack
        var workspace: ResidualWorkspace
        var target: [Float]

        init(_ normalization: ResidualStack.Normalization, seed: UInt64) {
            stack = ResidualStackTests.stack(normalization, seed: seed)
            workspace = ResidualWorkspace(stack, batchSize: ResidualStackTests.batch)
            var random = RandomSource(seed: seed).derived("data")
            workspace.fillInputs { random.fillNormal($0) }
            target = [Float](repeating: 0, count: ResidualStackTests.batch * ResidualStackTests.width)
            target.withUnsafeMutableBufferPointer { random.fillNormal($0) }
        }

        /// L, and the sign of every hidden unit's input (to detect kink crossings).
        mutating func evaluate() -> (Double, [Bool]) {
            stack.forward(&workspace)
            let loss = zip(workspace.outputs.elements, target).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            return (loss, workspace.hiddenPreActivations.flatMap { $0.elements.map { $0 > 0 } })
        }
    }

    /// Checks every parameter and input; returns how many were skipped at a kink and how many checked.
    static func check(_ normalization: ResidualStack.Normalization, seed: UInt64 = 1) -> (skipped: Int, checked: Int) {
        var setting = Setting(normalization, seed: seed)
        var gradients = ResidualGradients(setting.stack)
        let (_, signs) = setting.evaluate()
        let target = setting.target
        setting.workspace.fillOutputGradients { g in for i in g.indices { g[i] = target[i] } }
        setting.stack.backward(&setting.workspace, gradients: &gradients)
        let inputGradients = setting.workspace.streamGradients[0]

        var entries: [(WritableKeyPath<Setting, Float>, Float)] = []
        for l in 0..<depth {
            for i in 0..<(width * width) {
                entries.append((\Setting.stack.blocks[l].inner.elements[i], gradients.inner[l].elements[i]))
                entries.append((\Setting.stack.blocks[l].outer.elements[i], gradients.outer[l].elements[i]))
            }
            for j in 0..<width { entries.append((\Setting.stack.blocks[l].gain[j], gradients.gains[l][j])) }
            entries.append((\Setting.stack.blocks[l].scale, gradients.scales[l]))
        }
        for i in 0..<(batch * width) { entries.append((\Setting.workspace.streams[0].elements[i], inputGradients.elements[i])) }

        var skipped = 0, checked = 0
        for (parameter, analytic) in entries {
            let original = setting[keyPath: parameter]
            setting[keyPath: parameter] = original + GradientCheckTests.step
            let (plus, plusSigns) = setting.evaluate()
            setting[keyPath: parameter] = original - GradientCheckTests.step
            let (minus, minusSigns) = setting.evaluate()
            setting[keyPath: parameter] = original
            if plusSigns != signs || minusSigns != signs {
                skipped += 1
                continue
            }
            let difference = (plus - minus) / (Double(original + GradientCheckTests.step) - Double(original - GradientCheckTests.step))
            #expect(
                abs(difference - Double(analytic)) <= GradientCheckTests.tolerance(Double(analytic)),
                "\(normalization) \(parameter): \(difference) vs \(analytic)")
            checked += 1
        }
        return (skipped, checked)
    }

    @Test(arguments: ResidualStack.Normalization.allCases)
    func gradientsAgreeWithCentralDifferences(_ normalization: ResidualStack.Normalization) {
        for seed: UInt64 in 1...3 {
            let (skipped, checked) = Self.check(normalization, seed: seed)
            #expect(checked + skipped == Self.depth * (2 * Self.width * Self.width + Self.width + 1) + Self.batch * Self.width)
            #expect(skipped <= checked / 10)
        }
    }

    @Test func aClosedBranchPassesItsInputThroughExactly() {
        // α = 0, γ = 0 or W₂ = 0 each make the block the identity, bit for bit, what the residual
        // experiment's exact checks rest on.
        for close in 0..<3 {
            var setting = Setting(.none, seed: 4)
            for l in 0..<Self.depth {
                switch close {
                case 0: setting.stack.blocks[l].scale = 0
                case 1: setting.stack.blocks[l].gain = [Float](repeating: 0, count: Self.width)
                default: setting.stack.blocks[l].outer = Matrix(rows: Self.width, columns: Self.width)
                }
            }
            _ = setting.evaluate()
            #expect(setting.workspace.outputs == setting.workspace.streams[0])
        }
    }

    @Test func layerNormalisationGivesEachSampleMeanZeroAndVarianceOne() {
        for normalization in [ResidualStack.Normalization.pre, .post] {
            var setting = Setting(normalization, seed: 5)
            _ = setting.evaluate()
            let outputs = setting.workspace.outputs
            for row in 0..<Self.batch {
                let values = (0..<Self.width).map { Double(outputs[row, $0]) }
                let mean = values.reduce(0, +) / Double(Self.width)
                let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(Self.width)
                #expect(abs(mean) < 1e-6)
                // ε = 10⁻⁵ in √(σ² + ε) lowers the variance by a factor σ²/(σ² + ε).
                #expect(abs(variance - 1) < 1e-4)
            }
        }
    }
}
