import TextSupport

extension LayerNormPlacement {
    /// Two agreements whose expectations are exact at finite width, on the pre-LN stacks: given
    /// x_l, E|F_l(LN(x_l))|² = r|LN(x_l)|² and the cross term 2x_l·F_l has mean 0 over W₂, so the
    /// stream grows linearly (the sum itself is not the statistic: in the cross term the samples of
    /// a batch share the stream's common direction, and it averages away too slowly); and given
    /// x_L, E_g|∂ℓ/∂x_L|²(σ²_L + ε) = n − 2 (up to (ε/σ²)²), the projection of the final
    /// normalisation. And one comparison over independent stacks: the last block's gradient is
    /// larger under post-LN than under pre-LN (Welch).
    public func checks(_ result: Result) -> [Check] {
        let depth = parameters.depth, n = parameters.width
        let pre = runs(result, .pre), post = runs(result, .post)
        return [
            Check.studentT(
                id: "layernorm/pre/branch",
                claim: "Pre-LN, \(depth) He blocks of width \(n): each branch adds r|LN(x_l)|², r = 1, so |x_l|²/n grows as 1 + l",
                samples: pre.map(\.growth), theory: .proportional("ReLU's ½ in r", 1), falseAlarmRate: parameters.falseAlarmRate,
                note: "mean over the blocks of |F_l|²/(r|LN(x_l)|²) per stack"),
            Check.studentT(
                id: "layernorm/pre/final-projection",
                claim: "Pre-LN, width \(n): the final normalisation passes n − 2 of n directions of the gradient, divided by √(σ² + ε)",
                samples: pre.map(\.outputProjection), theory: .proportional("the n − 2 directions kept", 1),
                falseAlarmRate: parameters.falseAlarmRate, note: "mean over the samples of |∂ℓ/∂x_L|²(σ²_L + ε)/(n − 2) per stack"),
            Check.exceeds(
                id: "layernorm/post-exceeds-pre-at-the-top",
                claim: "\(depth) He blocks of width \(n): the last block's parameters receive a larger gradient under post-LN than "
                    + "under pre-LN (theory: \(NumberText.format(topRatioTheory, digits: 3)) times)",
                larger: post.compactMap(\.gradient.last), smaller: pre.compactMap(\.gradient.last),
                falseAlarmRate: parameters.falseAlarmRate, note: "the last block's squared gradient norm per sample, one per stack"),
        ]
    }

    /// Post-LN's last-block gradient over pre-LN's, in theory: (1 + L·r)/(1 + r).
    public var topRatioTheory: Double {
        (theoryGradient(.post).last ?? .nan) / (theoryGradient(.pre).last ?? .nan)
    }
}
