import Experiments

/// Everything an experiment hands on to the document: its figures, its named numbers (quoted
/// in the prose as `{{number name}}`), its checks and its tidy result tables.
public struct ExperimentReport: Sendable, Hashable {
    public var experiment: String
    /// What the experiment is about, in a few words: the heading of its checks.
    public var title: String
    public var figures: [FigureSpec]
    public var numbers: [String: Double]
    public var checks: [Check]
    /// Result tables written as `data/<name>.csv`, in long format.
    public var tables: [String: DataTable]
    /// Tables the prose shows with `{{table ID}}`, their data written as `data/<id>.csv` too.
    public var pageTables: [PageTable]

    public init(
        experiment: String, title: String, figures: [FigureSpec] = [], numbers: [String: Double] = [:], checks: [Check] = [],
        tables: [String: DataTable] = [:], pageTables: [PageTable] = []
    ) {
        self.experiment = experiment
        self.title = title
        self.figures = figures
        self.numbers = numbers
        self.checks = checks
        self.tables = tables
        self.pageTables = pageTables
    }
}
