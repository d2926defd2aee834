import Testing

@testable import TeXMath

/// The formulas the handout actually uses, checked end to end.
@Suite struct HandoutFormulaTests {
    @Test func varianceOfWeightedSum() throws {
        let tex =
            #"\operatorname{Var}\Big(\sum_{i=1}^{d} w_i x_i\Big) = \sum_{i=1}^{d} \operatorname{Var}(w_i)\,\operatorname{Var}(x_i) = d\cdot\frac{1}{3d} = \frac{1}{3}"#
        let row = try items(tex)
        #expect(row[0].name == "mi" && row[0].text == "Var")
        #expect(row[1].name == "mo" && row[1].text == "\u{2061}")
        let bigParens = row.filter { $0.name == "mo" && $0.attributes["minsize"] == "1.8em" }
        #expect(bigParens.map(\.text) == ["(", ")"])
        let sums = row.filter { $0.name == "munderover" }
        #expect(sums.count == 2)
        for sum in sums {
            #expect(sum.children[0].text == "∑")
            #expect(sum.children[0].attributes["largeop"] == "true")
            #expect(sum.children[1].childNames == ["mi", "mo", "mn"])
            #expect(sum.children[2].text == "d")
        }
        #expect(row.filter { $0.name == "mi" && $0.text == "Var" }.count == 3)
        #expect(row.contains { $0.name == "mo" && $0.text == "⋅" })
        let fractions = row.filter { $0.name == "mfrac" }
        #expect(fractions.count == 2)
        #expect(fractions[0].children[1].childNames == ["mn", "mi"])
    }

    @Test func sigmoidDerivative() throws {
        let row = try items(#"\sigma'(x) = \sigma(x)\bigl(1-\sigma(x)\bigr)"#)
        #expect(row[0].name == "mrow")
        #expect(row[0].children.map(\.text) == ["σ", "′"])
        let sized = row.filter { $0.attributes["minsize"] == "1.2em" }
        #expect(sized.map(\.text) == ["(", ")"])
        let minus = try #require(row.first { $0.text == "−" })
        #expect(minus.attributes["form"] == nil, "1 − σ is binary")
        #expect(row.filter { $0.text == "(" && $0.attributes["stretchy"] == "false" }.count == 3)
    }

    @Test func glorotUniform() throws {
        let tex = #"W \sim U\left(-\sqrt{\frac{6}{n_{\text{in}}+n_{\text{out}}}},\ \sqrt{\frac{6}{n_{\text{in}}+n_{\text{out}}}}\right)"#
        let row = try items(tex)
        #expect(row.map(\.name) == ["mi", "mo", "mi", "mrow"])
        #expect(row[1].text == "∼")
        let fenced = row[3].children
        #expect(fenced.first?.attributes["stretchy"] == "true")
        #expect(fenced.last?.attributes["stretchy"] == "true")
        #expect(fenced[1].text == "−")
        #expect(fenced[1].attributes["form"] == "prefix", "the minus after ( is unary")
        #expect(fenced.filter { $0.name == "msqrt" }.count == 2)
        #expect(fenced.contains { $0.name == "mspace" && $0.attributes["width"] == "0.3333em" })
        let root = try #require(fenced.first { $0.name == "msqrt" })
        let fraction = try #require(root.children.first)
        #expect(fraction.name == "mfrac")
        let subscripts = fraction.all("msub")
        #expect(subscripts.map { $0.children[1].name } == ["mtext", "mtext"])
        #expect(subscripts.map { $0.children[1].text } == ["in", "out"])
    }

    @Test func reluSecondMoment() throws {
        let row = try items(#"\mathbb{E}[\operatorname{relu}(y)^2] = \tfrac12\operatorname{Var}(y)"#)
        #expect(row[0].name == "mi" && row[0].text == "𝔼")
        #expect(row.contains { $0.name == "mi" && $0.text == "relu" })
        let half = try #require(row.first { $0.name == "mfrac" })
        #expect(half.attributes["displaystyle"] == "false")
        #expect(half.children.map(\.text) == ["1", "2"])
        #expect(row.contains { $0.name == "msup" && $0.children[0].text == ")" })
    }

    @Test func chebyshev() throws {
        let row = try items(#"P\big(|a|\ge k\sigma\big)\le \frac{1}{k^2}"#)
        let bars = row.filter { $0.text == "|" }
        #expect(bars.count == 2)
        for bar in bars {
            #expect(bar.attributes["stretchy"] == "false")
            #expect(bar.attributes["lspace"] == "0em")
        }
        #expect(row.contains { $0.text == "≥" } && row.contains { $0.text == "≤" })
        let fraction = try #require(row.last)
        #expect(fraction.name == "mfrac")
        #expect(fraction.children[1].name == "msup")
    }

    @Test func alignedDerivation() throws {
        let tex = #"""
            \begin{aligned}
              \operatorname{Var}(y) &= \sum_{i=1}^{n} \operatorname{Var}(w_i x_i) \\
                                    &= n\,\operatorname{Var}(w)\,\mathbb{E}[x^2] \\
                                    &= \tfrac{1}{2}\, n\,\operatorname{Var}(w)\operatorname{Var}(y_{l-1})
            \end{aligned}
            """#
        let table = try body(tex)
        #expect(table.name == "mtable")
        #expect(table.attributes["displaystyle"] == "true")
        #expect(table.children.count == 3)
        for row in table.children {
            #expect(row.name == "mtr")
            #expect(row.childNames == ["mtd", "mtd"])
            #expect(row.children[0].attributes["style"]?.contains("text-align: right") == true)
            #expect(row.children[1].attributes["style"]?.contains("text-align: left") == true)
            let equals = try #require(row.children[1].children.first)
            #expect(equals.text == "=")
            #expect(equals.attributes["form"] == "infix", "= after & keeps relation spacing")
        }
        #expect(table.children[0].first("munderover") != nil, "display style inside aligned")
    }

    @Test func xavierBoundsInline() throws {
        let presentation = try body(#"\pm\sqrt{3/d}"#, display: false)
        #expect(presentation.children.first?.text == "±")
        let root = try #require(presentation.first("msqrt"))
        #expect(root.children.map(\.text) == ["3", "/", "d"])
    }
}
