/// What running one experiment of a plan gives: the experiment with its parameters, its
/// result, and the checks of theory against it. A presenter turns it into figures and numbers.
public struct ExperimentResult: Sendable {
    public let experiment: any Experiment
    public let result: any Codable & Sendable
    public let checks: [Check]

    public init<E: Experiment>(experiment: E, result: E.Result, checks: [Check]) {
        self.experiment = experiment
        self.result = result
        self.checks = checks
    }

    public var id: String { type(of: experiment).id }
}
