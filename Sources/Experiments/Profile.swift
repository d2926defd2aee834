/// How big the experiments are: `quick` for tests and CI (the whole build in seconds),
/// `handout` for the printed handout (the default, a cold build in about a minute on two cores),
/// `paper` for the papers' sizes, for those with time (tens of minutes).
public enum Profile: String, CaseIterable, Codable, Sendable {
    case quick
    case handout
    case paper
}
