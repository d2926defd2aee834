import Testing
import TextSupport

@testable import Report

@Suite struct ProseTablesTests {
    let t = ContentScanner.token

    @Test func captionsJoinTheTableBeforeThenAfter() throws {
        // Caption 0 follows table A; caption 2 precedes table B (A already has its caption).
        let scanner = try ContentScanner(
            path: "s.md", text: "| a |\n|---|\n| 1 |\nTable: A. {#tab:a}\n\nTable: B.\n\n| b |\n|---|\n| 2 |\n")
        let html =
            "<table><tr><td align=\"right\">1</td></tr></table><p>\(t(0)) A. \(t(1))</p><p>\(t(2)) B.</p><table><tr><td>2</td></tr></table>"
        let arranged = try ProseTables.arrange(html, scanner: scanner, firstNumber: 3)
        #expect(
            arranged.html
                == "<div class=\"table-scroll\"><table id=\"tab-a\"><caption>\(t(0)) A.</caption><tr><td class=\"align-right\">1</td></tr></table></div><div class=\"table-scroll\"><table><caption>\(t(2)) B.</caption><tr><td>2</td></tr></table></div>"
        )
        #expect(arranged.captions.map(\.number) == [3, 4])
        #expect(arranged.captions.map(\.label) == ["a", nil])
    }

    @Test func aCaptionAwayFromAnyTableIsLocated() throws {
        let scanner = try ContentScanner(path: "s.md", text: "Text.\n\nTable: Lost.\n")
        #expect {
            _ = try ProseTables.arrange("<p>Text.</p><p>\(t(0)) Lost.</p>", scanner: scanner, firstNumber: 1)
        } throws: { error in
            (error as? LocatedError)?.location == "s.md:3:1"
        }
    }
}
