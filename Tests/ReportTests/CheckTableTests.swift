import Experiments
import Foundation
import Testing
import TextSupport

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

    /// The shipped partial with one check of each kind: an agreement reads "± tolerance", a
    /// comparison "> 0" and the margin its difference must exceed, under the same headers.
    @Test func bothKindsReadInTheShippedTable() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let comparison = Check.exceeds(
            id: "training/he-beats-glorot", claim: "He ends more accurate than Glorot", larger: [0.91, 0.95, 0.93, 0.92, 0.94],
            smaller: [0.50, 0.48, 0.51, 0.49, 0.52], falseAlarmRate: 1e-5, note: "final accuracies of 5 seeds")
        let html = try TemplateFolder(path: templates.path).pages.render("check-table", CheckTable.context([checks[2], comparison]))
        let rows = html.matches(of: /<tr[^>]*>(.*?)<\/tr>/).map { String($0.output.1) }
        let cells = rows.map { row in row.matches(of: /<t[hd][^>]*>(.*?)<\/t[hd]>/).map { String($0.output.1) } }
        #expect(cells.count == 3 && cells.allSatisfy { $0.count == 7 }, "\(html)")
        #expect(cells[0][3] == "Tolerance<br>or margin")
        #expect(cells[1][1...3] == ["6.928", "6.930", "±\u{202F}0.10"])
        // Means 0.93 and 0.50, five a side: Hsu's 4 d.f.
        #expect(cells[2][1] == "&gt;\u{00A0}0" && cells[2][2] == "0.4300")
        #expect(cells[2][3] == "margin\u{00A0}" + NumberText.format(comparison.tolerance, digits: 2))
        #expect(cells[2][5] == "Welch t, 4 d.f. (Hsu), one-sided; final accuracies of 5 seeds" && cells[2][6] == "passed")
    }
}
