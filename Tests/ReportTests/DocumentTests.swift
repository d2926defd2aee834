import Charts
import Experiments
import Foundation
import Presentation
import Scratch
import Testing
import TextSupport

@testable import Report

/// The prose pipeline on small template folders written for each test: numbering and
/// cross-references across files, and errors located in the file that has them.
@Suite struct DocumentTests {
    static let references =
        #"[{"key": "a2010", "authors": "A", "title": "T", "venue": "V", "year": 2010, "doi": "10.1/x"}, {"key": "b2012", "authors": "B", "title": "U", "venue": "W", "year": 2012, "arxiv": "1206.5533"}]"#
    static let checks = [
        Check(
            id: "demo/variance/d=1", claim: "Var = 1/3", expected: 1.0 / 3, measured: 0.331, tolerance: 0.01, falseAlarmRate: 1e-5,
            basis: "Student t, 9 d.f."),
        Check(
            id: "demo/tail", claim: "tail", expected: 0.1, measured: 0.1, tolerance: 0.01, falseAlarmRate: 1e-5, basis: "Student t, 9 d.f."),
    ]

    /// A template folder holding `content` (file name → Markdown).
    func folder(_ content: [String: String]) throws -> TemplateFolder {
        // TemplateFolder reads every file when made, so the folder can go right after.
        let scratch = try ScratchFolder("initlab-document")
        defer { scratch.remove() }
        let root = scratch.url
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        let files = [
            "report.mustache": "<main id=\"contents\"></main>", "style.css": "", "output-README.md": "", "references.json": Self.references,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        for (name, text) in content { try Data(text.utf8).write(to: root.appendingPathComponent("content/\(name)")) }
        return try TemplateFolder(path: root.path)
    }

    /// A figure with nothing drawn, which is all the prose passes look at.
    static func figure(_ id: String) -> FigureSpec {
        FigureSpec(
            id: id, title: "A figure", alt: "Nothing",
            chart: Charts.Figure(title: "A figure", description: "Nothing", size: Size(width: 100, height: 100), panels: []),
            data: DataTable(columns: ["x"]))
    }

    func document(_ content: [String: String], figures: [String] = []) throws -> Document {
        let partials = Document.Partials(
            figure: { spec, number, caption in "<figure>\(spec.id) \(number): \(caption)</figure>" },
            checks: { "<table class=\"checks\">\($0.map(\.id).joined(separator: ","))</table>" },
            rules: "<table class=\"rules\"></table>",
            libraries: { "<table class=\"libraries\">\($0.map(\.rawValue).joined(separator: ","))</table>" },
            table: { "<table class=\"data\">\($0.id): \($0.rows.map { $0.joined(separator: "|") }.joined(separator: ";"))</table>" },
            decisions: { "<table class=\"decisions\">\($0.joined(separator: ","))</table>" })
        let figures = Dictionary(uniqueKeysWithValues: figures.map { ($0, Self.figure($0)) })
        return try Document(
            templates: try folder(content), figures: figures, numbers: ["x": 0.57735], checks: Self.checks,
            tables: ["demo-steps": Self.table], reservedIDs: ["contents"], partials: partials)
    }

    static let table: PageTable = {
        var table = PageTable(id: "demo-steps", columns: [.init("Rule"), .init("Steps", numeric: true)], data: DataTable(columns: ["x"]))
        table.append(["he-normal", "120 ± 30"])
        return table
    }()

    @Test func tableDirectiveTakesACaption() throws {
        let document = try document(["01-a.md": "## A\n\nTable: Steps to the target. {#tab:steps}\n\n{{table demo-steps}}\n"])
        #expect(
            document.sections[0].html.contains(
                "<table class=\"data\" id=\"tab-steps\"><caption><span class=\"table-label\">Table&nbsp;1.</span> Steps to the target.</caption>demo-steps: he-normal|120 ± 30</table>"
            ))
    }

    @Test func referencesResolveAcrossFilesAndForward() throws {
        let document = try document([
            "01-a.md": "## Contents\n\nSee @sec:later, @tab:rules, \\eqref{eq:b} and [@b2012; @a2010].\n\n$$a \\label{eq:a}$$\n",
            "02-b.md":
                "## Later {#sec:later}\n\n### Rules\n\nTable: The rules, $x$ = {{number x digits=2}}. {#tab:rules}\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n$$b \\nonumber$$\n\n$$c \\label{eq:b}$$\n",
        ])
        let html = document.sections.map(\.html).joined()
        #expect(html.contains("<a class=\"xref\" href=\"#later\">Section&nbsp;2</a>"))
        #expect(html.contains("<a class=\"xref\" href=\"#tab-rules\">Table&nbsp;1</a>"))
        #expect(html.contains("<a class=\"xref\" href=\"#eq-b\">(2)</a>"))
        #expect(html.contains("[<a href=\"#ref-b2012\">1</a>, <a href=\"#ref-a2010\">2</a>]"))
        #expect(html.contains("<table id=\"tab-rules\"><caption><span class=\"table-label\">Table&nbsp;1.</span> The rules, <math"))
        #expect(html.contains("<span class=\"number\">0.58</span>.</caption>"))
        #expect(html.contains("<td class=\"align-right\">2</td>"))
        #expect(!html.contains("INITLABPIECE"))
        // The template's id is taken, so the heading "Contents" gets another.
        #expect(document.headings.map(\.id) == ["contents-2", "later", "rules"])
        #expect(document.headings.map(\.number) == ["1", "2", "2.1"])
        #expect(document.numbering.equations == ["eq:a": "1", "eq:b": "2"])
        #expect(document.numbering.citationOrder == ["b2012", "a2010"])
    }

    @Test func checksDirectiveRendersInPlace() throws {
        let document = try document([
            "01-a.md": "## A\n\n{{checks demo/variance demo/tail}}\nTable: Theory against measurement. {#tab:demo}\n"
        ])
        #expect(
            document.sections[0].html.contains(
                "<div class=\"table-scroll\"><table class=\"checks\" id=\"tab-demo\"><caption><span class=\"table-label\">Table&nbsp;1.</span> Theory against measurement.</caption>demo/variance/d=1,demo/tail</table></div>"
            ))
    }

    @Test func librariesDirectiveTakesACaption() throws {
        let document = try document([
            "01-a.md": "## A\n\nTable: The rule in the libraries. {#tab:names}\n\n{{libraries he-normal he-uniform}}\n"
        ])
        #expect(
            document.sections[0].html.contains(
                "<table class=\"libraries\" id=\"tab-names\"><caption><span class=\"table-label\">Table&nbsp;1.</span> The rule in the libraries.</caption>he-normal,he-uniform</table>"
            ))
    }

    /// A figure's caption is the `Figure:` line after it, with math and numbers of its own, and
    /// leaves no paragraph behind in the running text.
    @Test func figureCaptionsComeFromTheProse() throws {
        let document = try document(
            ["01-a.md": "## A\n\nBefore.\n\n{{figure demo}}\nFigure: Variance $x$ is {{number x digits=2}}.\n\nAfter.\n"], figures: ["demo"]
        )
        let html = document.sections[0].html
        #expect(html.contains("<figure>demo 1: Variance <math"))
        #expect(html.contains("</math> is <span class=\"number\">0.58</span>.</figure>"))
        #expect(!html.contains("<p>Variance"))
        #expect(html.contains("<p>Before.</p>") && html.contains("<p>After.</p>"))
        #expect(document.captionSources == ["demo": "Variance $x$ is {{number x digits=2}}."])
        #expect(!html.contains("INITLABPIECE"))
    }

    @Test(
        arguments: [
            (
                "{{figure demo}}\nFigure: A caption.\n\nFigure: Another.\n", "4:1",
                "a figure caption must come right after its {{figure ID}}", nil
            ),
            ("Figure:   \n", "1:1", "a figure caption needs text after Figure:", nil),
            ("{{figure demo}}\nFigure: {{number y}}.\n", "2:9", "the build has no number y", "did you mean x?"),
            (
                "{{figure demo}}\n\nA paragraph.\n", "1:1", "figure demo has no caption",
                "write a line starting with Figure: right after {{figure demo}}"
            ),
        ] as [(String, String, String, String?)])
    func figureCaptionMistakesAreLocated(_ text: String, _ position: String, _ message: String, _ hint: String?) throws {
        #expect {
            _ = try document(["01-a.md": text], figures: ["demo"])
        } throws: { error in
            guard let error = error as? LocatedError else { return false }
            return error.location.hasSuffix("/content/01-a.md:\(position)") && error.message == message && error.hint == hint
        }
    }

    @Test func headingsKeepTheirMath() throws {
        let document = try document(["01-a.md": "## Why $1/3$?\n"])
        #expect(document.headings.first?.id == "why")
        #expect(document.headings.first?.html.hasPrefix("Why <span class=\"nowrap\"><math") == true)
    }

    @Test(
        arguments: [
            (
                "See @tab:rulez.\n\n| a |\n|---|\n| 1 |\nTable: R {#tab:rules}\n", "1:5", "@tab:rulez refers to no labelled table",
                "did you mean @tab:rules?"
            ),
            ("## One\n\nSee @sec:on.\n", "3:5", "@sec:on refers to no section heading", "did you mean @sec:one?"),
            ("{{checks demo/variense}}\n", "1:1", "no check id starts with demo/variense", "did you mean demo/variance?"),
            ("Text\n\n$$a = b\n  + \\frac{1}{2\n$$\n", "4:13", "unclosed {: add a matching } before the end of the formula", nil),
            ("$$a \\label{eq:x}\n = {{number x}} + \\foo$$\n", "2:19", "unknown command \\foo: TeXMath does not support it", nil),
            ("$$a \\nonumber \\label{eq:x}$$\n", "1:1", "\\label{eq:x} is on an unnumbered equation", "remove \\nonumber or the label"),
            ("$x \\label{eq:x}$\n", "1:1", "\\label belongs in display math ($$…$$)", nil),
            ("#### Deep {#sec:deep}\n", "1:11", "{#sec:…} labels a ## or ### heading; this line is not one", nil),
            (
                "Text.\n\n{{libraries he-normal glorot-unifrom}}\n", "3:1", "no rule glorot-unifrom in the catalogue",
                "did you mean glorot-uniform?"
            ),
            ("Text.\n\n{{table demo-step}}\n", "3:1", "no table demo-step", "did you mean demo-steps?"),
        ] as [(String, String, String, String?)])
    func mistakesAreLocated(_ text: String, _ position: String, _ message: String, _ hint: String?) throws {
        #expect {
            _ = try document(["01-a.md": text])
        } throws: { error in
            guard let error = error as? LocatedError else { return false }
            return error.location.hasSuffix("/content/01-a.md:\(position)") && error.message == message && error.hint == hint
        }
    }
}

@Suite struct RuleTableTests {
    @Test func everyRuleHasARowWithItsFormulas() throws {
        let rows = try #require(try RuleTable.context()["rules"] as? [[String: Any]])
        #expect(rows.count == 17)
        for row in rows {
            #expect((row["formula"] as? String)?.hasPrefix("<math") == true, "\(row["id"] ?? "")")
            #expect((row["assumption"] as? String)?.isEmpty == false)
        }
        let he = try #require(rows.first { $0["id"] as? String == "he-normal" })
        let heLibraries = (he["libraries"] as? [[String: Any]] ?? []).map { "\($0["library"] ?? ""): \($0["name"] ?? "")" }
        #expect(heLibraries == ["PyTorch: kaiming_normal_(w, a, mode)", "Keras: HeNormal"])
        // Kumar's rule and LSUV are in neither library; the partial then says what to do instead.
        #expect(rows.filter { $0["hasLibraries"] as? Bool == false }.map { $0["id"] as? String } == ["kumar", "lsuv"])
        // Each clause after `, \quad` on a line of its own keeps the column narrow.
        #expect((he["formula"] as? String)?.components(separatedBy: ",<br><math").count == 2)
        #expect((he["variance"] as? String)?.contains("<mi>Var</mi>") == true)
        #expect(rows.filter { $0["variance"] == nil }.map { $0["id"] as? String } == ["zeros", "constant", "identity"])
    }

    @Test func libraryRowsComeFromTheCatalogue() throws {
        let context = LibraryTable.context([.glorotUniform, .orthogonal])
        #expect(context["grouped"] as? Bool == true)
        let rules = try #require(context["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["glorot-uniform", "orthogonal"])
        let rows = try #require(rules[0]["equivalents"] as? [[String: Any]])
        #expect(rows.map { $0["library"] as? String } == ["PyTorch", "Keras", "JAX", "Lasagne", "Flux"])
        for row in rows {
            let note = try #require(row["note"] as? String)
            #expect(note.first?.isUppercase == true && note.hasSuffix("."), "\(note)")
        }
        #expect(LibraryTable.context([.heNormal])["grouped"] as? Bool == false)
        #expect(LibraryTable.sentence("same; the default bias") == "Same; the default bias.")
    }

    @Test func verificationNamesEverySectionOfAnExperiment() {
        let headings = ["4", "5", "8"].map {
            SectionHeadings.Heading(id: "s\($0)", level: 2, number: $0, html: "", section: "0\($0)-x", part: .core)
        }
        #expect(ReportBuilder.sectionList(Array(headings.prefix(1))) == "<a class=\"xref\" href=\"#s4\">Section&nbsp;4</a>")
        #expect(
            ReportBuilder.sectionList(headings)
                == "<a class=\"xref\" href=\"#s4\">Section&nbsp;4</a>, <a class=\"xref\" href=\"#s5\">Section&nbsp;5</a> and <a class=\"xref\" href=\"#s8\">Section&nbsp;8</a>"
        )
        #expect(ReportBuilder.sectionList([]) == "")
    }

    @Test func headlinesStopAtTheFirstColon() {
        #expect(RuleTable.headline("Independent inputs: then more") == "Independent inputs.")
        #expect(RuleTable.headline("No colon here.") == "No colon here.")
    }
}
