/// An experiment whose figures and numbers are still drawn here rather than by a presenter in
/// the Presentation module: the state of each experiment until its presenter lands.
public protocol LegacyReporting: Experiment {
    static var title: String { get }
    func report(_ result: Result) -> ExperimentReport
}

extension Saturation: LegacyReporting {}
extension Propagation: LegacyReporting {}
extension Modes: LegacyReporting {}
