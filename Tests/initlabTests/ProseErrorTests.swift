import Foundation
import Scratch
import Testing

/// Mistakes in the prose stop `initlab build` with status 2 and the file, line and column of
/// the mistake, exactly as an editor shows them. Each case is a copy of the real templates with
/// one broken content file added, built from a copy of the shared quick cache, so the case
/// costs a render and no experiment.
@Suite struct ProseErrorTests {
    @Test(arguments: [
        (
            "Text.\n\n$$\na = b \\label{eq:broken}\n  + \\frac{1}{2\n$$\n",
            "5:13", "unclosed {: add a matching } before the end of the formula"
        ),
        (
            "## Broken\n\n$$a = {{number standard_std}}\n  + \\frac{1}{2} + \\foo{x}$$\n",
            "4:19", "unknown command \\foo: TeXMath does not support it"
        ),
        (
            "Some text.\n\n  {{figure saturation-varience}}\n",
            "3:3", "no figure saturation-varience (did you mean saturation-variance?)"
        ),
        (
            "As shown [@glorot2010; @glorot2011].\n",
            "1:10", "no reference glorot2011 in TEMPLATES/references.json (did you mean glorot2010?)"
        ),
        (
            "{{checks saturation/varience}}\n",
            "1:1", "no check id starts with saturation/varience (did you mean saturation/variance?)"
        ),
        (
            "See @sec:nowhere and\n@fig:saturation-logistic.\n",
            "1:5", "@sec:nowhere refers to no section heading"
        ),
        (
            "## Notes\n\nA note <script>alert(1)</script>.\n",
            "3:8",
            "raw HTML <script> is not allowed in the prose (write Markdown or a {{…}} directive; only <br>, <sub>, <sup> and <kbd> pass, and &lt; writes a <)"
        ),
        (
            "See [the demo](JavaScript:alert(1)).\n",
            "1:16",
            "the link address JavaScript:alert(1) uses the scheme javascript:, and only http:, https:, mailto:, relative addresses and #fragments are allowed (link to a web page, a mail address or a place in the handout)"
        ),
        (
            "## Exercises\n\n{{exercise}}\nHow wide?\n{{/exercise}}\n",
            "3:1", "the exercise has no {{answer}} (write {{answer}} and the worked answer before {{/exercise}} on line 5)"
        ),
    ])
    func mistakeIsLocated(_ content: String, _ position: String, _ message: String) throws {
        let scratch = try ScratchFolder("initlab-prose-error")
        defer { scratch.remove() }
        let templates = scratch.url.appendingPathComponent("templates")
        let broken = templates.appendingPathComponent("content/99-broken.md")
        let outcome = try build(in: scratch.url) { _ in try Data(content.utf8).write(to: broken) }
        #expect(outcome.status == 2)
        let expected = "\(broken.path):\(position): \(message.replacingOccurrences(of: "TEMPLATES", with: templates.path))"
        #expect(outcome.stderr == "initlab: error: \(expected)\n", "\(outcome.stderr)")
    }

    /// A copy of the real templates in `root`, changed by `edit`, built the way a user does.
    func build(in root: URL, _ edit: (URL) throws -> Void) throws -> Initlab.Outcome {
        let templates = root.appendingPathComponent("templates")
        // Resolved first: a copy of a symlinked folder would be a link back to the real one.
        try FileManager.default.copyItem(at: Initlab.project.appendingPathComponent("templates").resolvingSymlinksInPath(), to: templates)
        try edit(templates)
        let cache = try QuickBuild.copyOfTheCache(at: root.appendingPathComponent("cache"))
        let site = root.appendingPathComponent("site")
        let outcome = try Initlab.run(
            ["build", "--profile", "quick", "--cache", cache.path, "--quiet", "--templates", templates.path, "--output", site.path])
        #expect(!FileManager.default.fileExists(atPath: site.path), "a failed build writes no site")
        return outcome
    }

    @Test(arguments: [
        ("report.mustache", "<main>", "<main>A{{> x}}B", "35:8", "no partial x (partials are partials/NAME.mustache)"),
        (
            "partials/figure.mustache", "{{title}}.</strong>", "{{titel}}.</strong>", "8:79",
            "the template uses titel, which this page does not provide (did you mean title?)"
        ),
        ("references.json", "\"year\": 2010,", "\"year\": \"2010\",", "2:294", "year is a string; it must be a whole number such as 2010"),
    ])
    func templateMistakeIsLocated(_ file: String, _ find: String, _ replacement: String, _ position: String, _ message: String) throws {
        let scratch = try ScratchFolder("initlab-template-error")
        defer { scratch.remove() }
        let root = scratch.url
        let outcome = try build(in: root) { templates in
            let url = templates.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(find))
            try Data(text.replacingOccurrences(of: find, with: replacement).utf8).write(to: url)
        }
        #expect(outcome.status == 2)
        let path = root.appendingPathComponent("templates/\(file)").path
        #expect(outcome.stderr == "initlab: error: \(path):\(position): \(message)\n", "\(outcome.stderr)")
    }

    @Test func partialLinkedOutOfTheTemplatesIsRefused() throws {
        let outside = try ScratchFolder("initlab-outside")
        defer { outside.remove() }
        let secret = outside.url.appendingPathComponent("secret.mustache")
        try Data("not for the page".utf8).write(to: secret)
        let scratch = try ScratchFolder("initlab-linked-partial")
        defer { scratch.remove() }
        let root = scratch.url
        let outcome = try build(in: root) { templates in
            let url = templates.appendingPathComponent("partials/references.mustache")
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(at: url, withDestinationURL: secret)
        }
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr.hasPrefix(
                "initlab: error: \(root.path)/templates/partials/references.mustache: this file is a link to \(secret.resolvingSymlinksInPath().path), outside the template folder"
            ), "\(outcome.stderr)")
    }
}
