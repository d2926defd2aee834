import Experiments
import Foundation
import Initializers
import Networks
import Numerics

extension PropagationPresenter {
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("propagation_depth") { Double($0.parameters.grid.depth) },
        NamedNumber("propagation_width") { Double($0.parameters.grid.width) },
        NamedNumber("propagation_realisations") { Double($0.parameters.grid.realisations) },
        NamedNumber("fan_in_uniform_shrink_over_depth") { pow(1.0 / 3, Double($0.parameters.grid.depth - 1)) },
        // The exercise on depth: layers until the rule of the question (σ_w² = 1/3) brings the
        // variance of standardised inputs below 10⁻⁶, by the length map.
        NamedNumber("layers_to_micro_linear") { _ in layersBelow(1e-6, .linear) },
        NamedNumber("layers_to_micro_tanh") { _ in layersBelow(1e-6, .tanh) },
        NamedNumber("factor_linear_normal_forward") { $0.factor(.linear, .normal, .forward) },
        NamedNumber("factor_linear_sparse_forward") { $0.factor(.linear, .sparse, .forward) },
        NamedNumber("factor_linear_identity_forward") { $0.factor(.linear, .identity, .forward) },
        NamedNumber("factor_linear_fan_in_uniform_forward") { $0.factor(.linear, .fanInUniform, .forward) },
        NamedNumber("factor_linear_fan_in_uniform_backward") { $0.factor(.linear, .fanInUniform, .backward) },
        NamedNumber("factor_linear_glorot_uniform_backward") { $0.factor(.linear, .glorotUniform, .backward) },
        NamedNumber("factor_relu_identity_forward") { $0.factor(.relu, .identity, .forward) },
        NamedNumber("factor_relu_lecun_normal_forward") { $0.factor(.relu, .lecunNormal, .forward) },
        NamedNumber("factor_relu_glorot_uniform_forward") { $0.factor(.relu, .glorotUniform, .forward) },
        NamedNumber("factor_relu_he_normal_forward") { $0.factor(.relu, .heNormal, .forward) },
        NamedNumber("factor_relu_he_normal_backward") { $0.factor(.relu, .heNormal, .backward) },
        NamedNumber("last_forward_tanh_sparse") { $0.meanSecondMoment(.tanh, .sparse, .forward)?.last },
        NamedNumber("first_backward_relu_normal") { $0.meanSecondMoment(.relu, .normal, .backward)?.first },
        NamedNumber("first_backward_relu_normal_bn") { $0.meanSecondMoment(.relu, .normal, .backward, batchNorm: true)?.first },
        NamedNumber("first_backward_relu_he_normal_bn") { $0.meanSecondMoment(.relu, .heNormal, .backward, batchNorm: true)?.first },
        NamedNumber("kumar_sigmoid_scale") { _ in KumarLogistic.scale },
        NamedNumber("kumar_sigmoid_fixed_point") { _ in KumarLogistic.fixedPoint },
        NamedNumber("kumar_sigmoid_fixed_point_std") { _ in KumarLogistic.fixedPoint.squareRoot() },
        NamedNumber("kumar_sigmoid_output_variance") { _ in KumarLogistic.outputVariance },
        NamedNumber("kumar_sigmoid_percent_outside_four") { _ in
            100 * StandardNormal.twoSidedTail(4 / KumarLogistic.fixedPoint.squareRoot())
        },
        NamedNumber("glorot_depth") { Double($0.parameters.histograms.depth) },
        NamedNumber("glorot_width") { Double($0.parameters.histograms.width) },
        NamedNumber("relu_scale_depth") { Double($0.parameters.reluScale.depth) },
        NamedNumber("relu_scale_width") { Double($0.parameters.reluScale.width) },
        NamedNumber("relu_scale_batch") { Double($0.parameters.reluScale.batch) },
        NamedNumber("relu_scale_he_std") { (2 / Double($0.parameters.reluScale.width)).squareRoot() },
        NamedNumber("relu_scale_010_factor") { $0.reluScaleFactor("0.10") },
        NamedNumber("relu_scale_014_factor") { $0.reluScaleFactor("0.14") },
        NamedNumber("relu_scale_028_factor") { $0.reluScaleFactor("0.28") },
        NamedNumber("relu_scale_zero_percent_min") { $0.result.reluScale.flatMap(\.zeroFractions).min().map { $0 * 100 } },
        NamedNumber("relu_scale_zero_percent_max") { $0.result.reluScale.flatMap(\.zeroFractions).max().map { $0 * 100 } },
    ]

    func factor(_ activation: Activation, _ rule: RuleID, _ pass: Propagation.Pass) -> Double? {
        experiment.factor(cells, activation, rule, pass)
    }

    /// The mean second moment of each layer of a cell, if the grid has run it.
    func meanSecondMoment(_ activation: Activation, _ rule: RuleID, _ pass: Propagation.Pass, batchNorm: Bool = false) -> [Double]? {
        experiment.cell(cells, activation, rule, batchNorm: batchNorm)?.meanSecondMoments(pass)
    }

    /// The ReLU picture's factor for the standard deviation the prose names, written to two
    /// decimals; nil if the configuration does not draw that one.
    func reluScaleFactor(_ written: String) -> Double? {
        result.reluScale.first { String(format: "%.2f", $0.standardDeviation) == written }
            .map { experiment.reluScaleFactor($0.standardDeviation) }
    }

    /// The first hidden layer l whose q_l falls below `threshold` when every layer has σ_w² = 1/3,
    /// from inputs with E[x²] = 1.
    static func layersBelow(_ threshold: Double, _ activation: Activation) -> Double {
        var q = 1.0 / 3
        var layer = 1
        while q >= threshold {
            q = activation.secondMoment(variance: q) / 3
            layer += 1
        }
        return Double(layer)
    }
}
