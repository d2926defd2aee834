import Experiments
import Foundation
import Presentation
import Testing

@testable import Report

/// The verification section groups checks by the experiment that made them, under its
/// presenter's title, whatever the checks' ids say.
@Suite struct VerificationGroupsTests {
    static func check(_ id: String, passed: Bool = true) -> Check {
        Check(id: id, claim: id, expected: 1, measured: passed ? 1 : 2, tolerance: 0.1, falseAlarmRate: 1e-5, basis: "exact")
    }

    @Test func groupsAreTheReportsInTheirOrder() throws {
        let scratch = try ScratchTemplates([
            "report.mustache": "{{#experiments}}[{{title}}: {{passed}}/{{total}}]{{/experiments}}"
        ])
        defer { scratch.remove() }
        let reports = [
            ExperimentReport(
                experiment: "second", title: "The second", checks: [Self.check("first/a"), Self.check("first/b", passed: false)]),
            ExperimentReport(experiment: "none", title: "Without checks"),
            ExperimentReport(experiment: "first", title: "The first", checks: [Self.check("second/c")]),
        ]
        let files = try ReportBuilder(templates: try scratch.folder(), profile: .quick, seed: 1).files(for: reports).files
        let page = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
        #expect(page == "[The second: 1/2][The first: 1/1]")
    }
}
