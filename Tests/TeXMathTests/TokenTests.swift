import Testing

@testable import TeXMath

/// Identifiers, numbers, operators and symbols: the leaves of the MathML tree.
@Suite struct TokenTests {
    @Test func documentShape() throws {
        let display = try math("x")
        #expect(display.name == "math")
        #expect(display.attributes["display"] == "block")
        let semantics = try #require(display.children.first)
        #expect(semantics.childNames == ["mi", "annotation"])
        #expect(semantics.children[1].attributes["encoding"] == "application/x-tex")
        #expect(semantics.children[1].text == "x")
        let inline = try math("x", display: false)
        #expect(inline.attributes["display"] == nil)
        let raw = try TeXMath.mathML("x", display: false)
        #expect(raw.hasPrefix(#"<math xmlns="http://www.w3.org/1998/Math/MathML">"#))
    }

    @Test func lettersAreSeparateIdentifiers() throws {
        let row = try items("ab")
        #expect(row.map(\.name) == ["mi", "mi"])
        #expect(row.map(\.text) == ["a", "b"])
        #expect(row[0].attributes["mathvariant"] == nil)
    }

    @Test(arguments: ["0.577", "4.5396", "12", "3.14159"])
    func decimalsAreOneNumber(_ number: String) throws {
        let row = try items(number)
        #expect(row.map(\.name) == ["mn"])
        #expect(row[0].text == number)
    }

    @Test func numberFollowedByVariable() throws {
        let row = try items("3d + .5")
        #expect(row.map(\.name) == ["mn", "mi", "mo", "mn"])
        #expect(row[3].text == ".5")
    }

    @Test func scriptTakesOneDigitLikeTeX() throws {
        let row = try items("x^23")
        #expect(row.map(\.name) == ["msup", "mn"])
        #expect(row[0].children[1].text == "2")
        #expect(row[1].text == "3")
    }

    @Test func minusIsTrueMinus() throws {
        let row = try items("a-b")
        #expect(row[1].text == "\u{2212}")
        #expect(row[1].attributes["form"] == nil)
    }

    @Test(arguments: [
        ("+", "+"), ("-", "−"), ("=", "="), ("<", "<"), (">", ">"), (#"\le"#, "≤"), (#"\leq"#, "≤"),
        (#"\ge"#, "≥"), (#"\geq"#, "≥"), (#"\neq"#, "≠"), (#"\ne"#, "≠"), (#"\approx"#, "≈"),
        (#"\sim"#, "∼"), (#"\propto"#, "∝"), (#"\cdot"#, "⋅"), (#"\times"#, "×"), (#"\pm"#, "±"),
        (#"\mp"#, "∓"), (#"\to"#, "→"), (#"\leftarrow"#, "←"), (#"\Rightarrow"#, "⇒"),
        (#"\Leftrightarrow"#, "⇔"), (#"\in"#, "∈"), (#"\notin"#, "∉"), (#"\subset"#, "⊂"),
        (#"\cup"#, "∪"), (#"\cap"#, "∩"), (",", ","), (";", ";"), (#"\mapsto"#, "↦"), (#"\ll"#, "≪"),
        (#"\gg"#, "≫"), (#"\equiv"#, "≡"), ("*", "∗"), (":", ":"),
    ])
    func infixOperators(_ tex: String, _ glyph: String) throws {
        let row = try items("a \(tex) b")
        #expect(row.map(\.name) == ["mi", "mo", "mi"])
        #expect(row[1].text == glyph)
        #expect(row[1].attributes["form"] == nil, "binary position needs no form")
    }

    @Test func relationLikeDelimiters() throws {
        let row = try items(#"a \mid b"#)
        #expect(row[1].text == "∣")
        #expect(row[1].attributes["lspace"] == "0.2778em")
        #expect(row[1].attributes["stretchy"] == "false")
    }

    @Test func postfixFactorial() throws {
        let row = try items("n!")
        #expect(row.map(\.name) == ["mi", "mo"])
        #expect(row[1].text == "!")
    }

    @Test(arguments: [
        (#"\infty"#, "∞"), (#"\partial"#, "∂"), (#"\nabla"#, "∇"), (#"\forall"#, "∀"), (#"\exists"#, "∃"),
        (#"\ldots"#, "…"), (#"\dots"#, "…"), (#"\cdots"#, "⋯"), (#"\vdots"#, "⋮"), (#"\ddots"#, "⋱"),
        (#"\ell"#, "ℓ"),
    ])
    func ordinarySymbols(_ tex: String, _ glyph: String) throws {
        let row = try items(tex)
        #expect(row.map(\.name) == ["mi"])
        #expect(row[0].text == glyph)
    }

    @Test func uprightSymbolsSayNormal() throws {
        #expect(try items(#"\nabla"#)[0].attributes["mathvariant"] == "normal")
        #expect(try items(#"\partial"#)[0].attributes["mathvariant"] == "normal")
        #expect(try items(#"\infty"#)[0].attributes["mathvariant"] == nil, "∞ is never italicised")
    }

    @Test(arguments: [
        (#"\alpha"#, "α"), (#"\beta"#, "β"), (#"\gamma"#, "γ"), (#"\delta"#, "δ"), (#"\epsilon"#, "ϵ"),
        (#"\varepsilon"#, "ε"), (#"\eta"#, "η"), (#"\theta"#, "θ"), (#"\lambda"#, "λ"), (#"\mu"#, "μ"),
        (#"\pi"#, "π"), (#"\rho"#, "ρ"), (#"\sigma"#, "σ"), (#"\tau"#, "τ"), (#"\phi"#, "ϕ"),
        (#"\varphi"#, "φ"), (#"\chi"#, "χ"), (#"\psi"#, "ψ"), (#"\omega"#, "ω"),
    ])
    func lowercaseGreekIsItalic(_ tex: String, _ glyph: String) throws {
        let identifier = try items(tex)[0]
        #expect(identifier.name == "mi" && identifier.text == glyph)
        #expect(identifier.attributes["mathvariant"] == nil)
    }

    @Test(arguments: [
        (#"\Gamma"#, "Γ"), (#"\Delta"#, "Δ"), (#"\Theta"#, "Θ"), (#"\Lambda"#, "Λ"), (#"\Sigma"#, "Σ"),
        (#"\Pi"#, "Π"), (#"\Phi"#, "Φ"), (#"\Psi"#, "Ψ"), (#"\Omega"#, "Ω"),
    ])
    func uppercaseGreekIsUpright(_ tex: String, _ glyph: String) throws {
        let identifier = try items(tex)[0]
        #expect(identifier.name == "mi" && identifier.text == glyph)
        #expect(identifier.attributes["mathvariant"] == "normal")
    }

    @Test func unicodeInputBehavesLikeCommands() throws {
        let row = try items("α ≤ β")
        #expect(row.map(\.name) == ["mi", "mo", "mi"])
        #expect(try items("∑_i x_i").first?.name == "munder")
    }

    @Test func xmlSpecialCharactersAreEscaped() throws {
        let output = try TeXMath.mathML(#"a < b > c \text{R\&D "q" 'x'}"#, display: false)
        #expect(output.contains("<mo>&lt;</mo>"))
        #expect(output.contains("<mo>&gt;</mo>"))
        #expect(output.contains("R&amp;D"))
        #expect(output.contains("&quot;q&quot;"))
        #expect(output.contains("&#39;x&#39;"))
        #expect(
            output.contains(
                #"<annotation encoding="application/x-tex">a &lt; b &gt; c \text{R\&amp;D &quot;q&quot; &#39;x&#39;}</annotation>"#))
        let text = try #require(try body(#"\text{R\&D "q"}"#).first("mtext"))
        #expect(text.text == "R&D\u{A0}\"q\"")
    }

    @Test func ampersandSymbolInMath() throws {
        #expect(try items(#"a \& b"#)[1].text == "&")
    }

    @Test func emptyFormula() throws {
        #expect(try body("").name == "mrow")
        #expect(try body("   % only a comment").children.isEmpty)
    }

    @Test func commentsAreIgnored() throws {
        let row = try items("a % comment } {\n+ b")
        #expect(row.map(\.text) == ["a", "+", "b"])
    }
}
