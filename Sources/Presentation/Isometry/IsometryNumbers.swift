import Experiments

extension IsometryPresenter {
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("isometry_width") { Double($0.parameters.width) },
        NamedNumber("isometry_max_depth") { Double($0.experiment.maxDepth) },
        NamedNumber("isometry_realisations") { Double($0.parameters.realisations) },
        NamedNumber("isometry_tanh_input_variance") { $0.parameters.tanhInputVariance },
        NamedNumber("isometry_tanh_input_std") { $0.parameters.tanhInputVariance.squareRoot() },
        NamedNumber("isometry_exact_second_moment_at_max_depth") { $0.exactAtMaxDepth.secondMoment },
        NamedNumber("isometry_exact_variance_at_max_depth") { $0.exactAtMaxDepth.secondMoment - $0.exactAtMaxDepth.meanSquareOfMean },
        NamedNumber("isometry_rounding_bound_at_max_depth") {
            IsometryTheory.orthogonalRoundingBound(width: $0.parameters.width, depth: $0.experiment.maxDepth)
        },

        NamedNumber("isometry_variance_gaussian_linear_at_max_depth") { $0.varianceAtMaxDepth(.gaussian, .linear) },
        NamedNumber("isometry_variance_gaussian_relu_at_max_depth") { $0.varianceAtMaxDepth(.gaussian, .relu) },
        NamedNumber("isometry_variance_gaussian_tanh_at_max_depth") { $0.varianceAtMaxDepth(.gaussian, .tanh) },
        NamedNumber("isometry_variance_orthogonal_linear_at_max_depth") { $0.varianceAtMaxDepth(.orthogonal, .linear) },
        NamedNumber("isometry_variance_orthogonal_relu_at_max_depth") { $0.varianceAtMaxDepth(.orthogonal, .relu) },
        NamedNumber("isometry_variance_orthogonal_tanh_at_max_depth") { $0.varianceAtMaxDepth(.orthogonal, .tanh) },
        NamedNumber("isometry_theory_variance_gaussian_relu_at_max_depth") { $0.theoryAtMaxDepth(.gaussian, .relu)?.variance },
        NamedNumber("isometry_theory_variance_gaussian_tanh_at_max_depth") { $0.theoryAtMaxDepth(.gaussian, .tanh)?.variance },
        NamedNumber("isometry_theory_variance_orthogonal_relu_at_max_depth") { $0.theoryAtMaxDepth(.orthogonal, .relu)?.variance },
        NamedNumber("isometry_theory_variance_orthogonal_tanh_at_max_depth") { $0.theoryAtMaxDepth(.orthogonal, .tanh)?.variance },
        NamedNumber("isometry_theory_mean_orthogonal_tanh_at_max_depth") { $0.theoryAtMaxDepth(.orthogonal, .tanh)?.mean },
        NamedNumber("isometry_critical_bias_variance") { $0.experiment.criticalPoint.biasVariance },
        NamedNumber("isometry_critical_weight_variance") { $0.experiment.criticalPoint.weightVariance },
        NamedNumber("isometry_critical_fixed_point") { $0.experiment.criticalPoint.fixedPoint },
        NamedNumber("isometry_critical_fixed_point_std") { $0.experiment.criticalPoint.fixedPoint.squareRoot() },
        NamedNumber("isometry_variance_orthogonal_tanh_critical_at_max_depth") { $0.varianceAtMaxDepth(.orthogonal, .tanhCritical) },
        NamedNumber("isometry_theory_variance_orthogonal_tanh_critical_at_max_depth") {
            $0.theoryAtMaxDepth(.orthogonal, .tanhCritical)?.variance
        },
        NamedNumber("isometry_theory_variance_gaussian_tanh_critical_at_max_depth") {
            $0.theoryAtMaxDepth(.gaussian, .tanhCritical)?.variance
        },

        NamedNumber("isometry_spectrum_realisations") { Double($0.parameters.spectrum.realisations) },
        NamedNumber("isometry_spectrum_values") { Double($0.parameters.spectrum.realisations * $0.parameters.width) },
        NamedNumber("isometry_spectrum_bins") { Double($0.parameters.spectrum.bins) },
        NamedNumber("isometry_tiny_singular_value") { $0.parameters.spectrum.tinySingularValue },
        NamedNumber("isometry_spectrum_max_depth") { $0.parameters.spectrum.depths.last.map(Double.init) },
        NamedNumber("isometry_tiny_percent_gaussian_at_spectrum_max_depth") { presenter in
            presenter.deepestGaussianSpectrum.map { values in
                100 * (Double(values.filter { $0 < presenter.parameters.spectrum.tinySingularValue }.count) / Double(values.count))
            }
        },
        NamedNumber("isometry_largest_singular_value_gaussian_at_spectrum_max_depth") { $0.deepestGaussianSpectrum?.max() },
        NamedNumber("isometry_orthogonal_largest_deviation") { presenter in
            presenter.parameters.spectrum.depths.flatMap { presenter.experiment.spectrumValues(presenter.result, .orthogonal, depth: $0) }
                .map { abs($0 - 1) }.max()
        },

        NamedNumber("isometry_qr_width") { Double($0.parameters.signCorrection.width) },
        NamedNumber("isometry_qr_draws") { Double($0.parameters.signCorrection.draws) },
        NamedNumber("isometry_qr_uncorrected_mean_theory") {
            -IsometryTheory.absoluteFirstEntry(width: $0.parameters.signCorrection.width)
        },
        NamedNumber("isometry_qr_negative_percent_corrected") { $0.signs(corrected: true).map(Self.negativePercent) },
        NamedNumber("isometry_qr_negative_percent_uncorrected") { $0.signs(corrected: false).map(Self.negativePercent) },
        NamedNumber("isometry_qr_mean_corrected") { $0.signs(corrected: true)?.mean },
        NamedNumber("isometry_qr_mean_uncorrected") { $0.signs(corrected: false)?.mean },
    ]

    var exactAtMaxDepth: (meanSquareOfMean: Double, secondMoment: Double) {
        IsometryTheory.gaussianLinearExact(width: parameters.width, depth: experiment.maxDepth)
    }

    func varianceAtMaxDepth(_ kind: Isometry.WeightKind, _ unit: Isometry.Unit) -> Double {
        experiment.cell(result, kind, unit, depth: experiment.maxDepth).statistic(\.variance).mean
    }

    /// The Gaussian singular values at the deepest spectrum, whatever depth the profile takes
    /// for it; nil when the result has none.
    var deepestGaussianSpectrum: [Double]? {
        guard let depth = parameters.spectrum.depths.last else { return nil }
        let values = experiment.spectrumValues(result, .gaussian, depth: depth)
        return values.isEmpty ? nil : values
    }

    func theoryAtMaxDepth(_ kind: Isometry.WeightKind, _ unit: Isometry.Unit) -> (mean: Double, variance: Double)? {
        experiment.meanField(kind, unit).last
    }

    func signs(corrected: Bool) -> Isometry.SignRun? {
        result.signs.first { $0.corrected == corrected }
    }

    static func negativePercent(_ run: Isometry.SignRun) -> Double {
        100 * Double(run.negatives) / Double(max(run.draws, 1))
    }
}
