/// A claim of the handout confronted with a measurement at build time.
public struct Check: Codable, Sendable, Hashable {
    /// Stable id, `<experiment>/<what>`.
    public var id: String
    /// The claim in words, as the verification table prints it.
    public var claim: String
    public var expected: Double
    public var measured: Double
    /// The largest |measured − expected| that still confirms the claim. For statistical checks
    /// it comes from the sample size (a number of standard errors), never from trial and error.
    public var tolerance: Double
    public var passed: Bool

    public init(id: String, claim: String, expected: Double, measured: Double, tolerance: Double) {
        self.id = id
        self.claim = claim
        self.expected = expected
        self.measured = measured
        self.tolerance = tolerance
        passed = measured.isFinite && abs(measured - expected) <= tolerance
    }
}
