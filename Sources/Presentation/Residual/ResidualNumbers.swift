import Experiments
import Numerics

extension ResidualPresenter {
    /// The stacks' shape, and the second moment at the last block measured and in theory, for the
    /// claims of the section on residual networks.
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("residual_width") { presenter in Double(presenter.parameters.width) },
        NamedNumber("residual_depth") { presenter in Double(presenter.parameters.depth) },
        NamedNumber("residual_batch") { presenter in Double(presenter.parameters.batch) },
        NamedNumber("residual_realisations") { presenter in Double(presenter.parameters.realisations) },
        NamedNumber("residual_he_final") { presenter in presenter.finalForward(.he) },
        NamedNumber("residual_he_final_theory") { presenter in presenter.experiment.theory(.he).forward.last },
        NamedNumber("residual_sqrt_final") { presenter in presenter.finalForward(.inverseSqrtDepth) },
        NamedNumber("residual_sqrt_final_theory") { presenter in presenter.experiment.theory(.inverseSqrtDepth).forward.last },
        NamedNumber("residual_gpt2_final") { presenter in presenter.finalForward(.gpt2) },
        NamedNumber("residual_gpt2_final_theory") { presenter in presenter.experiment.theory(.gpt2).forward.last },
        NamedNumber("residual_gpt2_growth") { presenter in presenter.experiment.theory(.gpt2).growth() },
        NamedNumber("residual_fixup_gradient_theory") { presenter in presenter.experiment.theory(.fixup).gradient.first },
        NamedNumber("residual_skipinit_gradient_theory") { presenter in presenter.experiment.theory(.skipInit).gradient.first },
    ]

    /// |x_L|²/|x₀|², the mean over the stacks of a scheme.
    func finalForward(_ scheme: ResidualScheme) -> Double? {
        let values = experiment.runs(result, scheme).compactMap { run in run.forward.last.map { $0 / run.forward[0] } }
        return values.isEmpty ? nil : Moments(values).mean
    }
}
