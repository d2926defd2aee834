import Experiments

/// The propagation result as the handout shows it: the grid's variances through depth, Glorot
/// and Bengio's histograms and the ReLU scale picture, and the numbers the prose quotes.
struct PropagationPresenter: Presenter {
    static let title = "The signal through depth"

    let experiment: Propagation
    let result: Propagation.Result
    let cells: [Propagation.Cell]

    init(experiment: Propagation, result: Propagation.Result) {
        self.experiment = experiment
        self.result = result
        cells = experiment.cells(result)
    }

    var figures: [FigureSpec] {
        [
            gridFigure(.forward), gridFigure(.backward), batchNormFigure, histogramFigure(gradients: false),
            histogramFigure(gradients: true), scaleFigure, distributionFigure,
        ]
    }

    var tables: [String: DataTable] {
        ["propagation": table, "propagation-histograms": histogramTable, "criticality": criticalityTable]
    }
}
