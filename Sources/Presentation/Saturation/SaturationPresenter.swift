import Experiments
import Numerics

/// The saturation experiment in the handout: the logistic curves, then the variance, the tail
/// beyond 4 and the mean derivative of the pre-activation against the fan-in, per setting.
struct SaturationPresenter: Presenter {
    static let title = "Saturation of logistic units"

    let experiment: Saturation
    let result: Saturation.Result

    var figures: [FigureSpec] { [logisticFigure, varianceFigure, outsideFigure, derivativeFigure] }

    var tables: [String: DataTable] {
        var table = DataTable(columns: [
            "setting", "fan_in", "samples", "variance_theory", "variance_measured", "standard_error",
            "p_outside_4_measured", "p_outside_4_gaussian", "chebyshev_bound", "mean_derivative",
        ])
        for row in result.rows {
            table.append([
                .text(row.setting.rawValue), .integer(row.fanIn), .integer(row.samples),
                .number(row.varianceTheory), .number(row.varianceMeasured), .number(row.standardError),
                .number(Self.fractionOutside(row)), .number(Self.gaussianTail(row)), .number(Self.chebyshevBound(row)),
                .number(row.meanDerivative),
            ])
        }
        return ["saturation": table]
    }

    /// The rows of one setting, by fan-in; none if the configuration leaves the setting out.
    func rows(_ setting: SaturationSetting) -> [Saturation.Row] {
        experiment.rows(result, setting)
    }

    /// The measured fraction of pre-activations with |a| > 4.
    static func fractionOutside(_ row: Saturation.Row) -> Double {
        Double(row.outsideFour) / Double(row.samples)
    }

    /// P(|a| > 4) if a were normal with the theory's variance.
    static func gaussianTail(_ row: Saturation.Row) -> Double {
        StandardNormal.twoSidedTail(4 / row.varianceTheory.squareRoot())
    }

    /// Chebyshev's bound on P(|a| ≥ 4) for the theory's variance, which exceeds 1 for large d/3.
    static func chebyshevBound(_ row: Saturation.Row) -> Double {
        min(1, row.varianceTheory / 16)
    }
}
