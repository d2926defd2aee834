import Experiments

extension LayerNormPlacementPresenter {
    /// The stacks' shape, and how much more the last block's parameters receive than the first's,
    /// measured and in theory, for the claims of the section on layer normalisation.
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("layernorm_width") { presenter in Double(presenter.parameters.width) },
        NamedNumber("layernorm_depth") { presenter in Double(presenter.parameters.depth) },
        NamedNumber("layernorm_realisations") { presenter in Double(presenter.parameters.realisations) },
        NamedNumber("layernorm_pre_top_over_bottom") { presenter in presenter.topOverBottom(.pre) },
        NamedNumber("layernorm_pre_top_over_bottom_theory") { presenter in
            let theory = presenter.experiment.theoryGradient(.pre)
            return theory.last.flatMap { last in theory.first.map { last / $0 } }
        },
        NamedNumber("layernorm_post_top_over_bottom") { presenter in presenter.topOverBottom(.post) },
        NamedNumber("layernorm_top_ratio_theory") { presenter in presenter.experiment.topRatioTheory },
    ]
}
