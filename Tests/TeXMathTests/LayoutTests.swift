import Testing

@testable import TeXMath

/// Scripts, fractions, radicals, operators with limits, accents and stacked constructs.
@Suite struct LayoutTests {
    @Test func scripts() throws {
        #expect(try body("x^2").name == "msup")
        #expect(try body("x_i").name == "msub")
        let both = try body("x_i^2")
        #expect(both.name == "msubsup")
        #expect(both.children.map(\.text) == ["x", "i", "2"])
        #expect(try body("x^2_i").children.map(\.text) == ["x", "i", "2"], "order of ^ and _ does not matter")
    }

    @Test func groupedScripts() throws {
        let layer = try body("x^{(l)}")
        #expect(layer.name == "msup")
        #expect(layer.children[1].childNames == ["mo", "mi", "mo"])
        let weight = try body("w_{ij}")
        #expect(weight.children[1].name == "mrow")
        #expect(weight.children[1].children.map(\.text) == ["i", "j"])
        let nested = try body("e^{-x^2}")
        #expect(nested.children[1].childNames == ["mo", "msup"])
        #expect(nested.children[1].children[0].attributes["form"] == nil, "leading minus is inferred prefix")
    }

    @Test func scriptWithoutBaseAttachesToEmptyRow() throws {
        let script = try body("^2 x")
        #expect(script.children[0].name == "msup")
        #expect(script.children[0].children[0].name == "mrow")
        #expect(script.children[0].children[0].children.isEmpty)
        #expect(try body("{}_a^b").name == "msubsup")
    }

    @Test func primesFollowTheBaseAtFullSize() throws {
        let derivative = try items("f'(x)")
        #expect(derivative.map(\.name) == ["mrow", "mo", "mi", "mo"])
        #expect(derivative[0].children.map(\.text) == ["f", "′"])
        #expect(try body("f''").children[1].text == "″")
        #expect(try body("f'''").children[1].text == "‴")
        #expect(try body("f''''").children[1].text == "′′′′")
        let squared = try body("f'^2")
        #expect(squared.name == "msup")
        #expect(squared.children[0].children.map(\.text) == ["f", "′"])
        #expect(squared.children[1].text == "2")
        let indexed = try body("f'_i")
        #expect(indexed.name == "msub")
        #expect(indexed.children[0].children.map(\.text) == ["f", "′"])
    }

    @Test func fractionWithRootDenominator() throws {
        let fraction = try body(#"\frac{1}{\sqrt d}"#)
        #expect(fraction.name == "mfrac")
        #expect(fraction.children[0].text == "1")
        #expect(fraction.children[1].name == "msqrt")
        #expect(fraction.children[1].children.map(\.text) == ["d"])
    }

    @Test func fractionStyles() throws {
        #expect(try body(#"\frac12"#).children.map(\.text) == ["1", "2"])
        #expect(try body(#"\frac12"#).attributes["displaystyle"] == nil)
        #expect(try body(#"\dfrac{a}{b}"#, display: false).attributes["displaystyle"] == "true")
        #expect(try body(#"\dfrac{a}{b}"#, display: true).attributes["displaystyle"] == nil)
        #expect(try body(#"\tfrac{a}{b}"#, display: true).attributes["displaystyle"] == "false")
        let inScript = try body(#"x^{\dfrac{a}{b}}"#, display: false).children[1]
        #expect(inScript.attributes["displaystyle"] == "true")
        #expect(inScript.attributes["scriptlevel"] == "0")
    }

    @Test func binomial() throws {
        let binomial = try body(#"\binom{n}{k}"#)
        #expect(binomial.name == "mrow")
        #expect(binomial.childNames == ["mo", "mfrac", "mo"])
        #expect(binomial.children[1].attributes["linethickness"] == "0")
        #expect(binomial.children[0].attributes["stretchy"] == "true")
    }

    @Test func roots() throws {
        let square = try body(#"\sqrt{x+1}"#)
        #expect(square.name == "msqrt")
        #expect(square.childNames == ["mi", "mo", "mn"])
        let cube = try body(#"\sqrt[n]{x}"#)
        #expect(cube.name == "mroot")
        #expect(cube.children.map(\.text) == ["x", "n"])
        #expect(try body(#"\sqrt[{[}]{x}"#).children[1].text == "[")
    }

    @Test func sumLimitsDependOnStyle() throws {
        let display = try body(#"\sum_{i=1}^{d} x_i"#).children[0]
        #expect(display.name == "munderover")
        let sum = display.children[0]
        #expect(sum.text == "∑")
        #expect(sum.attributes["largeop"] == "true")
        #expect(sum.attributes["movablelimits"] == "true")
        #expect(try body(#"\sum_{i=1}^{d} x_i"#, display: false).children[0].name == "msubsup")
        #expect(try body(#"\prod_{i} x_i"#).children[0].name == "munder")
        #expect(try body(#"\prod_{i} x_i"#, display: false).children[0].name == "msub")
    }

    @Test func explicitLimits() throws {
        let forced = try body(#"\sum\limits_{i=1}^{n} x"#, display: false).children[0]
        #expect(forced.name == "munderover")
        #expect(forced.children[0].attributes["movablelimits"] == "false")
        #expect(try body(#"\sum\nolimits_{i=1}^{n} x"#).children[0].name == "msubsup")
        #expect(try body(#"\sum_{i=1}^{n}\nolimits x"#).children[0].name == "msubsup")
    }

    @Test func integrals() throws {
        let integral = try body(#"\int_0^1 f"#).children[0]
        #expect(integral.name == "msubsup", "integrals keep side limits in display style")
        #expect(integral.children[0].text == "∫")
        #expect(integral.children[0].attributes["movablelimits"] == nil)
        #expect(try body(#"\int\limits_0^1 f"#).children[0].name == "munderover")
    }

    @Test func limitsInDisplayAndInline() throws {
        let display = try items(#"\lim_{n\to\infty} a_n"#)
        #expect(display[0].name == "munder")
        #expect(display[0].children[0].text == "lim")
        #expect(display[1].text == "\u{2061}")
        #expect(try items(#"\lim_{n\to\infty} a_n"#, display: false)[0].name == "msub")
        #expect(try items(#"\max_{x} f"#)[0].name == "munder")
        #expect(try items(#"\min_{x} f"#)[0].name == "munder")
    }

    @Test(arguments: ["log", "ln", "exp", "sin", "cos", "tanh", "det", "max", "min", "lim"])
    func functionNames(_ name: String) throws {
        let row = try items("\\\(name) x")
        #expect(row.map(\.name) == ["mi", "mo", "mi"])
        #expect(row[0].text == name)
        #expect(row[1].text == "\u{2061}")
        #expect(row[1].attributes["rspace"] == "0.1667em", "thin space before an ordinary argument")
        #expect(try items("\\\(name)(x)")[1].attributes["rspace"] == nil, "no space before (")
    }

    @Test func functionNameAfterVariableGetsThinSpace() throws {
        let row = try items(#"2\log n"#)
        #expect(row.map(\.name) == ["mn", "mspace", "mi", "mo", "mi"])
    }

    @Test func operatorName() throws {
        let row = try items(#"\operatorname{Var}(x)"#)
        #expect(row[0].name == "mi" && row[0].text == "Var")
        #expect(row[0].attributes.isEmpty)
        #expect(row[1].text == "\u{2061}")
        #expect(try items(#"\operatorname{Var}_x"#)[0].name == "msub")
    }

    @Test func starredOperatorNameTakesLimits() throws {
        let argmax = try items(#"\operatorname*{arg\,max}_\theta L"#)[0]
        #expect(argmax.name == "munder")
        let name = argmax.children[0]
        #expect(name.childNames == ["mi", "mspace", "mi"])
        #expect(name.children.map(\.text) == ["arg", "", "max"])
        #expect(argmax.children[1].text == "θ")
        #expect(try items(#"\operatorname*{arg\,max}_\theta L"#, display: false)[0].name == "msub")
    }

    @Test(arguments: [
        (#"\hat"#, "^", false), (#"\bar"#, "¯", false), (#"\tilde"#, "~", false), (#"\vec"#, "→", false),
        (#"\dot"#, "˙", false), (#"\ddot"#, "¨", false), (#"\widehat"#, "\u{302}", true),
    ])
    func accentsOver(_ command: String, _ mark: String, _ stretchy: Bool) throws {
        let accent = try body("\(command){x}")
        #expect(accent.name == "mover")
        #expect(accent.attributes["accent"] == "true")
        #expect(accent.children[0].text == "x")
        #expect(accent.children[1].name == "mo")
        #expect(accent.children[1].text == mark)
        #expect(accent.children[1].attributes["stretchy"] == (stretchy ? "true" : "false"))
    }

    @Test func overlineAndUnderlineAreBorders() throws {
        let over = try body(#"\overline{x+y}"#)
        #expect(over.name == "mrow")
        #expect(over.attributes["style"] == "border-top: 0.06em solid; padding-top: 0.1em")
        #expect(over.childNames == ["mi", "mo", "mi"])
        let under = try body(#"\underline{ab}"#)
        #expect(under.attributes["style"]?.hasPrefix("border-bottom") == true)
        #expect(try body(#"\overline{x}^2"#).name == "msup")
    }

    @Test func accentOnScriptedBase() throws {
        let hat = try body(#"\hat{w}_i"#)
        #expect(hat.name == "msub")
        #expect(hat.children[0].name == "mover")
    }

    @Test func braces() throws {
        let under = try body(#"\underbrace{a+b}_{n}"#)
        #expect(under.name == "munder")
        #expect(under.children[0].name == "munder")
        #expect(under.children[0].children[1].text == "⏟")
        #expect(under.children[0].attributes["accentunder"] == nil)
        #expect(under.children[1].text == "n")
        let over = try body(#"\overbrace{x+y}^{k}"#)
        #expect(over.name == "mover")
        #expect(over.children[0].children[1].text == "⏞")
    }

    @Test func stacks() throws {
        let definition = try items(#"a \stackrel{d}{=} b"#)[1]
        #expect(definition.name == "mover")
        #expect(definition.children.map(\.text) == ["=", "d"])
        #expect(try body(#"\overset{a}{b}"#).name == "mover")
        let under = try body(#"\underset{x}{\max}"#)
        #expect(under.name == "munder")
        #expect(under.children[0].children.map(\.text) == ["max", "\u{2061}"])
        #expect(under.children[1].text == "x")
    }

    @Test func styleSwitches() throws {
        let display = try body(#"\displaystyle\sum_i x"#, display: false)
        #expect(display.name == "mstyle")
        #expect(display.attributes["displaystyle"] == "true")
        #expect(display.children[0].name == "munder", "limits go under in display style")
        let text = try body(#"\textstyle\sum_i x"#)
        #expect(text.attributes["displaystyle"] == "false")
        #expect(text.children[0].name == "msub")
        let scoped = try items(#"a {\displaystyle b} c"#)
        #expect(scoped.map(\.name) == ["mi", "mstyle", "mi"])
    }

    @Test func unaryAndBinaryMinus() throws {
        #expect(try items("-x")[0].attributes["form"] == nil, "first in row: MathML infers prefix")
        #expect(try items("a = -b")[2].attributes["form"] == "prefix")
        #expect(try items("(-1)^n")[1].attributes["form"] == "prefix")
        #expect(try items("a, -b")[2].attributes["form"] == "prefix")
        #expect(try items("a - b")[1].attributes["form"] == nil)
        #expect(try body("x^{-}").children[1].attributes["form"] == "prefix")
    }
}
