import Charts
import Configuration
import Foundation
import Presentation
import Testing
import TextSupport

@testable import Report

/// The handout's structure with the shipped page template: the core, then the lettered
/// appendices (the verification the last of them), the references and the colophon; what a
/// course leaves out; and the title block and PDF metadata from the course's settings.
@Suite struct HandoutStructureTests {
    /// A core of two files (the second optional) and two appendices, referring to each other.
    static let prose = [
        "content/01-a.md":
            "## Core {#sec:core}\n\nSee @sec:proof, @tab:extra, \\eqref{eq:far}, @sec:verification and @sec:gone.\n\n"
            + "$$x \\label{eq:near}$$\n",
        "content/02-extra.optional.md": "## Extra {#sec:extra}\n\nOptional text.\n",
        "content/appendix/1-proof.md":
            "## Proof {#sec:proof}\n\n### Step one\n\nBack to @sec:core and \\eqref{eq:near} [@a2010].\n\n"
            + "Table: Extra numbers. {#tab:extra}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n$$y \\label{eq:far}$$\n",
        "content/appendix/2-gone.md": "## Gone {#sec:gone}\n\nLeft out, sometimes.\n",
    ]

    /// The page template and its partials as they ship, over the prose given.
    static func scratch(_ prose: [String: String] = prose) throws -> ScratchTemplates {
        var files = prose
        for path in BuiltInTemplates.paths where path == "report.mustache" || path.hasPrefix("partials/") {
            files[path] = String(decoding: BuiltInTemplates.files[path] ?? Data(), as: UTF8.self)
        }
        return try ScratchTemplates(files)
    }

    static func course(omitting labels: [String] = [], appendices: Bool = true) -> CourseSettings {
        var course = CourseSettings()
        course.appendices = appendices
        course.omit = labels.enumerated().map { CourseSettings.Omission(label: $1, location: "course.yml:\($0 + 7):5") }
        return course
    }

    /// Where each string first occurs in the page, or nil for one it lacks.
    static func positions(_ page: String, _ strings: [String]) -> [Int?] {
        strings.map { page.range(of: $0).map { page.distance(from: page.startIndex, to: $0.lowerBound) } }
    }

    @Test func appendicesFollowTheCoreLetteredWithTheVerificationLast() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let page = try scratch.page()
        let order = Self.positions(
            page,
            [
                "<main>", "id=\"core\"", "id=\"extra\"", "id=\"proof\"", "id=\"step-one\"", "id=\"gone\"", "id=\"verification\"",
                "id=\"references\"", "id=\"colophon\"",
            ])
        #expect(order.allSatisfy { $0 != nil }, "\(order)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(page.contains("<h2 id=\"proof\"><span class=\"section-number\">A</span> Proof</h2>"))
        #expect(page.contains("<h3 id=\"step-one\"><span class=\"section-number\">A.1</span> Step one</h3>"))
        #expect(page.contains("<h2 id=\"gone\"><span class=\"section-number\">B</span> Gone</h2>"))
        #expect(page.contains("<h2><span class=\"section-number\">C</span> Verification</h2>"))
        #expect(page.contains("<section class=\"content appendix\" id=\"section-proof\">"))
    }

    @Test func theContentsGroupTheAppendicesAfterTheCoreAndTheReferencesLast() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let page = try scratch.page()
        let contents = try #require(page.firstMatch(of: /<nav class="toc"[\s\S]*?<\/nav>/).map { String($0.output) })
        let order = Self.positions(
            contents,
            [
                "href=\"#core\"", "href=\"#extra\"", "<li class=\"toc-group\">Appendices</li>", "href=\"#proof\"", "href=\"#step-one\"",
                "href=\"#gone\"", "href=\"#verification\"", "href=\"#references\"",
            ])
        #expect(order.allSatisfy { $0 != nil }, "\(order)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(contents.contains("<span class=\"toc-number\">C</span> <span>Verification</span>"))
    }

    @Test func referencesCrossBetweenCoreAndAppendicesBothWays() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let page = try scratch.page()
        for link in [
            "<a class=\"xref\" href=\"#proof\">Appendix&nbsp;A</a>", "<a class=\"xref\" href=\"#tab-extra\">Table&nbsp;1</a>",
            "<a class=\"xref\" href=\"#eq-far\">(2)</a>", "<a class=\"xref\" href=\"#verification\">Appendix&nbsp;C</a>",
            "<a class=\"xref\" href=\"#gone\">Appendix&nbsp;B</a>", "<a class=\"xref\" href=\"#core\">Section&nbsp;1</a>",
            "<a class=\"xref\" href=\"#eq-near\">(1)</a>",
        ] {
            #expect(page.contains(link), "\(link)")
        }
    }

    @Test func aLeftOutSectionIsGoneAndReferencesToItReadAsText() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let page = try scratch.page(course: Self.course(omitting: ["gone", "extra"]))
        #expect(!page.contains("id=\"gone\"") && !page.contains("id=\"extra\"") && !page.contains("Left out, sometimes"))
        #expect(!page.contains("href=\"#gone\""))
        #expect(page.contains("<span class=\"xref-omitted\">“Gone” (left out of this handout)</span>"))
        // The letters close up: the verification follows the one appendix left.
        #expect(page.contains("<a class=\"xref\" href=\"#verification\">Appendix&nbsp;B</a>"))
    }

    @Test func withoutAppendicesTheCoreStandsAlone() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let page = try scratch.page(course: Self.course(appendices: false))
        for gone in ["id=\"proof\"", "id=\"verification\"", "toc-group", "href=\"#proof\"", "href=\"#verification\"", "id=\"references\""] {
            #expect(!page.contains(gone), "\(gone)")
        }
        for text in [
            "<span class=\"xref-omitted\">“Proof” (left out of this handout)</span>",
            "<span class=\"xref-omitted\">a table in “Proof” (left out of this handout)</span>",
            "<span class=\"xref-omitted\">an equation in “Proof” (left out of this handout)</span>",
            "<span class=\"xref-omitted\">“Verification” (left out of this handout)</span>",
        ] {
            #expect(page.contains(text), "\(text)")
        }
        #expect(page.contains("id=\"extra\"") && page.contains("id=\"colophon\""))
    }

    @Test func theCoreCannotBeLeftOutAndAMisspeltLabelIsNamed() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let core = try #require(ScratchTemplates.error { _ = try scratch.page(course: Self.course(omitting: ["proof", "core"])) })
        #expect(core.location == "course.yml:8:5")
        #expect(core.message == "sec:core is part of the core and cannot be left out")
        let builder = ReportBuilder(templates: try scratch.folder(), profile: .quick, seed: 1, course: Self.course(omitting: ["proff"]))
        let misspelt = try #require(ScratchTemplates.error { try builder.checkCourse() })
        #expect(misspelt.location == "course.yml:7:5")
        #expect(misspelt.message == "no ## heading is labelled sec:proff")
        #expect(misspelt.hint == "did you mean sec:proof?")
        #expect(
            ScratchTemplates.error { try ReportBuilder(templates: try scratch.folder(), profile: .quick, seed: 1).checkCourse() } == nil)
    }

    /// Further chapters follow the core, numbered on from it, under a heading of their own in the
    /// contents and before the appendices; a course leaves them out together or by label.
    @Test func furtherChaptersFollowTheCoreNumberedOnFromIt() throws {
        var prose = Self.prose
        prose["content/further/1-beyond.md"] = "## Beyond {#sec:beyond}\n\n### Deeper\n\nBack to @sec:core; see @sec:proof.\n"
        prose["content/appendix/2-gone.md"] = "## Gone {#sec:gone}\n\nSee @sec:beyond.\n"
        let scratch = try Self.scratch(prose)
        defer { scratch.remove() }
        let page = try scratch.page()
        let order = Self.positions(
            page,
            [
                "<li class=\"toc-group\">Further chapters</li>", "href=\"#beyond\"", "<li class=\"toc-group\">Appendices</li>",
                "href=\"#proof\"", "id=\"extra\"", "<section class=\"content further\" id=\"section-beyond\">", "id=\"proof\"",
            ])
        #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "\(order)")
        #expect(page.contains("<h2 id=\"beyond\"><span class=\"section-number\">3</span> Beyond</h2>"))
        #expect(page.contains("<h3 id=\"deeper\"><span class=\"section-number\">3.1</span> Deeper</h3>"))
        #expect(page.contains("<a class=\"xref\" href=\"#beyond\">Section&nbsp;3</a>"))
        #expect(page.contains("<h2 id=\"proof\"><span class=\"section-number\">A</span> Proof</h2>"))
        var course = CourseSettings()
        course.further = false
        let without = try scratch.page(course: course)
        #expect(!without.contains("id=\"beyond\"") && !without.contains("Further chapters") && without.contains("id=\"proof\""))
        #expect(without.contains("<span class=\"xref-omitted\">“Beyond” (left out of this handout)</span>"))
        let omitted = try scratch.page(course: Self.course(omitting: ["beyond"]))
        #expect(!omitted.contains("id=\"beyond\"") && omitted.contains("id=\"extra\""))
    }

    @Test func twoFilesWithOneSectionIDAreRefused() throws {
        let scratch = try Self.scratch(["content/appendix/1-a.md": "## Again\n"])
        defer { scratch.remove() }
        let error = try #require(ScratchTemplates.error { _ = try scratch.folder() })
        #expect(error.location.hasSuffix("content/appendix/1-a.md"))
        #expect(error.message.hasPrefix("this file's section id a is also that of"))
    }

    @Test func theTitleBlockAndTheColophonComeFromTheCourseAndTheBuild() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        var course = CourseSettings()
        course.title = "Weights & biases"
        course.subtitle = nil
        course.author = "A. Teacher"
        course.institution = "Uni"
        course.date = "Winter term 2026"
        let page = try scratch.page(course: course, dataDate: "2026-12-07")
        let header = try #require(page.firstMatch(of: /<header[\s\S]*?<\/header>/).map { String($0.output) })
        #expect(
            header
                == "<header class=\"title-block\">\n<h1>Weights &amp; biases</h1>\n"
                + "<p class=\"byline\">A. Teacher · Uni · Winter term 2026</p>\n</header>"
        )
        #expect(PrintedHandout.title(of: page) == "Weights & biases")
        #expect(PrintedHandout.author(of: page) == "A. Teacher")
        let colophon = try #require(page.firstMatch(of: /<footer[\s\S]*?<\/footer>/).map { String($0.output) })
        for text in [
            "initlab \(InitlabVersion.current)", "profile <code>quick</code>", "seed 1", "from data computed on 2026-12-07",
            "<a href=\"#verification\">Appendix&nbsp;C</a>", "0 of 0 checks passed", "Every figure links to its data",
        ] {
            #expect(colophon.contains(text), "\(text)")
        }
        let plain = try Self.scratch().page()
        #expect(plain.contains("<title>\(CourseSettings.defaultTitle)</title>"))
        #expect(plain.contains("<p class=\"subtitle\">") && !plain.contains("byline") && !plain.contains("from data computed on"))
        #expect(PrintedHandout.author(of: plain) == nil)
    }

    @Test func theDataDateIsTheDayOfSourceDateEpochOrNone() {
        #expect(ReportBuilder.dataDate(environment: ["SOURCE_DATE_EPOCH": "1700000000"]) == "2023-11-14")
        #expect(ReportBuilder.dataDate(environment: [:]) == nil)
        #expect(ReportBuilder.dataDate(environment: ["SOURCE_DATE_EPOCH": "soon"]) == nil)
    }

    @Test func thePDFNamesTheAuthorOfTheCourse() throws {
        let rewritten = try PDFMetadata.rewrite(
            PDFMetadataTests.chromiumLike(), title: "T", author: "A. Teacher", date: "2000-01-01T00:00:00Z")
        let text = String(decoding: rewritten, as: UTF8.self)
        #expect(text.contains("/Author " + PDFMetadata.textString("A. Teacher")))
        #expect(PDFMetadataTests.offsetsHold(rewritten))
        let anonymous = String(
            decoding: try PDFMetadata.rewrite(PDFMetadataTests.chromiumLike(), title: "T", date: "2000-01-01T00:00:00Z"), as: UTF8.self)
        #expect(!anonymous.contains("/Author"))
    }

    /// A figure of a left-out appendix is still made (its experiment ran), placed nowhere, and a
    /// reference to it reads as text; kept, it is numbered and linked like any other.
    @Test func aFigureOfALeftOutAppendixIsPlacedNowhere() throws {
        let scratch = try Self.scratch([
            "content/01-a.md": "## Core {#sec:core}\n\nSee @fig:demo.\n",
            "content/appendix/1-gone.md": "## Gone {#sec:gone}\n\n{{figure demo}}\nFigure: Nothing drawn.\n",
        ])
        defer { scratch.remove() }
        let chart = Charts.Figure(
            title: "A line", description: "One line",
            panels: [Panel(x: Axis("x"), y: Axis("y"), marks: [.line(Series("a", x: [0, 1], y: [0, 1]))])])
        let figure = FigureSpec(id: "demo", title: "A line", alt: "One line", chart: chart, data: DataTable(columns: ["x"]))
        let reports = [ExperimentReport(experiment: "demo", title: "Demo", figures: [figure])]
        func page(_ course: CourseSettings) throws -> (page: String, files: Set<String>) {
            let files = try ReportBuilder(templates: try scratch.folder(), profile: .quick, seed: 1, course: course).files(for: reports)
                .files
            return (String(decoding: files["index.html"] ?? Data(), as: UTF8.self), Set(files.keys))
        }
        let kept = try page(CourseSettings())
        #expect(kept.page.contains("<a class=\"xref\" href=\"#fig-demo\">Figure&nbsp;1</a>"))
        let left = try page(Self.course(omitting: ["gone"]))
        #expect(left.page.contains("<span class=\"xref-omitted\">a figure in “Gone” (left out of this handout)</span>"))
        #expect(!left.page.contains("fig-demo") && left.files == kept.files)
    }

    /// Exercises of the core are numbered by their section, and name the appendix that collects
    /// their answers as a reference would: the lettering and the numbering meet.
    @Test func exercisesOfTheCoreNameTheAppendixOfTheirAnswers() throws {
        let scratch = try Self.scratch([
            "content/01-a.md": "## Core\n\n{{exercise}}\nWhy?\n{{answer}}\nBecause.\n{{/exercise}}\n",
            "content/appendix/1-answers.md": "## Answers\n\n{{answers}}\n",
        ])
        defer { scratch.remove() }
        let page = try scratch.page()
        #expect(
            page.contains(
                "<p class=\"box-title\">Exercise&nbsp;1.1 <a class=\"answer-link\" href=\"#answer-1-1\">Answer in Appendix&nbsp;A</a></p>"))
    }
}
