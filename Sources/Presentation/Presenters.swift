import Experiments

/// Every presenter, one per experiment of ``Plan/catalogue``; a test holds the two lists to
/// each other, so an experiment cannot be added without the way it is shown.
public enum Presenters {
    public static let all: [any Presenter.Type] = [
        SaturationPresenter.self,
        PropagationPresenter.self,
        ModesPresenter.self,
        IsometryPresenter.self,
        ConvergencePresenter.self,
        ResidualPresenter.self,
        LayerNormPlacementPresenter.self,
        BiasPresenter.self,
        OrderAndChaosPresenter.self,
        FluctuationPresenter.self,
        SELUPresenter.self,
        LSUVPresenter.self,
    ]

    /// Every name the prose may quote as `{{number NAME}}`.
    public static var declaredNumberNames: Set<String> {
        Set(all.flatMap { $0.numberNames })
    }

    /// The presenter of an experiment's type, if it has one.
    public static func presenter(of experiment: any Experiment.Type) -> (any Presenter.Type)? {
        all.first { ObjectIdentifier($0.subject) == ObjectIdentifier(experiment) }
    }

    /// Figures, tables, numbers and checks of each result, in the plan's order.
    public static func reports(_ results: [ExperimentResult]) throws(PresentationError) -> [ExperimentReport] {
        try results.map { outcome throws(PresentationError) in
            for presenter in all {
                if let report = presenter.report(outcome) { return report }
            }
            throw PresentationError(experiment: outcome.id)
        }
    }
}

/// An experiment without a presenter: a mistake in the code, not in anything a user wrote.
public struct PresentationError: Error, CustomStringConvertible {
    public let experiment: String
    public var description: String { "experiment \(experiment) has no presenter in Presenters.all" }
}
