import Networks

extension LayerNormPlacement {
    /// Mean-field curves for He branches (g₁² = 2, g₂² = 1, r = 1), standard normal inputs and
    /// ℓ = Σ_s g_s·outputs_s with g standard normal.
    ///
    /// Layer normalisation's Jacobian is P/√(σ² + ε), with P the projection that removes the
    /// mean and the normalised vector itself: it keeps n − 2 of n directions of a random
    /// gradient. A block's parameters receive, per sample, n·p·(n(g₁² + g₂²)/2 + g₁²g₂²) times the
    /// mean square of its branch input (see ``ResidualTheory``), p the mean square of ∂ℓ/∂ of the
    /// block's sum.
    ///
    /// Pre-LN: the branch sees LN(x_l), of mean square 1, so each block adds r·n to |x_l|²:
    /// |x_l|²/n = q_l = 1 + l·r, growing linearly, not exponentially. The final normalisation
    /// divides the gradient by √q_L; below it, ∂ℓ/∂x_l = ∂ℓ/∂x_{l+1} + (the branch's part, whose
    /// normalisation divides by √q_l), p_l = p_{l+1}(1 + r/q_l), which telescopes to
    /// p_l = (n − 2)/n · 1/q_l: the blocks near the top get 1/(1 + L·r) of what the first gets.
    ///
    /// Post-LN: every block's input has mean square 1, and the normalisation after the sum
    /// divides by √(1 + r) what the branch multiplied by √(1 + r): to this order p is flat, every
    /// block getting what the last gets, (n − 2)/n/(1 + r), and (1 + L·r)/(1 + r) times what
    /// pre-LN's last block gets. The corrections of order 1/n per block that mean-field theory
    /// leaves out (the mask is correlated with W₁, the normalisation's scale with the sum)
    /// compound over the depth; the experiment measures them, no check relies on them.
    public func theoryGradient(_ placement: ResidualStack.Normalization) -> [Double] {
        let n = Double(parameters.width), depth = parameters.depth, r = Self.branchGrowth
        let perSample = n * (n * (2 + 1) / 2 + 2)
        let kept = (n - 2) / n
        return (0..<depth).map { l in
            switch placement {
            case .pre: perSample * kept / (1 + Double(l + 1) * r)
            default: perSample * kept / (1 + r)
            }
        }
    }

    /// |x_l|²/n for l = 0…L: 1 + l·r for pre-LN, 1 then exactly 1 − ε-terms for post-LN.
    public func theoryForward(_ placement: ResidualStack.Normalization) -> [Double] {
        (0...parameters.depth).map { l in placement == .pre ? 1 + Double(l) * Self.branchGrowth : 1 }
    }
}
