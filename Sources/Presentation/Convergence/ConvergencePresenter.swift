import Charts
import Experiments
import TextSupport

/// The training runs in the handout: one figure of training curves per setup the prose
/// discusses, the distance the weights travel, and every evaluation as a table.
struct ConvergencePresenter: Presenter {
    static let title = "Training from each rule"

    let experiment: Convergence
    let result: Convergence.Result

    var figures: [FigureSpec] {
        parameters.setups.compactMap { setup in Self.title(of: setup).map { figure(setup, title: $0) } } + [distanceFigure].compactMap(\.self)
    }

    var tables: [String: DataTable] { ["convergence": table] }

    var pageTables: [PageTable] { [stepsTable] }

    /// The title of a setup's figure, with the depth the parameters give it; nil for a setup the
    /// prose does not discuss.
    static func title(of setup: Convergence.Setup) -> String? {
        switch setup.name {
        case "deep-relu": "\(NumberText.spelled(setup.depth, capitalized: true)) ReLU layers: only the rule made for them trains"
        case "tanh": "\(NumberText.spelled(setup.depth, capitalized: true)) tanh layers: the standard rule against Glorot's"
        case "sigmoid":
            "\(NumberText.spelled(setup.depth, capitalized: true)) logistic layers: the standard rule, Glorot's, its ×4 variant and Kumar's"
        case "deep-tanh": "\(NumberText.spelled(setup.depth, capitalized: true)) tanh layers: Gaussian against orthogonal weights"
        case "symmetry": "Zero weights never break the symmetry"
        case "bad-scale": "A bad scale, with and without batch normalisation"
        default: nil
        }
    }

    var table: DataTable {
        var table = DataTable(columns: [
            "setup", "rule", "batch_norm", "seed", "epoch", "step", "train_loss", "held_out_loss", "test_accuracy", "unit_spread",
            "distance", "diverged",
        ])
        for run in result.runs {
            for point in run.points {
                table.append([
                    .text(run.setup), .text(run.rule.label), .flag(run.batchNorm), .integer(run.seed),
                    .number(Double(point.step * parameters.batch) / Double(parameters.trainingSamples)), .integer(point.step),
                    .number(point.trainingLoss ?? .nan), .number(point.heldOutLoss), .number(point.heldOutAccuracy),
                    .number(point.unitSpread), .number(point.distance), .flag(run.divergedAt != nil),
                ])
            }
        }
        return table
    }
}
