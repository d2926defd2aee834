import Numerics

/// L residual blocks of one width (``ResidualBlock``), x_{l+1} = x_l + α_l γ_l ⊙ F_l(x_l), with
/// layer normalisation placed as in a transformer: none; before each branch,
/// x_{l+1} = x_l + α γ ⊙ F(LN(x_l)), and once more after the last block (pre-LN, Xiong et al.
/// 2020); or after each sum, x_{l+1} = LN(x_l + α γ ⊙ F(x_l)) (post-LN, the original
/// transformer's). Forward and backward go through the BLAS, into a ``ResidualWorkspace``.
public struct ResidualStack: Sendable, Hashable {
    /// Where layer normalisation goes.
    public enum Normalization: String, Codable, Sendable, Hashable, CaseIterable {
        case none
        case pre
        case post
    }

    public let width: Int
    public let normalization: Normalization
    public var blocks: [ResidualBlock]

    /// `depth` blocks of zero weights, α = 1 and γ = 1: the caller draws the weights.
    public init(width: Int, depth: Int, normalization: Normalization) {
        precondition(width >= 1 && depth >= 1, "a stack needs a unit and a block")
        self.width = width
        self.normalization = normalization
        blocks = (0..<depth).map { _ in ResidualBlock(width: width) }
    }

    /// Propagates `workspace`'s inputs through the stack, leaving every block's values in the
    /// workspace and the result in `workspace.outputs`.
    public func forward(_ workspace: inout ResidualWorkspace) {
        precondition(
            workspace.streams.count == blocks.count + 1 && workspace.streams[0].columns == width, "a workspace of another stack")
        for (l, block) in blocks.enumerated() {
            let input = workspace.streams[l]
            if normalization == .pre {
                LayerNorm.normalizeRows(
                    input, into: &workspace.branchInputs[l], inverseStandardDeviations: &workspace.inverseStandardDeviations[l])
            }
            let branchInput = normalization == .pre ? workspace.branchInputs[l] : input
            Matrix.multiply(branchInput, .none, block.inner, .transposed, into: &workspace.hiddenPreActivations[l])
            Self.rectify(workspace.hiddenPreActivations[l], into: &workspace.hidden[l])
            Matrix.multiply(workspace.hidden[l], .none, block.outer, .transposed, into: &workspace.branches[l])
            if normalization == .post {
                Self.add(input, block, workspace.branches[l], into: &workspace.sums[l])
                LayerNorm.normalizeRows(
                    workspace.sums[l], into: &workspace.streams[l + 1],
                    inverseStandardDeviations: &workspace.inverseStandardDeviations[l])
            } else {
                Self.add(input, block, workspace.branches[l], into: &workspace.streams[l + 1])
            }
        }
        if normalization == .pre {
            LayerNorm.normalizeRows(
                workspace.streams[blocks.count], into: &workspace.normalizedOutput,
                inverseStandardDeviations: &workspace.outputInverseStandardDeviations)
        }
    }

    /// Back-propagates `workspace.outputGradients` through the stack as the last forward pass
    /// ran it: ∂L/∂x_l of every block's input stays in the workspace, the parameters' gradients
    /// go to `gradients`.
    public func backward(_ workspace: inout ResidualWorkspace, gradients: inout ResidualGradients) {
        let depth = blocks.count
        if normalization == .pre {
            LayerNorm.backpropagateRows(
                workspace.outputGradients, normalized: workspace.normalizedOutput,
                inverseStandardDeviations: workspace.outputInverseStandardDeviations, into: &workspace.streamGradients[depth])
        } else {
            workspace.streamGradients[depth].elements.withUnsafeMutableBufferPointer { target in
                workspace.outputGradients.elements.withUnsafeBufferPointer { source in
                    for i in source.indices { target[i] = source[i] }
                }
            }
        }
        for l in stride(from: depth - 1, through: 0, by: -1) {
            let block = blocks[l]
            // ∂L/∂s of the sum s = x + αγ ⊙ F: through the normalisation after it, if any.
            if normalization == .post {
                LayerNorm.backpropagateRows(
                    workspace.streamGradients[l + 1], normalized: workspace.streams[l + 1],
                    inverseStandardDeviations: workspace.inverseStandardDeviations[l], into: &workspace.sumGradient)
            }
            let sumGradient = normalization == .post ? workspace.sumGradient : workspace.streamGradients[l + 1]
            Self.backpropagateGate(
                sumGradient, block, branch: workspace.branches[l], into: &workspace.branchGradient,
                scaleGradient: &gradients.scales[l], gainGradient: &gradients.gains[l])
            Matrix.multiply(workspace.branchGradient, .transposed, workspace.hidden[l], .none, into: &gradients.outer[l])
            Matrix.multiply(workspace.branchGradient, .none, block.outer, .none, into: &workspace.hiddenGradient)
            Self.maskInactive(&workspace.hiddenGradient, hidden: workspace.hidden[l])
            let branchInput = normalization == .pre ? workspace.branchInputs[l] : workspace.streams[l]
            Matrix.multiply(workspace.hiddenGradient, .transposed, branchInput, .none, into: &gradients.inner[l])
            Matrix.multiply(workspace.hiddenGradient, .none, block.inner, .none, into: &workspace.branchInputGradient)
            if normalization == .pre {
                // ∂L/∂z becomes ∂L/∂x through LN, in the buffer that held ∂L/∂F (no longer needed).
                LayerNorm.backpropagateRows(
                    workspace.branchInputGradient, normalized: workspace.branchInputs[l],
                    inverseStandardDeviations: workspace.inverseStandardDeviations[l], into: &workspace.branchGradient)
                Self.sum(sumGradient, workspace.branchGradient, into: &workspace.streamGradients[l])
            } else {
                Self.sum(sumGradient, workspace.branchInputGradient, into: &workspace.streamGradients[l])
            }
        }
    }

    /// H = max(A, 0).
    private static func rectify(_ a: Matrix, into h: inout Matrix) {
        a.elements.withUnsafeBufferPointer { a in
            h.elements.withUnsafeMutableBufferPointer { h in
                for i in a.indices { h[i] = max(a[i], 0) }
            }
        }
    }

    /// ∂L/∂A = ∂L/∂H where the unit is active (H > 0), 0 where it is not.
    private static func maskInactive(_ gradient: inout Matrix, hidden: Matrix) {
        hidden.elements.withUnsafeBufferPointer { h in
            gradient.elements.withUnsafeMutableBufferPointer { g in
                for i in h.indices where !(h[i] > 0) { g[i] = 0 }
            }
        }
    }

    /// out = x + α γ ⊙ F, row by row.
    private static func add(_ x: Matrix, _ block: ResidualBlock, _ branch: Matrix, into out: inout Matrix) {
        let columns = x.columns, alpha = block.scale
        x.elements.withUnsafeBufferPointer { x in
            branch.elements.withUnsafeBufferPointer { f in
                block.gain.withUnsafeBufferPointer { gamma in
                    out.elements.withUnsafeMutableBufferPointer { out in
                        for row in 0..<(x.count / max(columns, 1)) {
                            let start = row &* columns
                            for j in 0..<columns { out[start &+ j] = x[start &+ j] + alpha * gamma[j] * f[start &+ j] }
                        }
                    }
                }
            }
        }
    }

    /// ∂L/∂F = α γ ⊙ ∂L/∂s, with ∂L/∂γ_j = α Σ_rows ∂L/∂s_j F_j and ∂L/∂α = Σ_j γ_j Σ_rows ∂L/∂s_j F_j.
    private static func backpropagateGate(
        _ sumGradient: Matrix, _ block: ResidualBlock, branch: Matrix, into branchGradient: inout Matrix,
        scaleGradient: inout Float, gainGradient: inout [Float]
    ) {
        let columns = branch.columns, alpha = block.scale
        // Σ_rows ∂L/∂s_j F_j, in the gain's gradient first.
        sumGradient.elements.withUnsafeBufferPointer { ds in
            branch.elements.withUnsafeBufferPointer { f in
                block.gain.withUnsafeBufferPointer { gamma in
                    gainGradient.withUnsafeMutableBufferPointer { dGamma in
                        branchGradient.elements.withUnsafeMutableBufferPointer { df in
                            for j in 0..<columns { dGamma[j] = 0 }
                            for row in 0..<(f.count / max(columns, 1)) {
                                let start = row &* columns
                                for j in 0..<columns {
                                    dGamma[j] += ds[start &+ j] * f[start &+ j]
                                    df[start &+ j] = alpha * gamma[j] * ds[start &+ j]
                                }
                            }
                            var dAlpha: Float = 0
                            for j in 0..<columns {
                                dAlpha += gamma[j] * dGamma[j]
                                dGamma[j] *= alpha
                            }
                            scaleGradient = dAlpha
                        }
                    }
                }
            }
        }
    }

    /// out = a + b.
    private static func sum(_ a: Matrix, _ b: Matrix, into out: inout Matrix) {
        a.elements.withUnsafeBufferPointer { a in
            b.elements.withUnsafeBufferPointer { b in
                out.elements.withUnsafeMutableBufferPointer { out in
                    for i in a.indices { out[i] = a[i] + b[i] }
                }
            }
        }
    }
}
