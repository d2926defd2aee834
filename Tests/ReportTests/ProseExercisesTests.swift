import Initializers
import Testing
import TextSupport

@testable import Report

/// Boxes through the whole prose pipeline: key points with math and numbers, exercises numbered
/// per top-level section across files, their answers folded and collected, the decision table.
extension DocumentTests {
    static let exercises = [
        "01-a.md":
            "## Alpha\n\nText.\n\n{{keypoints}}\n- First: $x$ is {{number x digits=2}}.\n- Second.\n{{/keypoints}}\n\n"
            + "{{exercise}}\nWhat is $x$?\n{{answer}}\nIt is {{number x digits=2}}:\n\n"
            + "$$x \\approx 0.58 \\label{eq:x}$$\n{{/exercise}}\n\n"
            + "### Sub\n\n{{exercise}}\nAnd then?\n{{answer}}\nSee @sec:beta.\n{{/exercise}}\n",
        "02-b.md": "## Beta {#sec:beta}\n\n{{exercise}}\nThird?\n{{answer}}\nNo.\n{{/exercise}}\n",
        "03-c.md": "## Answers to the exercises\n\n{{answers}}\n",
    ]

    @Test func keyPointsAreAnAside() throws {
        let html = try document(Self.exercises).sections[0].html
        #expect(html.contains("<aside class=\"keypoints\"><p class=\"box-title\">Key points</p><ul><li>First: <math"))
        #expect(html.contains("is <span class=\"number\">0.58</span>.</li><li>Second.</li></ul></aside>"))
    }

    /// Numbered by the top-level section, subsections included, restarting in each; the
    /// question shows and the answer folds.
    @Test func exercisesAreNumberedPerSection() throws {
        let document = try document(Self.exercises)
        let html = document.sections.map(\.html).joined()
        let numbers = html.matches(of: /<div class="exercise" id="exercise-([0-9-]+)"><p class="box-title">Exercise&nbsp;([0-9.]+) <a/)
        #expect(numbers.map { String($0.output.1) } == ["1-1", "1-2", "2-1"])
        #expect(numbers.map { String($0.output.2) } == ["1.1", "1.2", "2.1"])
        #expect(
            document.sections[1].html.contains(
                "<div class=\"exercise\" id=\"exercise-2-1\"><p class=\"box-title\">Exercise&nbsp;2.1 "
                    + "<a class=\"answer-link\" href=\"#answer-2-1\">Answer in Section&nbsp;3</a></p><p>Third?</p>"
                    + "<details class=\"exercise\"><summary>Answer</summary><p>No.</p></details></div>"))
        #expect(!html.contains("INITLABPIECE"))
    }

    /// Each answer again where `{{answers}}` is, linked back to its exercise, its pieces made
    /// and without the ids of the folded copy.
    @Test func answersAreCollected() throws {
        let document = try document(Self.exercises)
        let answers = document.sections[2].html
        #expect(
            answers.contains(
                "<div class=\"answers\"><div class=\"answer\" id=\"answer-1-1\"><p class=\"box-title\"><a href=\"#exercise-1-1\">"
                    + "Exercise&nbsp;1.1</a></p><p>It is <span class=\"number\">0.58</span>:</p>"))
        #expect(answers.contains("<p>See <a class=\"xref\" href=\"#beta\">Section&nbsp;2</a>.</p></div>"))
        #expect(
            answers.hasSuffix(
                "<div class=\"answer\" id=\"answer-2-1\"><p class=\"box-title\"><a href=\"#exercise-2-1\">Exercise&nbsp;2.1</a></p>"
                    + "<p>No.</p></div></div>"
            ))
        let page = document.sections.map(\.html).joined()
        #expect(page.matches(of: /id="eq-x"/).count == 1)
        #expect(answers.contains("<math") && !answers.contains("INITLABPIECE"))
    }

    @Test(
        arguments: [
            (
                ["01-a.md": "## A\n\n{{exercise}}\nQ?\n{{answer}}\nA.\n{{/exercise}}\n"], "01-a.md:3:1",
                "the exercises' answers are collected nowhere", "put {{answers}} where the answers print, such as an appendix"
            ),
            (
                ["01-a.md": "## A\n\nText.\n\n{{answers}}\n"], "01-a.md:5:1",
                "{{answers}} collects the answers of the exercises, and there are none",
                "write {{exercise}} … {{answer}} … {{/exercise}}, or remove {{answers}}"
            ),
            (
                ["01-a.md": "## A\n\n{{exercise}}\nQ?\n{{answer}}\nA.\n{{/exercise}}\n\n{{answers}}\n", "02-b.md": "{{answers}}\n"],
                "02-b.md:1:1", "a second {{answers}}", "the answers are collected once, at 01-a.md:9:1"
            ),
            (
                ["01-a.md": "## Relu {#sec:relu}\n\n{{decisions}}\n"], "01-a.md:3:1",
                "the decision table links its row “tanh units” to sec:backward, which labels no heading",
                "label the heading of the section that derives it {#sec:backward}"
            ),
        ] as [([String: String], String, String, String?)])
    func boxMistakesAreLocated(_ content: [String: String], _ position: String, _ message: String, _ hint: String?) throws {
        let error = ScratchTemplates.error { _ = try document(content) }
        #expect(error?.location.hasSuffix("/content/\(position)") == true, "\(error?.location ?? "")")
        #expect(error?.message == message)
        // A hint that names another place names it by the scratch folder's path.
        #expect(error?.hint?.replacing(#/ /\S*/content//#, with: " ") == hint)
    }

    /// The table links each row to the section that derives it, and takes a caption as any table.
    @Test func decisionTableLinksItsSections() throws {
        let labels = Array(Set(Decision.procedure.map(\.section))).sorted()
        var content = ["00-a.md": "## Choosing\n\nTable: Which rule. {#tab:decisions}\n\n{{decisions}}\n"]
        for (index, label) in labels.enumerated() { content["0\(index + 1)-\(label).md"] = "## \(label) {#sec:\(label)}\n" }
        let html = try document(content).sections[0].html
        let links = Decision.procedure.map { decision in
            let number = (labels.firstIndex(of: decision.section) ?? 0) + 2
            return "<a class=\"xref\" href=\"#\(decision.section)\">Section&nbsp;\(number)</a>"
        }
        #expect(
            html.contains(
                "<table class=\"decisions\" id=\"tab-decisions\"><caption>"
                    + "<span class=\"table-label\">Table&nbsp;1.</span> Which rule.</caption>"
                    + links.joined(separator: ",") + "</table>"), "\(html)")
    }
}
