import Foundation
import Testing

/// Mistakes in the prose stop `initlab build` with status 2 and the file, line and column of
/// the mistake, exactly as an editor shows them. Each case is a copy of the real templates with
/// one broken content file added.
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
    ])
    func mistakeIsLocated(_ content: String, _ position: String, _ message: String) throws {
        let root = try Initlab.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("templates")
        // Resolved first: a copy of a symlinked folder would be a link back to the real one.
        try FileManager.default.copyItem(at: Initlab.project.appendingPathComponent("templates").resolvingSymlinksInPath(), to: templates)
        let broken = templates.appendingPathComponent("content/99-broken.md")
        try Data(content.utf8).write(to: broken)
        let outcome = try Initlab.run(["build", "--profile", "quick", "--no-cache", "--quiet", "--templates", templates.path, "--output", root.appendingPathComponent("site").path])
        #expect(outcome.status == 2)
        let expected = "\(broken.path):\(position): \(message.replacingOccurrences(of: "TEMPLATES", with: templates.path))"
        #expect(outcome.stderr == "initlab: error: \(expected)\n", "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path), "a failed build writes no site")
    }
}
