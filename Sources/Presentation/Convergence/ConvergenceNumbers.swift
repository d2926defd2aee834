import Experiments
import Foundation
import Initializers
import Networks
import Numerics

extension ConvergencePresenter {
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("convergence_seeds") { Double($0.parameters.seeds) },
        NamedNumber("convergence_batch") { Double($0.parameters.batch) },
        NamedNumber("convergence_training_samples") { Double($0.result.trainingSamples) },
        NamedNumber("convergence_held_out_samples") { Double($0.result.heldOutSamples) },
        NamedNumber("chance_accuracy") { 1 / Double($0.result.classes) },
        NamedNumber("convergence_false_alarm_rate") { $0.parameters.falseAlarmRate },
        // The margin of a comparison, in standard errors, with as many seeds a side as the
        // parameters train (Hsu's degrees of freedom, see `Check.exceeds`); not a number with one
        // seed, which has no spread to measure, as the intervals are not.
        NamedNumber("convergence_comparison_margin") {
            $0.parameters.seeds < 2
                ? .nan : StudentT.oneSidedQuantile($0.parameters.falseAlarmRate, degreesOfFreedom: Double($0.parameters.seeds - 1))
        },

        NamedNumber("convergence_deep_relu_depth") { $0.setup("deep-relu").map { Double($0.depth) } },
        NamedNumber("convergence_deep_relu_width") { $0.setup("deep-relu").map { Double($0.width) } },
        NamedNumber("convergence_deep_relu_steps") { $0.setup("deep-relu").map { Double($0.steps) } },
        NamedNumber("convergence_deep_relu_learning_rate") { $0.setup("deep-relu")?.learningRate },
        NamedNumber("convergence_deep_relu_momentum") { $0.setup("deep-relu")?.momentum },
        // What L ReLU layers do to the standard deviation when each halves the variance (LeCun,
        // Glorot at equal widths) or divides it by 6 (the rule of the question).
        NamedNumber("convergence_deep_relu_halving_scale") { $0.setup("deep-relu").map { pow(2, -Double($0.depth) / 2) } },
        NamedNumber("convergence_deep_relu_sixth_scale") { $0.setup("deep-relu").map { pow(6, -Double($0.depth) / 2) } },
        NamedNumber("convergence_deep_relu_he_normal_accuracy") { $0.accuracy("deep-relu", .heNormal) },
        NamedNumber("convergence_deep_relu_glorot_normal_accuracy") { $0.accuracy("deep-relu", .glorotNormal) },
        NamedNumber("convergence_deep_relu_he_normal_interval") { $0.interval("deep-relu", .heNormal) },
        NamedNumber("convergence_deep_relu_glorot_normal_interval") { $0.interval("deep-relu", .glorotNormal) },
        NamedNumber("convergence_target_accuracy") { _ in Self.targetAccuracy },
        NamedNumber("convergence_deep_relu_fan_in_uniform_accuracy") { $0.accuracy("deep-relu", .fanInUniform) },

        NamedNumber("convergence_tanh_depth") { $0.setup("tanh").map { Double($0.depth) } },
        NamedNumber("convergence_tanh_width") { $0.setup("tanh").map { Double($0.width) } },
        NamedNumber("convergence_tanh_steps") { $0.setup("tanh").map { Double($0.steps) } },
        NamedNumber("convergence_tanh_learning_rate") { $0.setup("tanh")?.learningRate },
        NamedNumber("convergence_tanh_fan_in_uniform_accuracy") { $0.accuracy("tanh", .fanInUniform) },
        NamedNumber("convergence_tanh_glorot_uniform_accuracy") { $0.accuracy("tanh", .glorotUniform) },
        NamedNumber("convergence_tanh_fan_in_uniform_interval") { $0.interval("tanh", .fanInUniform) },
        NamedNumber("convergence_tanh_glorot_uniform_interval") { $0.interval("tanh", .glorotUniform) },

        NamedNumber("convergence_sigmoid_depth") { $0.setup("sigmoid").map { Double($0.depth) } },
        NamedNumber("convergence_sigmoid_learning_rate") { $0.setup("sigmoid")?.learningRate },
        NamedNumber("convergence_sigmoid_steps") { $0.setup("sigmoid").map { Double($0.steps) } },
        NamedNumber("convergence_sigmoid_fan_in_uniform_accuracy") { $0.accuracy("sigmoid", .fanInUniform) },
        NamedNumber("convergence_sigmoid_glorot_uniform_accuracy") { $0.accuracy("sigmoid", .glorotUniform) },
        NamedNumber("convergence_sigmoid_glorot_uniform_sigmoid_accuracy") { $0.accuracy("sigmoid", .glorotUniformSigmoid) },
        NamedNumber("convergence_sigmoid_kumar_accuracy") { $0.accuracy("sigmoid", .kumar) },

        NamedNumber("convergence_deep_tanh_depth") { $0.setup("deep-tanh").map { Double($0.depth) } },
        NamedNumber("convergence_deep_tanh_width") { $0.setup("deep-tanh").map { Double($0.width) } },
        NamedNumber("convergence_deep_tanh_steps") { $0.setup("deep-tanh").map { Double($0.steps) } },
        NamedNumber("convergence_deep_tanh_learning_rate") { $0.setup("deep-tanh")?.learningRate },
        NamedNumber("convergence_deep_tanh_glorot_normal_accuracy") { $0.accuracy("deep-tanh", .glorotNormal) },
        NamedNumber("convergence_deep_tanh_orthogonal_accuracy") { $0.accuracy("deep-tanh", .orthogonal) },

        NamedNumber("convergence_symmetry_depth") { $0.setup("symmetry").map { Double($0.depth) } },
        NamedNumber("convergence_symmetry_width") { $0.setup("symmetry").map { Double($0.width) } },
        NamedNumber("convergence_symmetry_zeros_accuracy") { $0.accuracy("symmetry", .zeros) },
        NamedNumber("convergence_symmetry_glorot_uniform_accuracy") { $0.accuracy("symmetry", .glorotUniform) },
        NamedNumber("convergence_symmetry_zeros_spread") { $0.final("symmetry", .zeros) { $0.unitSpread } },
        NamedNumber("convergence_symmetry_glorot_uniform_spread") { $0.final("symmetry", .glorotUniform) { $0.unitSpread } },

        NamedNumber("convergence_bad_scale_depth") { $0.setup("bad-scale").map { Double($0.depth) } },
        NamedNumber("convergence_bad_scale_steps") { $0.setup("bad-scale").map { Double($0.steps) } },
        NamedNumber("convergence_bad_scale_normal_accuracy") { $0.accuracy("bad-scale", .normal) },
        NamedNumber("convergence_bad_scale_he_normal_accuracy") { $0.accuracy("bad-scale", .heNormal) },
        NamedNumber("convergence_bad_scale_normal_bn_accuracy") { $0.accuracy("bad-scale", .normal, batchNorm: true) },
        NamedNumber("convergence_bad_scale_he_normal_bn_accuracy") { $0.accuracy("bad-scale", .heNormal, batchNorm: true) },
        NamedNumber("convergence_bad_scale_normal_distance") { $0.distance("bad-scale", .normal) },
        NamedNumber("convergence_bad_scale_he_normal_distance") { $0.distance("bad-scale", .heNormal) },
        NamedNumber("convergence_bad_scale_normal_bn_distance") { $0.distance("bad-scale", .normal, batchNorm: true) },

        NamedNumber("convergence_width_depth") { $0.widthCurves.first.map { Double($0.setup.depth) } },
        NamedNumber("convergence_width_steps") { $0.widthCurves.first.map { Double($0.setup.steps) } },
        NamedNumber("convergence_narrow_width") { $0.widthCurves.first.map { Double($0.setup.width) } },
        NamedNumber("convergence_wide_width") { $0.widthCurves.last.map { Double($0.setup.width) } },
        NamedNumber("convergence_narrow_distance") { $0.widthCurves.first?.final { $0.distance } },
        NamedNumber("convergence_wide_distance") { $0.widthCurves.last?.final { $0.distance } },
        // The slope of log distance against log width, least squares over the widths trained:
        // how the distance scales with width.
        NamedNumber("convergence_width_distance_exponent") { $0.widthExponent },
        // The exercises: the catalogue's own bounds for the first layer of the deep ReLU network.
        NamedNumber("convergence_inputs") { Double($0.result.inputs) },
        NamedNumber("first_layer_lecun_uniform_bound") { $0.firstLayer(.lecunUniform)?.bound },
        NamedNumber("first_layer_he_uniform_bound") { $0.firstLayer(.heUniform)?.bound },
        NamedNumber("first_layer_glorot_uniform_bound") { $0.firstLayer(.glorotUniform)?.bound },
        NamedNumber("first_layer_glorot_forward_factor") { p in
            p.firstLayer(.glorotUniform).map { Double(p.result.inputs) * $0.variance }
        },
        NamedNumber("first_layer_glorot_backward_factor") { p in
            p.firstLayerFans.flatMap { fans in p.firstLayer(.glorotUniform).map { Double(fans.fanOut) * $0.variance } }
        },
        // Near the origin each logistic layer scales the gradient's variance by n_out v σ′(0)²:
        // 1/3 · 1/16 under the standard rule, compounded from the last hidden layer to the first.
        NamedNumber("convergence_sigmoid_standard_gradient_shrink") { p in
            p.setup("sigmoid").map { pow(1 / (Double(1) / 3 * pow(Logistic.derivative(0.0), 2)), Double($0.depth - 1)) }
        },
    ]

    /// The fans of the deep ReLU network's first layer: the inputs, and its hidden width.
    var firstLayerFans: Fans? {
        setup("deep-relu").map { Fans(fanIn: result.inputs, fanOut: $0.width) }
    }

    /// The distribution the catalogue's rule `id` draws the first layer's weights from.
    func firstLayer(_ id: RuleID) -> WeightDistribution? {
        guard let fans = firstLayerFans, let rule = try? Rule(id) else { return nil }
        return rule.distribution(for: fans)
    }

    func setup(_ name: String) -> Convergence.Setup? {
        parameters.setups.first { $0.name == name }
    }

    /// The mean over seeds at the last evaluation of one curve; nil when the parameters do not
    /// train that rule in that setup.
    func final(_ setup: String, _ rule: RuleID, batchNorm: Bool = false, _ value: (Convergence.Point) -> Double) -> Double? {
        experiment.curves(result, setup: setup).first { $0.rule.rule == rule && $0.batchNorm == batchNorm }?.final(value)
    }

    func accuracy(_ setup: String, _ rule: RuleID, batchNorm: Bool = false) -> Double? {
        final(setup, rule, batchNorm: batchNorm) { $0.heldOutAccuracy }
    }

    /// Half the width of the 95 % interval of the mean final held-out accuracy.
    func interval(_ setup: String, _ rule: RuleID) -> Double? {
        experiment.curves(result, setup: setup).first { $0.rule.rule == rule && !$0.batchNorm }
            .map { MeanInterval($0.finals { $0.heldOutAccuracy }).halfWidth }
    }

    var widthExponent: Double? {
        let points = widthCurves.map { (log(Double($0.setup.width)), log($0.final { $0.distance })) }
        guard points.count >= 2 else { return nil }
        let meanX = points.map(\.0).reduce(0, +) / Double(points.count)
        let meanY = points.map(\.1).reduce(0, +) / Double(points.count)
        let covariance = points.reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        let variance = points.reduce(0) { $0 + ($1.0 - meanX) * ($1.0 - meanX) }
        return covariance / variance
    }

    /// The relative distance travelled; nil from a zero start too, which has no size for the
    /// distance to be relative to.
    func distance(_ setup: String, _ rule: RuleID, batchNorm: Bool = false) -> Double? {
        final(setup, rule, batchNorm: batchNorm) { $0.distance }.flatMap { $0.isFinite ? $0 : nil }
    }
}
