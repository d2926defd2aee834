import Foundation
import Testing

@testable import Report

/// Mistakes in `references.json` are reported at their line and column, in words rather than as a
/// Swift `DecodingError`; a link must be one the handout may carry, and the text is escaped.
@Suite struct BibliographyTests {
    static let good = #"{"key": "a2010", "authors": "A", "title": "T", "venue": "V", "year": 2010}"#

    func refusal(_ text: String) -> String? {
        ScratchTemplates.error { _ = try Bibliography(path: "r.json", text: text) }?.description
    }

    @Test(arguments: [
        ("{}", "r.json:1:1: expected a list of references, found an object (the file is [ {\"key\": …}, … ])"),
        (
            "[\n  \(good),\n  \(good.replacingOccurrences(of: "2010}", with: "\"2010\"}"))\n]",
            "r.json:3:72: year is a string; it must be a whole number such as 2010"
        ),
        (
            "[\(good.replacingOccurrences(of: #""title": "T", "#, with: ""))]",
            "r.json:1:2: this reference has no title (each reference needs key, authors, title, venue and year)"
        ),
        (
            "[\(good.replacingOccurrences(of: "\"venue\"", with: "\"venu\""))]",
            "r.json:1:49: unknown field venu in a reference (did you mean venue?)"
        ),
        ("[\(good),\n]", "r.json:2:1: unexpected ] where a JSON value was expected"),
        ("[\(good.replacingOccurrences(of: ", \"year\"", with: " \"year\""))]", "r.json:1:62: expected , or } after a member of an object"),
        ("[\(good), \(good)]", "r.json:1:78: the key a2010 appears twice"),
        (
            "[\(good.replacingOccurrences(of: "a2010", with: "a 2010"))]",
            "r.json:1:10: the key a 2010 cannot be cited (a key is letters, digits and _ : - .)"
        ),
        (
            "[\(good.replacingOccurrences(of: "\"title\": \"T\"", with: "\"title\": \"T\", \"title\": \"U\""))]",
            "r.json:1:49: title appears twice in this object"
        ),
        ("[{\"key\": \"a\\q\"}]", "r.json:1:12: unknown escape \\q in a string"),
    ])
    func mistakeIsLocated(_ text: String, _ expected: String) {
        #expect(refusal(text) == expected)
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "jav&#x61;script:x", "x\"onmouseover=\"alert(1)"])
    func linkIsChecked(_ url: String) throws {
        let json = String(decoding: try JSONEncoder().encode(url), as: UTF8.self)
        let text = "[\(Self.good.dropLast()), \"url\": \(json)}]"
        #expect(refusal(text)?.hasPrefix("r.json:1:84: the link address") == true, "\(refusal(text) ?? "accepted")")
        #expect(refusal("[\(Self.good.dropLast()), \"url\": \"https://x.org/a\"}]") == nil)
    }

    @Test func textIsEscapedInThePage() throws {
        let references =
            #"[{"key": "a2010", "authors": "<script>alert(1)</script>", "title": "<img src=x onerror=alert(1)>", "venue": "V", "year": 2010, "url": "https://x.org/?a=1&b=\"2\""}]"#
        let scratch = try ScratchTemplates([
            "references.json": references,
            "report.mustache":
                "{{#sections}}{{{html}}}{{/sections}}{{#references}}<li>{{authors}}. {{title}}. <a href=\"{{link}}\">x</a></li>{{/references}}",
        ])
        defer { scratch.remove() }
        let error = ScratchTemplates.error { _ = try scratch.page() }
        #expect(error?.message.contains("contains \"") == true)
        try Data(references.replacingOccurrences(of: #"&b=\"2\""#, with: "&b=2").utf8).write(
            to: URL(fileURLWithPath: scratch.path("references.json")))
        let page = try scratch.page()
        #expect(
            page.contains(
                "<li>&lt;script&gt;alert(1)&lt;/script&gt;. &lt;img src=x onerror=alert(1)&gt;. <a href=\"https://x.org/?a=1&amp;b=2\">x</a></li>"
            ))
    }
}
