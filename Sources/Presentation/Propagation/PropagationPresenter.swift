import Experiments

/// The propagation result as the handout shows it: the grid's variances through depth, Glorot
/// and Bengio's histograms and the ReLU scale picture, and the numbers the prose quotes.
public struct PropagationPresenter: Presenter {
    public static let title = "The signal through depth"

    let experiment: Propagation
    let result: Propagation.Result
    let cells: [Propagation.Cell]

    public init(_ experiment: Propagation, _ result: Propagation.Result) {
        self.experiment = experiment
        self.result = result
        cells = experiment.cells(result)
    }

    var parameters: Propagation.Parameters { experiment.parameters }

    public var figures: [FigureSpec] {
        [
            gridFigure(.forward), gridFigure(.backward), batchNormFigure, histogramFigure(gradients: false),
            histogramFigure(gradients: true), scaleFigure, distributionFigure,
        ]
    }

    public var tables: [String: DataTable] {
        ["propagation": table, "propagation-histograms": histogramTable]
    }
}
