import Testing

@testable import TeXMath

/// TeX's italic correction, which Chromium does not apply: a slanted letter moves its
/// superscript and a closing delimiter after it out of its overhang.
@Suite struct ItalicCorrectionTests {
    @Test func aSuperscriptStartsAfterTheOverhang() throws {
        let square = try body("Y^2")
        #expect(square.name == "msup")
        let script = square.children[1]
        #expect(script.childNames == ["mspace", "mn"])
        // 0.209 em of the letter, in the script's smaller em.
        #expect(script.children[0].attributes["width"] == "0.294em")
        #expect(try body("Y_i^2").children[2].childNames == ["mspace", "mn"], "the superscript of a sub-superscript")
    }

    @Test func onlySlantedLettersWithAVisibleOverhang() throws {
        #expect(try body("x^2").children[1].name == "mn", "x leans by less than 0.05 em")
        #expect(try body(#"\mathrm{Y}^2"#).children[1].name == "mn", "an upright Y does not lean")
        #expect(try body("Y_i").children[1].name == "mi", "a subscript tucks under the overhang, as in TeX")
        #expect(try body(#"\sum_{i=1}^{n}"#, display: true).name == "munderover")
    }

    @Test func aClosingDelimiterStandsClearOfTheLetter() throws {
        let row = try items("[Y]")
        #expect(row.map(\.name) == ["mo", "mi", "mspace", "mo"])
        #expect(row[2].attributes["width"] == "0.209em")
        #expect(try items("[x]").map(\.name) == ["mo", "mi", "mo"])
        #expect(try items("Y + 1").map(\.name) == ["mi", "mo", "mn"], "only a closing delimiter follows the overhang")
    }
}
