import Testing

@testable import TeXMath

/// Brackets, `\left`/`\right`, `\big` sizes and horizontal spacing.
@Suite struct DelimiterTests {
    @Test func plainBracketsDoNotStretch() throws {
        let row = try items(#"(a) [b] \{c\} \langle d \rangle"#)
        let brackets = row.filter { $0.name == "mo" }
        #expect(brackets.map(\.text) == ["(", ")", "[", "]", "{", "}", "⟨", "⟩"])
        #expect(brackets.allSatisfy { $0.attributes["stretchy"] == "false" })
    }

    @Test(arguments: [
        (#"\lvert x \rvert"#, "|"), (#"\lVert x \rVert"#, "‖"), (#"|x|"#, "|"), (#"\|x\|"#, "‖"),
        (#"\vert x \vert"#, "|"),
    ])
    func barsHaveNoSpacing(_ tex: String, _ bar: String) throws {
        let row = try items(tex)
        #expect(row.map(\.text) == [bar, "x", bar])
        for delimiter in [row[0], row[2]] {
            #expect(delimiter.attributes["lspace"] == "0em")
            #expect(delimiter.attributes["stretchy"] == "false")
        }
    }

    @Test func leftRightStretch() throws {
        let fenced = try body(#"\left( \frac{a}{b} \right)"#)
        #expect(fenced.name == "mrow")
        #expect(fenced.childNames == ["mo", "mfrac", "mo"])
        for fence in [fenced.children[0], fenced.children[2]] {
            #expect(fence.attributes["stretchy"] == "true")
            #expect(fence.attributes["fence"] == "true")
        }
    }

    @Test func invisibleDelimiter() throws {
        let fenced = try body(#"\left. \frac{df}{dx} \right|_{x=0}"#)
        #expect(fenced.name == "msub")
        let row = fenced.children[0]
        #expect(row.childNames == ["mfrac", "mo"])
        #expect(row.children[1].text == "|")
    }

    @Test func middle() throws {
        let fenced = try body(#"\left\{ x \middle| x > 0 \right\}"#)
        #expect(fenced.children.map(\.text) == ["{", "x", "|", "x", ">", "0", "}"])
        let middle = fenced.children[2]
        #expect(middle.attributes["stretchy"] == "true")
        #expect(middle.attributes["lspace"] == "0.05em")
    }

    @Test func nestedFences() throws {
        let outer = try body(#"\left[ \left( a \right) \right]"#)
        #expect(outer.childNames == ["mo", "mrow", "mo"])
        #expect(outer.children[1].childNames == ["mo", "mi", "mo"])
    }

    @Test func fenceDelimiterCommands() throws {
        let fenced = try body(#"\left\langle x \right\rangle"#)
        #expect(fenced.children.map(\.text) == ["⟨", "x", "⟩"])
        let norm = try body(#"\left\lVert x \right\rVert"#)
        #expect(norm.children.map(\.text) == ["‖", "x", "‖"])
        let bars = try body(#"\left| x \right|"#)
        #expect(bars.children.map(\.text) == ["|", "x", "|"])
    }

    @Test(arguments: [
        (#"\big"#, "1.2em"), (#"\Big"#, "1.8em"), (#"\bigg"#, "2.4em"), (#"\Bigg"#, "3em"),
        (#"\bigl"#, "1.2em"), (#"\Bigr"#, "1.8em"), (#"\biggl"#, "2.4em"), (#"\Biggr"#, "3em"),
    ])
    func sizedDelimiters(_ command: String, _ size: String) throws {
        let delimiter = try body("\(command)(")
        #expect(delimiter.name == "mo" && delimiter.text == "(")
        #expect(delimiter.attributes["minsize"] == size)
        #expect(delimiter.attributes["maxsize"] == size)
        #expect(delimiter.attributes["stretchy"] == "true")
    }

    @Test func aSizedDelimiterUnderAScriptStandsInARowOfItsOwn() throws {
        let scripted = try body(#"\bigr)^2"#)
        #expect(scripted.name == "msup")
        #expect(scripted.childNames == ["mrow", "mn"])
        #expect(scripted.children.first?.children.first?.attributes["minsize"] == "1.2em")
        // A plain bracket keeps its superscript directly, as before.
        #expect(try body(#")^2"#).childNames == ["mo", "mn"])
    }

    @Test func sizedBarsAndRelations() throws {
        let row = try items(#"\Big| x \bigm| y"#)
        #expect(row[0].attributes["lspace"] == "0em")
        #expect(row[2].attributes["lspace"] == "0.2778em", "\\bigm makes a relation")
        #expect(try body(#"\big\{"#).text == "{")
    }

    @Test(arguments: [
        (#"\,"#, "0.1667em"), (#"\:"#, "0.2222em"), (#"\;"#, "0.2778em"), (#"\quad"#, "1em"),
        (#"\qquad"#, "2em"), ("~", "0.3333em"), (#"\ "#, "0.3333em"),
    ])
    func spaces(_ command: String, _ width: String) throws {
        let row = try items("a\(command) b")
        #expect(row.map(\.name) == ["mi", "mspace", "mi"])
        #expect(row[1].attributes["width"] == width)
    }

    @Test func negativeSpace() throws {
        let row = try items(#"a\!b"#)
        #expect(row[1].name == "mspace")
        #expect(row[1].attributes["width"] == nil)
        #expect(row[1].attributes["style"] == "margin-left: -0.1667em")
    }
}
