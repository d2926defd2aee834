import Experiments

extension FluctuationPresenter {
    /// The shapes the prose discusses, by name, at their last layer: measured, exact, the leading
    /// order 5 Σ 1/n_l, and the share of networks with no all-zero layer.
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("fluctuation_fewest_realisations") { presenter in presenter.parameters.shapes.map(\.realisations).min().map(Double.init)
        },
        NamedNumber("fluctuation_most_realisations") { presenter in presenter.parameters.shapes.map(\.realisations).max().map(Double.init)
        },
        NamedNumber("fluctuation_input_width") { presenter in Double(presenter.parameters.inputWidth) },
        NamedNumber("fluctuation_layer_variance_8") { _ in LayerRatioLaw(width: 8).variance },
        NamedNumber("fluctuation_layer_variance_32") { _ in LayerRatioLaw(width: 32).variance },
        NamedNumber("fluctuation_layer_variance_256") { _ in LayerRatioLaw(width: 256).variance },
        NamedNumber("fluctuation_dead_probability_8") { _ in LayerRatioLaw(width: 8).deadProbability },
        NamedNumber("fluctuation_constant_8_depth") { presenter in presenter.last("constant-8")?.depth },
        NamedNumber("fluctuation_constant_8_measured") { presenter in presenter.last("constant-8")?.measured },
        NamedNumber("fluctuation_constant_8_exact") { presenter in presenter.last("constant-8")?.exact },
        NamedNumber("fluctuation_constant_8_leading") { presenter in presenter.last("constant-8")?.leading },
        NamedNumber("fluctuation_constant_8_survivors") { presenter in presenter.last("constant-8")?.survivors },
        NamedNumber("fluctuation_constant_8_survival") { presenter in presenter.last("constant-8")?.survival },
        NamedNumber("fluctuation_constant_16_depth") { presenter in presenter.last("constant-16")?.depth },
        NamedNumber("fluctuation_constant_16_measured") { presenter in presenter.last("constant-16")?.measured },
        NamedNumber("fluctuation_constant_16_exact") { presenter in presenter.last("constant-16")?.exact },
        NamedNumber("fluctuation_constant_16_leading") { presenter in presenter.last("constant-16")?.leading },
        NamedNumber("fluctuation_alternating_10_40_depth") { presenter in presenter.last("alternating-10-40")?.depth },
        NamedNumber("fluctuation_alternating_10_40_measured") { presenter in presenter.last("alternating-10-40")?.measured },
        NamedNumber("fluctuation_alternating_10_40_exact") { presenter in presenter.last("alternating-10-40")?.exact },
        NamedNumber("fluctuation_alternating_10_40_leading") { presenter in presenter.last("alternating-10-40")?.leading },
    ]

    /// A shape at its last layer.
    struct LastLayer {
        let depth: Double
        let measured: Double
        let exact: Double
        let leading: Double
        let survivors: Double
        let survival: Double
    }

    func last(_ name: String) -> LastLayer? {
        guard let measured = result.shapes.first(where: { $0.shape.name == name }), let layer = measured.layers.last,
            let exact = Fluctuation.theory(measured.shape).last, let sum = measured.shape.reciprocalSums.last,
            let survival = experiment.survival(measured.shape).last
        else { return nil }
        return LastLayer(
            depth: Double(measured.shape.widths.count), measured: layer.variance, exact: exact.variance, leading: 5 * sum,
            survivors: Double(layer.alive), survival: survival)
    }
}
