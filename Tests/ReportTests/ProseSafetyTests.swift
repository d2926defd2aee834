import Foundation
import Testing

@testable import Report

/// The prose carries no HTML of its own: raw HTML and links that run code are errors at their
/// line and column, and the few tags that are allowed render as tags without swallowing the rest.
@Suite struct ProseSafetyTests {
    /// Where scanning `text` stops, as "line:column: message", or nil when it does not.
    func refusal(_ text: String) -> String? {
        ScratchTemplates.error { _ = try ContentScanner(path: "p.md", text: text) }.map {
            "\($0.location.dropFirst("p.md:".count)): \($0.message)"
        }
    }

    @Test(arguments: [
        ("Text <script>alert(1)</script>.", "1:6: raw HTML <script> is not allowed in the prose"),
        ("## T\n\nA <img src=x onerror=\"alert(1)\">", "3:3: raw HTML <img src=x onerror=\"alert(1)\"> is not allowed in the prose"),
        ("<SCRIPT SRC=//x.js></SCRIPT>", "1:1: raw HTML <SCRIPT SRC=//x.js> is not allowed in the prose"),
        ("A <!-- note --> B", "1:3: raw HTML <!-- note --> is not allowed in the prose"),
        ("<div class=\"note\">x</div>", "1:1: raw HTML <div class=\"note\"> is not allowed in the prose"),
        ("A <sub class=\"x\">1</sub>", "1:3: <sub class=\"x\">: <sub> is allowed only as it is, without attributes"),
        ("A <br onclick=x>", "1:3: <br onclick=x>: <br> is allowed only as it is, without attributes"),
        ("A </br>", "1:3: </br> closes nothing"),
        ("A <sub>1\n\nB", "1:3: <sub> is not closed in its paragraph"),
        ("## A <kbd>x\nB</kbd>", "1:6: <kbd> is not closed in its paragraph"),
        ("A <sub>1</sup>", "1:9: </sup> closes no <sup>"),
        // An unclosed backtick is no code for Ink, so what follows it is prose.
        ("A ` b <script>", "1:7: raw HTML <script> is not allowed in the prose"),
        ("````\n```\n````\n<script>", "4:1: raw HTML <script> is not allowed in the prose"),
        ("![x\" onerror=\"alert(1)](a.png)", "1:1: Markdown images are not placed in the prose"),
        (
            "```js\" onmouseover=\"alert(1)\nx\n```",
            "1:4: the language of a code block is one word such as swift or python, not js\" onmouseover=\"alert(1)"
        ),
    ])
    func rawHTMLIsRefused(_ text: String, _ expected: String) {
        #expect(refusal(text) == expected)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "\u{1}javascript:alert(1)",
        "jav&#x61;script:alert(1)", "&#106;avascript:alert(1)", "javascript&#58;alert(1)", "javascript&colon;alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "file:///etc/passwd", ":x",
        "a\"onclick=\"alert(1)", "x<y",
    ])
    func linkAddressIsRefused(_ address: String) {
        for text in ["See [this](\(address)).", "See [this][\(address)].", "[id]: \(address)\n\nSee [this][id]."] {
            #expect(refusal(text)?.contains("the link address") == true, "\(text)")
        }
        #expect(LinkAddress.problem(address) != nil)
    }

    @Test(arguments: [
        "https://doi.org/10.1/x", "HTTP://example.org", "mailto:a@b.org", "other.html", "#sec-a", "../a/b.html?x=1&y=2", "a/b:c",
        "f(x).html",
    ])
    func linkAddressIsAllowed(_ address: String) {
        #expect(refusal("See [this](\(address)).") == nil)
        #expect(LinkAddress.problem(address) == nil)
    }

    @Test func linkErrorPointsAtTheAddress() {
        #expect(
            refusal("## T\n\nSee [x](javascript:alert(1)).")?.hasPrefix(
                "3:9: the link address javascript:alert(1) uses the scheme javascript:") == true)
        #expect(refusal("A\n\n[id]: data:x\n")?.hasPrefix("3:7: the link address data:x") == true)
        #expect(refusal("A [x](java\tscript:y)")?.contains("java\\u{9}script:y") == true, "the message stays on one line")
    }

    @Test func allowedTagsRenderAndTheRestStaysMarkdown() throws {
        let scratch = try ScratchTemplates([
            "content/01-a.md": "One<br>two <BR/> x<sub>i</sub>, e<sup>2</sup>, <kbd>Ctrl</kbd>.\n\n## Next\n\n*Text* < 3 and a<3.\n"
        ])
        defer { scratch.remove() }
        let page = try scratch.page()
        #expect(page.contains("<p>One<br>two <br> x<sub>i</sub>, e<sup>2</sup>, <kbd>Ctrl</kbd>.</p>"))
        // Before, Ink read `<br>` as an element left open: everything after it was raw text.
        #expect(page.contains("<h2 id=\"next\">"))
        #expect(page.contains("<p><em>Text</em> &lt; 3 and a&lt;3.</p>"))
    }

    @Test func codeShowsMarkupAsText() throws {
        let scratch = try ScratchTemplates(["content/01-a.md": "Write `<script>` here.\n\n```html\n<script>alert(1)</script>\n```\n"])
        defer { scratch.remove() }
        let page = try scratch.page()
        #expect(page.contains("<code>&lt;script&gt;</code>"))
        #expect(page.contains("<pre><code class=\"language-html\">&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>"))
        #expect(!page.contains("<script"))
    }

    @Test func theRealProseHasNoRawHTML() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
        let folder = try TemplateFolder(path: templates.path)
        #expect(folder.sections.count > 5)
        #expect(folder.sections.allSatisfy { $0.scanner.pieces.allSatisfy { if case .inlineTag = $0.piece { false } else { true } } })
    }
}
