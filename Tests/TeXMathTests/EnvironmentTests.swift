import Testing

@testable import TeXMath

/// `\begin{...}` environments and the equation metadata (`\label`, `\tag`, `\nonumber`).
@Suite struct EnvironmentTests {
    @Test(arguments: ["aligned", "align", "align*", "split"])
    func alignmentEnvironments(_ name: String) throws {
        let table = try body("\\begin{\(name)} f(x) &= a \\\\ &= b \\\\ &\\approx c \\end{\(name)}")
        #expect(table.name == "mtable")
        #expect(table.children.count == 3)
        #expect(table.children.allSatisfy { $0.childNames == ["mtd", "mtd"] })
        #expect(table.all("mtd").count == 6)
        let alignments = table.children[0].children.map { $0.attributes["style"] ?? "" }
        #expect(alignments[0].hasPrefix("text-align: right"))
        #expect(alignments[1].hasPrefix("text-align: left"))
    }

    @Test func alignWithSeveralColumnPairs() throws {
        let table = try body(#"\begin{align} a &= 1 & b &= 2 \end{align}"#)
        let styles = table.all("mtd").map { $0.attributes["style"] ?? "" }
        #expect(styles.count == 4)
        #expect(styles.map { $0.hasPrefix("text-align: right") } == [true, false, true, false])
        #expect(styles[1].contains("padding-right: 1em"), "space between column pairs")
        #expect(styles[3].contains("padding-right: 0"))
    }

    @Test func continuationLineKeepsBinarySpacing() throws {
        let table = try body(#"\begin{aligned} a &= b \\ &\quad + c \end{aligned}"#)
        let plus = try #require(table.children[1].children[1].children.first { $0.text == "+" })
        #expect(plus.attributes["form"] == nil, "after \\quad the + is binary and not first")
        let leading = try body(#"\begin{aligned} a &= b \\ &+ c \end{aligned}"#)
        let first = try #require(leading.children[1].children[1].children.first)
        #expect(first.text == "+" && first.attributes["form"] == "infix")
    }

    @Test func trailingLineBreakAddsNoRow() throws {
        let table = try body(#"\begin{aligned} a &= b \\ c &= d \\ \end{aligned}"#)
        #expect(table.children.count == 2)
    }

    @Test func rowSpacingIsAccepted() throws {
        let table = try body(#"\begin{aligned} a &= b \\[4pt] c &= d \end{aligned}"#)
        #expect(table.children.count == 2)
    }

    @Test func gathered() throws {
        let table = try body(#"\begin{gathered} a = b \\ c = d \end{gathered}"#)
        #expect(table.children.map(\.childNames) == [["mtd"], ["mtd"]])
        #expect(table.attributes["displaystyle"] == "true")
        #expect(table.all("mtd").allSatisfy { $0.attributes["style"] == nil })
    }

    @Test(
        arguments: [
            ("matrix", nil, nil), ("pmatrix", "(", ")"), ("bmatrix", "[", "]"), ("Bmatrix", "{", "}"),
            ("vmatrix", "|", "|"), ("Vmatrix", "‖", "‖"),
        ] as [(String, String?, String?)])
    func matrices(_ name: String, _ open: String?, _ close: String?) throws {
        let result = try body("\\begin{\(name)} a & b \\\\ c & d \\end{\(name)}")
        let table = try #require(result.first("mtable"))
        #expect(table.attributes["displaystyle"] == "false")
        #expect(table.children.count == 2)
        #expect(table.children.allSatisfy { $0.childNames == ["mtd", "mtd"] })
        if let open, let close {
            #expect(result.name == "mrow")
            #expect(result.childNames == ["mo", "mtable", "mo"])
            #expect(result.children[0].text == open && result.children[2].text == close)
            #expect(result.children[0].attributes["stretchy"] == "true")
        } else {
            #expect(result.name == "mtable")
        }
    }

    @Test func cases() throws {
        let tex = #"""
            \operatorname{relu}(x) = \begin{cases} x & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}
            """#
        let cases = try #require(try items(tex).last)
        #expect(cases.childNames == ["mo", "mtable"])
        #expect(cases.children[0].text == "{")
        #expect(cases.children[0].attributes["stretchy"] == "true")
        let table = cases.children[1]
        #expect(table.children.count == 2)
        #expect(table.all("mtd").allSatisfy { $0.attributes["style"]?.contains("text-align: left") == true })
        #expect(table.children[1].children[1].text == "otherwise")
    }

    @Test func arrayColumns() throws {
        let table = try body(#"\begin{array}{lcr} a & b & c \\ dd & ee & ff \end{array}"#)
        let styles = table.children[0].children.map { $0.attributes["style"] ?? "" }
        #expect(styles[0].contains("text-align: left"))
        #expect(!styles[1].contains("text-align"))
        #expect(styles[2].contains("text-align: right"))
    }

    @Test func arrayRules() throws {
        let table = try body(#"\begin{array}{c|c} 1 & 2 \end{array}"#)
        let styles = table.all("mtd").map { $0.attributes["style"] ?? "" }
        #expect(!styles[0].contains("border"))
        #expect(styles[1].contains("border-left"))
    }

    @Test func matrixInsideFormula() throws {
        let row = try items(#"W = \begin{bmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \end{bmatrix}"#)
        #expect(row.map(\.name) == ["mi", "mo", "mrow"])
        #expect(row[2].first("mtable")?.all("msub").count == 4)
    }

    @Test func labelTagAndNonumberAreExposed() throws {
        let labelled = try TeXMath.convert(#"E = mc^2 \label{eq:energy}"#, display: true)
        #expect(labelled.labels == ["eq:energy"])
        #expect(labelled.tag == nil)
        #expect(!labelled.isNumberSuppressed)
        #expect(!labelled.mathML.contains("eq:energy</m"), "the label is not rendered")
        #expect(try parseXML(labelled.mathML).all("mi").map(\.text) == ["E", "m", "c"])

        let tagged = try TeXMath.convert(#"a = b \tag{3.1}"#, display: true)
        #expect(tagged.tag == "3.1")
        let starred = try TeXMath.convert(#"a = b \tag*{A}"#, display: true)
        #expect(starred.tag == "A")

        let aligned = try TeXMath.convert(
            #"\begin{align} a &= b \label{one} \\ c &= d \nonumber \end{align}"#, display: true)
        #expect(aligned.labels == ["one"])
        #expect(aligned.isNumberSuppressed)
        #expect(try TeXMath.convert(#"x \notag"#, display: true).isNumberSuppressed)
    }
}
