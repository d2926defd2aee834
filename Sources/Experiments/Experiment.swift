import Numerics

/// One experiment of the handout, as science only: its parameters, its run, its result, and the
/// checks of theory against that result. What a result looks like in the handout (figures,
/// tables, named numbers) is its presenter's business, in the Presentation module. Data flows
/// one way, parameters → result → checks and presentation, so a result can be cached and
/// presented again without running anything.
public protocol Experiment: Sendable {
    associatedtype Parameters: Codable, Sendable, Hashable
    associatedtype Result: Codable, Sendable

    /// Stable id: file names, random-stream labels and cache keys derive from it.
    static var id: String { get }
    var parameters: Parameters { get }

    init(parameters: Parameters)
    /// The experiment at the sizes of a profile.
    init(profile: Profile)

    /// What is wrong with these parameters, before any work starts: out-of-range values and
    /// sizes that would exhaust memory. Empty when they are fine.
    static func problems(_ parameters: Parameters) -> [ParameterProblem]

    /// Runs the experiment. `random` is this experiment's own stream; parts of the run derive
    /// their own streams from it by label, so the result does not depend on scheduling.
    /// `progress` is told how much work there is and how much is done.
    func run(random: RandomSource, progress: RunProgress) -> Result

    /// What is wrong with `result` as a result of these parameters: counts of rows, runs, layers
    /// or bins that do not match them, values that cannot be. The cache recomputes an entry with
    /// problems even when its checksum holds. Empty when the result fits.
    func problems(in result: Result) -> [String]

    /// Theory against this result: every claim the handout makes about it, each with its
    /// tolerance (see ``Check``).
    func checks(_ result: Result) -> [Check]
}

extension Experiment {
    /// The stream a build with this seed gives the experiment.
    public static func stream(seed: UInt64) -> RandomSource {
        RandomSource(seed: seed).derived(id)
    }

    /// Runs without watching the progress.
    public func run(random: RandomSource) -> Result {
        run(random: random, progress: RunProgress())
    }

    /// Runs without a cache, and checks the result.
    public func execute(seed: UInt64) -> ExperimentResult {
        let result = run(random: Self.stream(seed: seed))
        return ExperimentResult(experiment: self, result: result, checks: checks(result))
    }
}

/// A parameter value an experiment refuses, named by its key as a configuration file spells it.
public struct ParameterProblem: Sendable, Hashable {
    /// The path of the value's key in snake case, as in the configuration file: `units`,
    /// `grid.batch`, `fan_ins[2]`.
    public var key: String
    public var message: String

    public init(_ key: String, _ message: String) {
        self.key = key
        self.message = message
    }
}

extension ParameterProblem {
    /// One problem for each whole-number value outside its range, named by its key.
    static func outsideRanges(_ entries: [(key: String, value: Int, range: ClosedRange<Int>)]) -> [ParameterProblem] {
        entries.filter { !$0.range.contains($0.value) }.map {
            ParameterProblem($0.key, "\($0.value) is outside \($0.range.lowerBound) to \($0.range.upperBound)")
        }
    }
}
