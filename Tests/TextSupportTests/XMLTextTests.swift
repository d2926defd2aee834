import Testing
import TextSupport

@Suite struct XMLTextTests {
    @Test func escapesTheMarkupCharacters() {
        #expect(XMLText.escape(#"a < b & c > "d" 'e'"#) == "a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;")
    }

    @Test func dropsWhatXMLForbidsAndKeepsWhitespace() {
        #expect(XMLText.escape("a\u{0}b\u{1B}c\u{FFFE}d") == "abcd")
        #expect(XMLText.escape("tab\tline\nreturn\r") == "tab\tline\nreturn\r")
    }

    @Test func anAmpersandWithACombiningMarkIsStillEscaped() {
        // One Character to Swift, but an ampersand to an XML parser.
        #expect(XMLText.escape("&\u{301}") == "&amp;\u{301}")
    }

    @Test func leavesOtherTextAlone() {
        #expect(XMLText.escape("σ² = 2/n — ✓") == "σ² = 2/n — ✓")
    }
}
