/// How big the experiments are: `quick` for tests and CI (the whole build in seconds),
/// `handout` for the printed handout (the default).
public enum Profile: String, CaseIterable, Codable, Sendable {
    case quick
    case handout
}
