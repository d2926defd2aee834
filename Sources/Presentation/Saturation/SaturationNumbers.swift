import Experiments
import Numerics

extension SaturationPresenter {
    /// The numbers of the section on saturation. Those of one setting are nil when the
    /// configuration leaves the setting out.
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("sigmoid_prime_at_0") { _ in Logistic.derivative(0.0) },
        NamedNumber("sigmoid_prime_at_2") { _ in Logistic.derivative(2.0) },
        NamedNumber("sigmoid_prime_at_10") { _ in Logistic.derivative(10.0) },
        NamedNumber("sigmoid_prime_at_10_inverse") { _ in 1 / Logistic.derivative(10.0) },
        NamedNumber("sigmoid_prime_ratio_2_to_10") { _ in Logistic.derivative(2.0) / Logistic.derivative(10.0) },
        NamedNumber("standard_std") { _ in standardStd },
        NamedNumber("four_in_standard_deviations") { _ in 4 / standardStd },
        NamedNumber("gaussian_tail_beyond_four") { _ in StandardNormal.twoSidedTail(4 / standardStd) },
        NamedNumber("chebyshev_bound_beyond_four") { _ in standardVariance / 16 },
        NamedNumber("product_tail_beyond_four") { _ in Saturation.productTail(beyond: 4) },
        NamedNumber("product_tail_ratio_to_normal") { _ in
            Saturation.productTail(beyond: 4) / StandardNormal.twoSidedTail(4 / standardStd)
        },
        NamedNumber("pixel_second_moment") { _ in InputDistribution.pixels.secondMoment },
        NamedNumber("raw_pixel_variance") { _ in InputDistribution.pixels.secondMoment / 3 },
        NamedNumber("raw_pixel_std") { _ in (InputDistribution.pixels.secondMoment / 3).squareRoot() },
        NamedNumber("pixel_variance") { _ in pixelVariance },
        // Var(a) = E[x²]/3 splits into an offset per unit, μ²/3, and the part that varies across examples, Var(x)/3.
        NamedNumber("raw_pixel_offset_variance") { _ in pixelMeanSquare / 3 },
        NamedNumber("raw_pixel_offset_std") { _ in (pixelMeanSquare / 3).squareRoot() },
        NamedNumber("raw_pixel_spread_variance") { _ in pixelVariance / 3 },
        NamedNumber("raw_pixel_spread_std") { _ in (pixelVariance / 3).squareRoot() },
        // E[xxᵀ] = Var(x) I + μ²𝟙𝟙ᵀ has eigenvalues Var(x) + nμ² (along 𝟙) and Var(x).
        NamedNumber("raw_pixel_offset_percent") { _ in 100 * pixelMeanSquare / InputDistribution.pixels.secondMoment },
        // Pixels divided by 255 (scaled, not centred): both parts shrink by 255², the share stays.
        NamedNumber("scaled_pixel_offset_variance") { _ in pixelMeanSquare / 3 / (255 * 255) },
        NamedNumber("scaled_pixel_spread_variance") { _ in pixelVariance / 3 / (255 * 255) },
        NamedNumber("raw_pixel_curvature_ratio") { _ in 1 + Double(digitPixels) * pixelMeanSquare / pixelVariance },
        NamedNumber("max_fan_in") { presenter in presenter.parameters.fanIns.max().map(Double.init) },
        NamedNumber("units_per_layer") { presenter in Double(presenter.parameters.units) },
        NamedNumber("batch_size") { presenter in Double(presenter.parameters.batch) },
        NamedNumber("standardised_samples_total") { presenter in
            presenter.measured(.standardised) { rows in Double(rows.reduce(0) { $0 + $1.samples }) }
        },
        NamedNumber("standardised_pooled_variance") { presenter in
            presenter.measured(.standardised) { _ in presenter.experiment.pooled(presenter.result, .standardised).variance }
        },
        NamedNumber("standardised_fraction_outside_four_at_d1") { presenter in
            presenter.rows(.standardised).first { $0.fanIn == 1 }.map(fractionOutside)
        },
        NamedNumber("raw_pixels_max_percent_outside_four") { presenter in
            presenter.measured(.rawPixels) { rows in 100 * (rows.map(fractionOutside).max() ?? .nan) }
        },
    ]

    private static let pixelMeanSquare = InputDistribution.pixels.mean * InputDistribution.pixels.mean
    private static let pixelVariance = InputDistribution.pixels.secondMoment - pixelMeanSquare
    /// The inputs of a 28 × 28 digit, the fan-in at which the prose states the curvature ratio.
    private static let digitPixels = 28 * 28

    /// Var(a) = 1/3 of the fan-in rule on standardised inputs, and its standard deviation.
    private static let standardVariance = 1.0 / 3
    private static let standardStd = standardVariance.squareRoot()

    /// `value` of the rows of `setting`, or nil if the configuration leaves the setting out.
    private func measured(_ setting: SaturationSetting, _ value: ([Saturation.Row]) -> Double) -> Double? {
        parameters.settings.contains(setting) ? value(rows(setting)) : nil
    }
}
