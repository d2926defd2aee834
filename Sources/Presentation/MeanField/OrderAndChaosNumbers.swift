import Experiments
import Numerics

extension OrderAndChaosPresenter {
    /// The points of the correlation runs, their theory, the networks' sizes and the
    /// trainability groups, for the section on order and chaos.
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("meanfield_bias_variance") { $0.parameters.biasVariance },
        NamedNumber("meanfield_ordered_weight_variance") { $0.experiment.weightVariance(.ordered) },
        NamedNumber("meanfield_critical_weight_variance") { $0.experiment.weightVariance(.critical) },
        NamedNumber("meanfield_chaotic_weight_variance") { $0.experiment.weightVariance(.chaotic) },
        NamedNumber("meanfield_chaotic_fixed_correlation") { $0.experiment.map(.chaotic).fixedPoint },
        NamedNumber("meanfield_chaotic_trainable_depth") {
            OrderAndChaos.untrainableDepths * $0.experiment.map(.chaotic).correlationDepth
        },
        NamedNumber("meanfield_ordered_correlation_depth") { $0.experiment.map(.ordered).correlationDepth },
        NamedNumber("meanfield_chaotic_correlation_depth") { $0.experiment.map(.chaotic).correlationDepth },
        NamedNumber("meanfield_ordered_length_depth") { $0.experiment.map(.ordered).lengthDepth },
        NamedNumber("meanfield_critical_fixed_length") { $0.experiment.map(.critical).fixedLength },
        NamedNumber("meanfield_width") { Double($0.parameters.width) },
        NamedNumber("meanfield_depth") { Double($0.parameters.depth) },
        NamedNumber("meanfield_networks") { Double($0.parameters.networks) },
        NamedNumber("meanfield_input_correlation") { $0.parameters.inputCorrelation },
        NamedNumber("meanfield_chaotic_last_correlation") { presenter in
            Moments(presenter.experiment.runs(presenter.result, .chaotic).compactMap(\.correlations.last)).mean
        },
        NamedNumber("meanfield_train_width") { Double($0.parameters.trainWidth) },
        NamedNumber("meanfield_train_steps") { Double($0.parameters.steps) },
        NamedNumber("meanfield_inside_accuracy") { Moments($0.experiment.trainabilityGroups($0.result).inside).mean },
        NamedNumber("meanfield_beyond_accuracy") { Moments($0.experiment.trainabilityGroups($0.result).beyond).mean },
    ]
}
