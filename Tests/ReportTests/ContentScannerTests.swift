import Testing
import TextSupport

@testable import Report

@Suite struct ContentScannerTests {
    func scan(_ text: String) throws -> ContentScanner { try ContentScanner(path: "s.md", text: text) }

    @Test func mathIsTakenOutOfTheMarkdown() throws {
        let scanner = try scan("Let $w_i \\sim U$ and $$a = \\sum_i w_i x_i \\label{eq:a}$$ then \\$5.")
        #expect(
            scanner.pieces.map(\.piece) == [
                .inlineMath("w_i \\sim U"),
                .displayMath("a = \\sum_i w_i x_i \\label{eq:a}"),
            ])
        #expect(scanner.markdown == "Let \(ContentScanner.token(0)) and \n\n\(ContentScanner.token(1))\n\n then $5.")
    }

    @Test func codeIsLeftAlone() throws {
        let scanner = try scan("`$x$` and\n```\n$$ {{figure x}}\n```\n")
        #expect(scanner.pieces.isEmpty)
        #expect(scanner.markdown == "`$x$` and\n```\n$$ {{figure x}}\n```\n")
    }

    @Test func directivesAndReferences() throws {
        let scanner = try scan(
            "{{number sigmoid_prime_at_2 digits=6}} see @fig:saturation-variance, \\eqref{eq:one-third} [@glorot2010; @he2015]\n{{figure saturation-logistic}}\n$$x\\nonumber$$\n{{checks saturation/variance/ saturation/four}}"
        )
        #expect(
            scanner.pieces.map(\.piece) == [
                .number("sigmoid_prime_at_2", digits: 6),
                .reference(.figure, "saturation-variance"),
                .reference(.equation, "eq:one-third"),
                .citation(["glorot2010", "he2015"]),
                .figure("saturation-logistic"),
                .displayMath("x\\nonumber"),
                .checks(["saturation/variance/", "saturation/four"]),
            ])
    }

    @Test func sectionAndTableLabels() throws {
        let scanner = try scan(
            "## Depth {#sec:depth}\n\nAs @sec:depth and @tab:rules_2 show.\n\n| a |\n|---|\n| 1 |\nTable: The rules. {#tab:rules_2}\n")
        #expect(
            scanner.pieces.map(\.piece) == [
                .label(.section, "depth"),
                .reference(.section, "depth"),
                .reference(.table, "rules_2"),
                .tableCaption,
                .label(.table, "rules_2"),
            ])
        // The caption is a paragraph of its own even right after the table, and labels leave
        // nothing behind for Markdown.
        let t = ContentScanner.token
        #expect(
            scanner.markdown == "## Depth \(t(0))\n\nAs \(t(1)) and \(t(2)) show.\n\n| a |\n|---|\n| 1 |\n\n\(t(3)) The rules. \(t(4))\n\n")
    }

    @Test(arguments: [
        ("text\nmore $x^2 and\n\nnext", "s.md:2:6", "inline math opened with $ is not closed"),
        ("a\n\n  {{numbr x}}", "s.md:3:3", "unknown directive {{numbr x}}"),
        ("$$x", "s.md:1:1", "display math opened with $$ is not closed"),
        ("{{number x digits=99}}", "s.md:1:1", "expected {{number NAME}} or {{number NAME digits=N}} with N from 1 to 15"),
        ("see [@glorot2010, he]", "s.md:1:5", "a citation is written [@key] or [@key1; @key2]"),
        ("Some text {#sec:x}", "s.md:1:11", "{#sec:…} labels a heading"),
        ("## Heading {#sec:x} more", "s.md:1:12", "{#sec:…} must end its line"),
        ("## Heading {#tab:x}", "s.md:1:12", "{#tab:…} labels a table"),
        ("## H {#sec:a b}", "s.md:1:6", "a label is letters, digits, - and _, as in {#sec:my-label}"),
        ("x\nTable: {#tab:x}", "s.md:2:1", "a table caption needs text after Table:"),
        ("see @sec: there", "s.md:1:5", "@sec: needs a label after the colon"),
        ("{{checks}}", "s.md:1:1", "unknown directive {{checks}}"),
    ])
    func errorsAreLocated(_ text: String, _ location: String, _ message: String) {
        #expect {
            _ = try scan(text)
        } throws: { error in
            guard let error = error as? LocatedError else { return false }
            return error.location == location && error.message == message
        }
    }
}
