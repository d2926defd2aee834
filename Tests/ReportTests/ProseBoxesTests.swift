import Initializers
import Testing
import TextSupport

@testable import Report

/// Key points, exercises and their answers as the scanner reads them: whole boxes on lines of
/// their own, or a located mistake.
@Suite struct ProseBoxesTests {
    @Test func boxesAreBlockPieces() throws {
        let scanner = try ContentScanner(
            path: "s.md",
            text: "{{keypoints}}\n- $x$\n{{/keypoints}}\n{{exercise}}\nQ?\n{{answer}}\nA.\n{{/exercise}}\n{{answers}}\n{{decisions}}\n")
        #expect(
            scanner.pieces.map(\.piece) == [
                .open(.keypoints), .inlineMath("x"), .close(.keypoints),
                .open(.exercise), .answer, .close(.exercise), .answers, .decisions,
            ])
        let t = ContentScanner.token
        #expect(scanner.markdown.hasPrefix("\n\n\(t(0))\n\n\n- \(t(1))\n\n\n\(t(2))\n\n\n\n\n\(t(3))\n\n\nQ?\n\n\n\(t(4))\n\n\nA.\n"))
    }

    @Test(
        arguments: [
            ("{{answer}}\n", "1:1", "{{answer}} outside an exercise", "write it between {{exercise}} and {{/exercise}}"),
            (
                "{{exercise}}\nQ?\n{{/exercise}}\n", "1:1", "the exercise has no {{answer}}",
                "write {{answer}} and the worked answer before {{/exercise}} on line 3"
            ),
            ("{{keypoints}}\n- a\n", "1:1", "{{keypoints}} is not closed", "add {{/keypoints}} where it ends"),
            (
                "{{exercise}}\nQ?\n{{keypoints}}\n", "3:1", "{{keypoints}} inside {{exercise}}: boxes do not nest",
                "close the {{exercise}} of line 1 with {{/exercise}} first"
            ),
            ("\n{{/keypoints}}\n", "2:1", "{{/keypoints}} closes no {{keypoints}}", nil),
            (
                "{{exercise}}\nQ?\n{{answer}}\nA.\n{{/keypoints}}\n", "5:1", "{{/keypoints}} closes no {{keypoints}}",
                "the {{exercise}} of line 1 is open"
            ),
            (
                "Text {{exercise}}\n", "1:6", "{{exercise}} stands on a line of its own",
                "put it at the start of a line with nothing after it"
            ),
            (
                "{{exercise}} Q?\n", "1:1", "{{exercise}} stands on a line of its own",
                "put it at the start of a line with nothing after it"
            ),
            ("{{exercise}}\n\n{{answer}}\nA.\n{{/exercise}}\n", "3:1", "the exercise has no question before {{answer}}", nil),
            ("{{exercise}}\nQ?\n{{answer}}\n\n{{/exercise}}\n", "5:1", "the exercise's answer is empty", nil),
            ("{{keypoints}}\n{{/keypoints}}\n", "2:1", "the key points are empty", nil),
            (
                "{{keypoints}}\n- a\n\n## Next\n", "4:1", "a heading inside {{keypoints}}",
                "close the box opened on line 1 with {{/keypoints}} before the heading"
            ),
            (
                "{{exercise}}\nQ?\n{{answer}}\nA.\n{{answer}}\nB.\n{{/exercise}}\n", "5:1", "a second {{answer}} in one exercise",
                "the exercise's answer began on line 3"
            ),
        ] as [(String, String, String, String?)])
    func badNestingIsLocated(_ text: String, _ position: String, _ message: String, _ hint: String?) {
        let error = ScratchTemplates.error { _ = try ContentScanner(path: "s.md", text: text) }
        #expect(error?.location == "s.md:\(position)")
        #expect(error?.message == message)
        #expect(error?.hint == hint)
    }

    /// Directives inside code are text, as the other directives are.
    @Test func codeHoldsNoBoxes() throws {
        let scanner = try ContentScanner(path: "s.md", text: "```\n{{exercise}}\n```\n")
        #expect(scanner.pieces.isEmpty)
    }
}

/// The decision procedure's rows call what the catalogue names, in the four libraries.
@Suite struct DecisionTableTests {
    @Test func callsAreTheCatalogues() throws {
        let links = Decision.procedure.indices.map { "link\($0)" }
        let rows = try #require(DecisionTable.context(sectionLinks: links)["rows"] as? [[String: Any]])
        #expect(rows.count == Decision.procedure.count)
        for (row, decision) in zip(rows, Decision.procedure) {
            let calls = try #require(row["calls"] as? [[String: Any]])
            let nowhere = try #require(row["nowhere"] as? [String])
            guard decision.calls.contains(where: { $0.name != nil }) else {
                // A rule no library implements says so once.
                #expect(calls.isEmpty && nowhere == ["No call in PyTorch, Keras, JAX or Flux."])
                continue
            }
            #expect(nowhere.isEmpty)
            #expect(calls.map { $0["library"] as? String } == ["PyTorch", "Keras", "JAX", "Flux"])
            let catalogue = [Library.pytorch, .keras, .jax, .flux].map { library in
                decision.rule.equivalents.first { $0.library == library }?.name
            }
            #expect(calls.map { $0["call"] as? String } == catalogue)
            #expect(row["rule"] as? String == decision.rule.displayName)
        }
        #expect(rows.map { $0["section"] as? String } == links)
    }

    /// The shipped partial: one row per step, four calls stacked in each, each in code as the
    /// catalogue writes it (a library with no call shows its note instead; a rule no library
    /// implements, LSUV, says so once).
    @Test func theShippedPartialStacksTheCalls() throws {
        let links = Decision.procedure.indices.map { "<a href=\"#s\($0)\">Section \($0)</a>" }
        let html = try TemplateFolder(path: ShippedProseTests.templates.path).pages.render(
            "decision-table", DecisionTable.context(sectionLinks: links))
        let rows = html.matches(of: /<tr><th scope="row">(.*?)<\/tr>/.dotMatchesNewlines()).map { String($0.output.1) }
        #expect(rows.count == Decision.procedure.count)
        for (row, (decision, link)) in zip(rows, zip(Decision.procedure, links)) {
            let implemented = decision.calls.contains { $0.name != nil }
            #expect(row.matches(of: /<span class="call">/).count == (implemented ? 4 : 0))
            #expect(row.contains("No call in PyTorch, Keras, JAX or Flux.") == !implemented)
            let code = row.matches(of: /<code>(.*?)<\/code>/).map { Self.unescaped(String($0.output.1)) }
            #expect(code == decision.calls.compactMap(\.name), "\(row)")
            #expect(row.hasSuffix("<td>\(link)</td>"))
        }
    }

    /// The text of HTML escaped by Mustache.
    static func unescaped(_ html: String) -> String {
        [("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")].reduce(html) {
            $0.replacingOccurrences(of: $1.0, with: $1.1)
        }
    }
}
