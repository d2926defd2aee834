import Experiments
import Foundation
import Numerics

extension BiasPresenter {
    /// The subset's proportions and entropy, the initial losses measured and derived, the two
    /// starts during training, the embedding's logits, the forget gate's memory and the shift a
    /// ReLU bias of 0.01 makes.
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("bias_classes") { Double($0.result.classCounts.count) },
        NamedNumber("bias_subset_size") { Double($0.result.classCounts.reduce(0, +)) },
        NamedNumber("bias_largest_class") { $0.result.classCounts.max().map(Double.init) },
        NamedNumber("bias_smallest_class") { $0.result.classCounts.min().map(Double.init) },
        NamedNumber("bias_largest_proportion") { $0.experiment.proportions($0.result).max() },
        NamedNumber("bias_smallest_proportion") { $0.experiment.proportions($0.result).min() },
        NamedNumber("bias_entropy") { Bias.entropy($0.experiment.proportions($0.result)) },
        NamedNumber("bias_log_classes") { log(Double($0.result.classCounts.count)) },
        NamedNumber("bias_prior_gap") { presenter in
            log(Double(presenter.result.classCounts.count)) - Bias.entropy(presenter.experiment.proportions(presenter.result))
        },
        NamedNumber("bias_width") { Double($0.parameters.width) },
        NamedNumber("bias_output_std") { $0.parameters.outputStd },
        NamedNumber("bias_realisations") { Double($0.parameters.realisations) },
        NamedNumber("bias_logit_sd") { $0.logitVariance.squareRoot() },
        NamedNumber("bias_initial_zero") { Moments($0.result.initial.map(\.zero)).mean },
        NamedNumber("bias_initial_prior") { Moments($0.result.initial.map(\.logPrior)).mean },
        NamedNumber("bias_initial_zero_theory") { $0.initialTheory(.zero) },
        NamedNumber("bias_initial_prior_theory") { $0.initialTheory(.logPrior) },
        NamedNumber("bias_seeds") { Double($0.parameters.seeds) },
        NamedNumber("bias_steps") { Double($0.parameters.steps) },
        NamedNumber("bias_batch") { Double($0.parameters.batch) },
        NamedNumber("bias_learning_rate") { $0.parameters.learningRate },
        NamedNumber("bias_comparison_step") { Double($0.parameters.comparisonStep) },
        NamedNumber("bias_zero_at_comparison") { $0.meanLoss(.zero, step: $0.parameters.comparisonStep) },
        NamedNumber("bias_prior_at_comparison") { $0.meanLoss(.logPrior, step: $0.parameters.comparisonStep) },
        NamedNumber("bias_zero_final") { $0.meanLoss(.zero, step: $0.parameters.steps) },
        NamedNumber("bias_prior_final") { $0.meanLoss(.logPrior, step: $0.parameters.steps) },
        NamedNumber("bias_embedding_vocabulary") { Double($0.parameters.vocabulary) },
        NamedNumber("bias_embedding_dimension") { Double($0.parameters.dimension) },
        NamedNumber("bias_embedding_std") { $0.parameters.embeddingStd },
        NamedNumber("bias_embedding_sd_theory") {
            Bias.embeddingLogitStd(dimension: $0.parameters.dimension, std: $0.parameters.embeddingStd)
        },
        NamedNumber("bias_embedding_sd") { $0.result.embedding.meanSquare.squareRoot() },
        NamedNumber("bias_embedding_log_vocabulary") { log(Double($0.parameters.vocabulary)) },
        NamedNumber("bias_embedding_loss_theory") { presenter in
            let p = presenter.parameters
            return Bias.embeddingInitialLoss(
                vocabulary: p.vocabulary, logitStd: Bias.embeddingLogitStd(dimension: p.dimension, std: p.embeddingStd))
        },
        NamedNumber("bias_embedding_loss") { log(Double($0.parameters.vocabulary)) + $0.result.embedding.logMeanExp },
        NamedNumber("bias_embedding_unit_sd") { Double($0.parameters.dimension).squareRoot() },
        NamedNumber("bias_embedding_unit_loss") { presenter in
            Bias.largestLogit(vocabulary: presenter.parameters.vocabulary, logitStd: Double(presenter.parameters.dimension).squareRoot())
        },
        NamedNumber("bias_embedding_std_for_unit_logits") { 1 / Double($0.parameters.dimension).squareRoot() },
        NamedNumber("bias_embedding_loss_for_unit_logits") { presenter in
            Bias.embeddingInitialLoss(vocabulary: presenter.parameters.vocabulary, logitStd: 1)
        },
        NamedNumber("bias_detector_prior") { _ in detectorPrior },
        NamedNumber("bias_detector_bias") { _ in log(detectorPrior / (1 - detectorPrior)) },
        NamedNumber("bias_detector_zero_loss") { _ in log(2.0) },
        NamedNumber("bias_detector_prior_loss") { _ in Bias.entropy([detectorPrior, 1 - detectorPrior]) },
        NamedNumber("bias_forget_gate_0") { _ in Bias.forgetGate(bias: 0) },
        NamedNumber("bias_forget_gate_1") { _ in Bias.forgetGate(bias: 1) },
        NamedNumber("bias_forget_memory_0") { _ in Bias.memory(bias: 0, steps: forgetHorizon) },
        NamedNumber("bias_forget_memory_1") { _ in Bias.memory(bias: 1, steps: forgetHorizon) },
        NamedNumber("bias_forget_half_life_1") { _ in Bias.halfLife(bias: 1) },
        NamedNumber("bias_forget_half_life_3") { _ in Bias.halfLife(bias: 3) },
        NamedNumber("bias_forget_horizon") { _ in forgetHorizon },
        NamedNumber("bias_relu_shift") { _ in StandardNormal.cdf(reluBias) - 0.5 },
    ]

    /// The foreground fraction of the exercise's detector, Lin et al.'s prior π for RetinaNet.
    static let detectorPrior = 0.01
    /// The steps over which the prose follows an LSTM cell's memory.
    static let forgetHorizon = 20.0
    /// The folk rule's bias for ReLU units, shifting pre-activations of unit variance.
    static let reluBias = 0.01

    /// σ_out² E‖h‖², the logits' variance around their bias, averaged over the networks.
    var logitVariance: Double {
        parameters.outputStd * parameters.outputStd * Moments(result.initial.map(\.hiddenSquare)).mean
    }

    /// The initial loss the expansion gives for the networks' mean E‖h‖².
    func initialTheory(_ start: Bias.Start) -> Double {
        Bias.initialLoss(start, proportions: experiment.proportions(result), logitVariance: logitVariance)
    }
}
