import Experiments
import Testing

@testable import Report

@Suite struct CheckTableTests {
    let checks = [
        Check(
            id: "saturation/variance/d=1", claim: "a", expected: 1, measured: 1, tolerance: 0.1, falseAlarmRate: 1e-5,
            basis: "Student t, 9 d.f."),
        Check(id: "depth/forward", claim: "b", expected: 1, measured: 3, tolerance: 0.1, falseAlarmRate: 1e-5, basis: "Student t, 9 d.f."),
        Check(
            id: "saturation/four", claim: "c", expected: 6.928203, measured: 6.93, tolerance: 0.1, falseAlarmRate: 1e-5,
            basis: "Student t, 9 d.f."),
    ]

    @Test func prefixesSelectInTheBuildsOrder() {
        #expect(CheckTable.matching(["saturation/"], in: checks).map(\.claim) == ["a", "c"])
        #expect(CheckTable.matching(["saturation/four", "depth"], in: checks).map(\.claim) == ["b", "c"])
        #expect(CheckTable.matching(["saturation/d"], in: checks).isEmpty)
    }

    @Test func misspeltPrefixesHaveCandidates() {
        #expect(CheckTable.prefixes(checks).contains("saturation/variance"))
        #expect(CheckTable.prefixes(checks).contains("depth/forward"))
    }

    @Test func numbersArePreformatted() {
        let rows = CheckTable.context([checks[2]])["checks"] as? [[String: Any]]
        #expect(rows?.first?["expected"] as? String == "6.928")
        #expect(rows?.first?["passed"] as? Bool == true)
        // Each row states its false-alarm rate and where it comes from.
        #expect(rows?.first?["falseAlarmRate"] as? String == "1 × 10⁻⁵")
        #expect(rows?.first?["basis"] as? String == "Student t, 9 d.f.")
    }
}
