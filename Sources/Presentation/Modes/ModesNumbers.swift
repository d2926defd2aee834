import Experiments

extension ModesPresenter {
    /// The networks' shape, and the ratio of the far end of each pass to where it starts,
    /// measured and in theory, for the claims of the section on the modes.
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("modes_input_width") { presenter in Double(presenter.parameters.widths[0]) },
        NamedNumber("modes_first_width") { presenter in Double(presenter.parameters.widths[1]) },
        NamedNumber("modes_last_width") { presenter in presenter.parameters.widths.last.map(Double.init) },
        NamedNumber("modes_depth") { presenter in Double(presenter.parameters.widths.count - 1) },
        NamedNumber("modes_realisations") { presenter in Double(presenter.parameters.realisations) },
        NamedNumber("modes_leaky_slope") { presenter in presenter.parameters.leakySlope },
        NamedNumber("modes_fan_in_forward_ratio") { presenter in presenter.ratio(presenter.experiment.relu(.fanIn), forward: true) },
        NamedNumber("modes_fan_in_backward_ratio") { presenter in presenter.ratio(presenter.experiment.relu(.fanIn), forward: false) },
        NamedNumber("modes_fan_in_backward_ratio_theory") { presenter in
            presenter.experiment.theoryRatio(presenter.experiment.relu(.fanIn), forward: false)
        },
        NamedNumber("modes_fan_out_forward_ratio") { presenter in presenter.ratio(presenter.experiment.relu(.fanOut), forward: true) },
        NamedNumber("modes_fan_out_forward_ratio_theory") { presenter in
            presenter.experiment.theoryRatio(presenter.experiment.relu(.fanOut), forward: true)
        },
        NamedNumber("modes_fan_out_backward_ratio") { presenter in presenter.ratio(presenter.experiment.relu(.fanOut), forward: false) },
        NamedNumber("modes_leaky_slope_rule_forward_ratio") { presenter in
            presenter.ratio(presenter.experiment.leakyWithItsRule, forward: true)
        },
        NamedNumber("modes_leaky_relu_rule_forward_ratio") { presenter in
            presenter.ratio(presenter.experiment.leakyWithReLURule, forward: true)
        },
        NamedNumber("modes_leaky_relu_rule_forward_ratio_theory") { presenter in
            presenter.experiment.theoryRatio(presenter.experiment.leakyWithReLURule, forward: true)
        },
    ]
}
