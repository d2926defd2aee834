import Experiments

/// What one experiment's result looks like in the handout: its figures, its data tables and the
/// numbers the prose quotes. A presenter reads a result and never runs anything, so a cached
/// result is presented again exactly.
public protocol Presenter: Sendable {
    associatedtype Subject: Experiment
    /// What the experiment is about, in a few words: the heading of its checks.
    static var title: String { get }
    /// Every number the prose can quote from this experiment, each name written out once here,
    /// so that `{{number NAME}}` in the prose can be found by searching for NAME.
    static var numbers: [NamedNumber<Self>] { get }

    var experiment: Subject { get }
    var result: Subject.Result { get }
    init(experiment: Subject, result: Subject.Result)
    /// The figures, each placed in the prose by `{{figure ID}}` and captioned there.
    var figures: [FigureSpec] { get }
    /// Result tables written as `data/<name>.csv`, in long format.
    var tables: [String: DataTable] { get }
    /// Tables the prose shows with `{{table ID}}`.
    var pageTables: [PageTable] { get }
}

/// A number the prose can quote as `{{number name}}`, and how a presenter computes it. A value
/// of nil means the configuration has nothing to compute it from (a setup left out), which is an
/// error only if the prose quotes it.
public struct NamedNumber<Source>: Sendable {
    public let name: String
    public let value: @Sendable (Source) -> Double?

    public init(_ name: String, _ value: @escaping @Sendable (Source) -> Double?) {
        self.name = name
        self.value = value
    }
}

extension Presenter {
    /// The report of `outcome` if it is this presenter's experiment, nil otherwise.
    static func report(_ outcome: ExperimentResult) -> ExperimentReport? {
        guard let experiment = outcome.experiment as? Subject, let result = outcome.result as? Subject.Result else { return nil }
        let presenter = Self(experiment: experiment, result: result)
        var numbers: [String: Double] = [:]
        for number in Self.numbers {
            if let value = number.value(presenter) { numbers[number.name] = value }
        }
        return ExperimentReport(
            experiment: Subject.id, title: title, figures: presenter.figures, numbers: numbers, checks: outcome.checks,
            tables: presenter.tables, pageTables: presenter.pageTables)
    }

    var parameters: Subject.Parameters { experiment.parameters }

    public var pageTables: [PageTable] { [] }

    static var subject: any Experiment.Type { Subject.self }
    static var numberNames: [String] { numbers.map(\.name) }
}
