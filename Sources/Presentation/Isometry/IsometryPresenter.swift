import Experiments

/// The Jacobian spectra in the handout: the variance of λ against depth, the singular values of
/// linear networks, the first entry of QR with and without the sign correction, and the moments
/// of every network as a table.
struct IsometryPresenter: Presenter {
    static let title = "The spectrum of deep Jacobians"

    let experiment: Isometry
    let result: Isometry.Result

    var figures: [FigureSpec] { [varianceFigure, spectrumFigure, signFigure] }

    var tables: [String: DataTable] { ["isometry": table] }

    var table: DataTable {
        var table = DataTable(columns: ["weights", "activation", "width", "depth", "realisation", "m1", "m2", "variance", "rms_from_one"])
        let sorted = result.moments.sorted {
            ($0.kind.rawValue, $0.unit.rawValue, $0.depth, $0.realisation) < ($1.kind.rawValue, $1.unit.rawValue, $1.depth, $1.realisation)
        }
        for run in sorted {
            table.append([
                .text(run.kind.rawValue), .text(run.unit.rawValue), .integer(parameters.width), .integer(run.depth),
                .integer(run.realisation), .number(run.mean), .number(run.secondMoment), .number(run.variance),
                .number(run.rootMeanSquareFromOne),
            ])
        }
        return table
    }
}
