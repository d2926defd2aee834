import Foundation
import Presentation
import Testing

@testable import Report

@Suite struct PageTableViewTests {
    /// The shipped partial: a header cell per column, numeric columns marked for alignment, the
    /// cells escaped as text, and a footer linking to the data behind the table.
    @Test func theShippedPartialDrawsCellsAndTheDataLink() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        var table = PageTable(
            id: "demo-steps", columns: [.init("Rule"), .init("Steps to 80 %", numeric: true)], data: DataTable(columns: ["x"]))
        table.append(["He <normal>", "120 ± 30"])
        table.append(["Glorot", "never in 400"])
        let html = try TemplateFolder(path: templates.path).pages.render("data-table", PageTableView.context(table))
        #expect(html.contains("<th scope=\"col\">Rule</th><th scope=\"col\" class=\"num\">Steps to 80 %</th>"))
        #expect(html.contains("<tr><td>He &lt;normal&gt;</td><td class=\"num\">120 ± 30</td></tr>"))
        #expect(html.contains("<td class=\"num\">never in 400</td>"))
        #expect(html.contains("<td colspan=\"2\" class=\"table-files\">Files: <a href=\"data/demo-steps.csv\">data (CSV)</a></td>"))
    }
}
