import Foundation
import Testing
import TextSupport

@testable import Report

/// A template that names something its context does not hold, or a partial that does not exist,
/// stops the build at the tag's line and column instead of printing nothing; names found through
/// sections, inverted sections, nested contexts and partials are not mistaken for unknown ones.
@Suite struct TemplateCheckTests {
    /// The error building a page from `report.mustache` (and `more` files), or nil.
    func refusal(_ report: String, _ more: [String: String] = [:]) throws -> LocatedError? {
        let scratch = try ScratchTemplates(more.merging(["report.mustache": report]) { $1 })
        defer { scratch.remove() }
        return ScratchTemplates.error { _ = try scratch.page() }.map {
            LocatedError($0.location.replacingOccurrences(of: scratch.root.path + "/", with: ""), $0.message, hint: $0.hint)
        }
    }

    @Test func unknownPartialIsLocated() throws {
        // Before, this page said "AB".
        let error = try refusal("<p>\nA{{> x}}B</p>")
        #expect(error?.description == "report.mustache:2:2: no partial x (partials are partials/NAME.mustache)")
        #expect(
            try refusal("{{#sections}}{{> figur}}{{/sections}}")?.description
                == "report.mustache:1:14: no partial figur (did you mean figure?)")
    }

    @Test func partialsAreCheckedBeforeAnythingRuns() throws {
        let scratch = try ScratchTemplates(["partials/extra.mustache": "{{#a}}{{> nowhere}}{{/a}}"])
        defer { scratch.remove() }
        #expect(ScratchTemplates.error { _ = try scratch.folder() }?.location == scratch.path("partials/extra.mustache") + ":1:7")
    }

    @Test(arguments: [
        (
            "<title>{{titel}}</title>",
            "report.mustache:1:8: the template uses titel, which this page does not provide (did you mean title?)"
        ),
        (
            "{{#sections}}{{{htm}}}{{/sections}}",
            "report.mustache:1:14: the template uses htm, which this page does not provide (did you mean html?)"
        ),
        (
            "{{#sectionz}}{{/sectionz}}",
            "report.mustache:1:1: the template uses sectionz, which this page does not provide (did you mean sections?)"
        ),
        (
            "{{^sectionz}}none{{/sectionz}}",
            "report.mustache:1:1: the template uses sectionz, which this page does not provide (did you mean sections?)"
        ),
        (
            "{{#references}}{{key}} {{yeer}}{{/references}}",
            "report.mustache:1:24: the template uses yeer, which this page does not provide (did you mean year?)"
        ),
        (
            "{{#sections}}{{.html}}{{.seed}}{{/sections}}",
            "report.mustache:1:23: the template uses .seed, which this page does not provide (a name that starts with . is looked up in the innermost section only)"
        ),
        (
            "{{sections}}",
            "report.mustache:1:1: sections is a list or a group of fields, which prints as Swift's dump (open it with {{#sections}}…{{/sections}})"
        ),
        ("{{> part}}", "partials/part.mustache:2:3: the template uses nothing, which this page does not provide"),
        (
            "{{% CONTENT_TYPE: TEXT}}{{seed}}",
            "report.mustache:1:1: {{%…}} is not plain Mustache, which is all the handout's templates may use (use variables, sections and partials)"
        ),
        (
            "{{uppercased(seed)}}",
            "report.mustache:1:1: {{uppercased(seed)}} is not a tag this check understands (a name is letters, digits and . _ - ?, without transforms or *)"
        ),
        ("{{#sections}}\n{{/toc}}", "report.mustache:2:1: {{/toc}} closes the section {{#sections}} (close it with {{/sections}})"),
        ("x\n {{#toc}}", "report.mustache:2:2: the section {{#toc}} is not closed (add {{/toc}})"),
        ("{{seed", "report.mustache:1:1: this tag is not closed (add }})"),
    ])
    func unknownNameIsLocated(_ report: String, _ expected: String) throws {
        #expect(try refusal(report, ["partials/part.mustache": "{{seed}}\n  {{nothing}}"])?.description == expected)
    }

    @Test func namesFromEveryKindOfContextAreKnown() throws {
        // Sections over lists, flags and values, inverted sections, outer names seen from inside,
        // dotted names, the implicit iterator, delimiter changes and partials inside sections.
        let report = """
            {{! a comment naming {{nothing}} }}{{generator}} {{{profile}}} {{&seed}}
            {{#toc}}{{id}} {{number}} {{#sub}}{{title}} {{seed}}{{/sub}}{{^sub}}main{{/sub}}{{/toc}}
            {{#sections}}{{> section}}{{/sections}}{{^sections}}empty{{/sections}}
            {{#references}}{{#link}}<a href="{{link}}">{{.}}</a>{{/link}}{{/references}}
            {{#experiments}}{{title}}: {{passed}}/{{total}}{{#discussedHTML}} {{{discussedHTML}}}{{/discussedHTML}}{{/experiments}}
            {{=<% %>=}}<%checksTotal%><%={{ }}=%> {{allPassed}}{{#hasReferences}}{{seed}}{{/hasReferences}}
            """
        let scratch = try ScratchTemplates([
            "report.mustache": report, "partials/section.mustache": "<section id=\"{{id}}\">{{{html}}} {{seed}}</section>",
            "content/01-a.md": "## A\n\n### B\n\nSee [@a2010].\n",
        ])
        defer { scratch.remove() }
        let page = try scratch.page()
        #expect(page.contains("<section id=\"a\">"))
        #expect(page.contains("b 1.1 B 1"))
        #expect(page.contains("<a href=\"https://doi.org/10.1/x\">"))
    }

    @Test func partialLinkedOutOfTheFolderIsRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-outside-\(UUID().uuidString).mustache")
        try Data("secret".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let scratch = try ScratchTemplates(["partials/inside.txt": "{{seed}}"])
        defer { scratch.remove() }
        let link = scratch.path("partials/leak.mustache")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside.path)
        let error = ScratchTemplates.error { _ = try scratch.folder() }
        #expect(error?.location == link)
        #expect(
            error?.message.hasPrefix("this file is a link to \(outside.resolvingSymlinksInPath().path), outside the template folder")
                == true)

        // A link that stays inside the folder is an ordinary file.
        try FileManager.default.removeItem(atPath: link)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: scratch.path("partials/inside.txt"))
        #expect(try scratch.folder().templates["leak"] == "{{seed}}")
    }

    @Test func syntaxErrorIsLocated() throws {
        // swift-mustache finds this one (a triple mustache needs the default delimiters), with its own position.
        let error = try refusal("ok\n{{=<% %>=}}<%{seed}%>")
        #expect(error?.location.hasPrefix("report.mustache:2:") == true, "\(String(describing: error))")
        #expect(error?.message.contains("template syntax error") == true || error?.message.contains("delimiter") == true)
    }
}
