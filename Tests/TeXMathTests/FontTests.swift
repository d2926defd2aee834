import Testing

@testable import TeXMath

/// Font commands map to Unicode mathematical alphanumerics, since MathML Core has no
/// `mathvariant` other than `normal`.
@Suite struct FontTests {
    @Test(arguments: [
        (#"\mathbb{E}"#, "𝔼"), (#"\mathbb{R}"#, "ℝ"), (#"\mathbb{N}"#, "ℕ"), (#"\mathbf{W}"#, "𝐖"),
        (#"\mathbf{x}"#, "𝐱"), (#"\boldsymbol{\sigma}"#, "𝝈"), (#"\boldsymbol{x}"#, "𝒙"),
        (#"\boldsymbol{\Sigma}"#, "𝚺"), (#"\mathcal{L}"#, "ℒ"), (#"\mathcal{N}"#, "𝒩"),
        (#"\mathit{x}"#, "𝑥"), (#"\mathit{h}"#, "ℎ"), (#"\mathsf{A}"#, "𝖠"), (#"\mathtt{a}"#, "𝚊"),
        (#"\mathfrak{g}"#, "𝔤"), (#"\mathbf{0}"#, "𝟎"), (#"\mathbb{1}"#, "𝟙"),
    ])
    func styledLetters(_ tex: String, _ glyph: String) throws {
        let identifier = try body(tex)
        #expect(identifier.text == glyph)
        #expect(identifier.attributes["mathvariant"] == nil)
    }

    @Test func boldDigitsStayNumbers() throws {
        let number = try body(#"\mathbf{12}"#)
        #expect(number.name == "mn")
        #expect(number.text == "𝟏𝟐")
    }

    @Test func romanLetterIsMarkedUpright() throws {
        let row = try items(#"\mathrm{d}x"#)
        #expect(row[0].name == "mi" && row[0].text == "d")
        #expect(row[0].attributes["mathvariant"] == "normal")
        #expect(row[1].attributes["mathvariant"] == nil)
    }

    @Test func romanWordIsOneIdentifier() throws {
        let word = try body(#"\mathrm{ReLU}"#)
        #expect(word.name == "mi" && word.text == "ReLU")
        #expect(word.attributes["mathvariant"] == nil, "multi-letter identifiers are upright anyway")
    }

    @Test func scriptInsideFontAttachesToLastLetter() throws {
        let row = try body(#"\mathrm{ab_1}"#)
        #expect(row.childNames == ["mi", "msub"])
        #expect(row.children[0].text == "a")
    }

    @Test func boldLeavesLowercaseGreekLikeLaTeX() throws {
        #expect(try body(#"\mathbf{\alpha}"#).text == "α")
        #expect(try body(#"\mathbf{\Gamma}"#).text == "𝚪")
    }

    @Test func fontSpansOperatorsUnchanged() throws {
        #expect(try items(#"\mathbf{x+y}"#).map(\.text) == ["𝐱", "+", "𝐲"])
    }

    @Test func textKeepsSpaces() throws {
        let row = try items(#"\text{if } x \text{ is  even}"#)
        #expect(row.map(\.name) == ["mtext", "mi", "mtext"])
        #expect(row[0].text == "if\u{A0}")
        #expect(row[2].text == "\u{A0}is\u{A0}even", "runs of blanks collapse to one space, as in TeX")
    }

    @Test func textVariants() throws {
        #expect(try body(#"\textrm{a b}"#).text == "a\u{A0}b")
        #expect(try body(#"\text{50\% \{x\} a~b \textbackslash}"#).text == "50%\u{A0}{x}\u{A0}a\u{A0}b\u{A0}\\")
        #expect(try body(#"\text{a{b}c}"#).text == "abc")
        #expect(try body(#"\text{\$\}\$}"#).text == "$}$")
    }

    @Test func textIgnoresMathFont() throws {
        #expect(try body(#"\mathbf{\text{in}}"#).text == "in")
    }
}
