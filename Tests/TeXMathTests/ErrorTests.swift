import Testing

@testable import TeXMath

/// Malformed input gives a located ``TeXError`` with a helpful message.
@Suite struct ErrorTests {
    /// Asserts the error's location and that its message mentions `fragment`.
    private func expectError(
        _ tex: String, at offset: Int, line: Int = 1, column: Int? = nil, mentioning fragment: String,
        display: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let error = conversionError(tex, display: display) else {
            Issue.record("expected an error for \(tex)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.offset == offset, "\(error)", sourceLocation: sourceLocation)
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.column == (column ?? offset + 1), "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
        #expect(!error.message.contains("\n"), sourceLocation: sourceLocation)
    }

    @Test func unclosedBracePointsAtTheBrace() {
        expectError("x + {a + b", at: 4, mentioning: "unclosed {")
        expectError(#"\frac{a}{b"#, at: 8, mentioning: "unclosed {")
        expectError("{{a}", at: 0, mentioning: "add a matching }")
    }

    @Test func unmatchedClosingBrace() {
        expectError("a}b", at: 1, mentioning: "unmatched }")
    }

    @Test func missingArguments() {
        expectError(
            #"\frac{a}"#, at: 0, mentioning: #"\frac is missing an argument: write \frac{numerator}{denominator}"#)
        expectError(#"{\frac{a}} b"#, at: 1, mentioning: #"\frac is missing"#)
        expectError(#"\sqrt"#, at: 0, mentioning: #"\sqrt is missing"#)
        expectError("x^", at: 1, mentioning: "^ is missing an argument")
        expectError("x_}", at: 1, mentioning: "_ is missing")
        expectError(#"x^^2"#, at: 1, mentioning: "^ is missing")
    }

    @Test func unknownCommandSuggestsTheClosestName() {
        expectError(#"a + \fracc{1}{2}"#, at: 4, mentioning: #"unknown command \fracc (did you mean \frac?)"#)
        expectError(#"\alpah"#, at: 0, mentioning: #"(did you mean \alpha?)"#)
        expectError(#"\operatornme{Var}"#, at: 0, mentioning: #"did you mean \operatorname?"#)
        expectError(#"\qwertyuiop"#, at: 0, mentioning: "unknown command \\qwertyuiop: TeXMath does not support it")
    }

    @Test func errorOnLaterLine() {
        let tex = "a &= b \\\\\n  &= \\fracc{1}{2}\n"
        expectError(
            "\\begin{aligned}\n" + tex + "\\end{aligned}", at: 31, line: 3, column: 6, mentioning: "\\fracc")
    }

    @Test func lineEndingsCountAsOneCharacter() {
        expectError("a\r\nb\r\n  \\bad", at: 6, line: 3, column: 3, mentioning: "unknown command \\bad")
    }

    @Test func leftWithoutRight() {
        expectError(#"x + \left( a + b"#, at: 4, mentioning: #"\left has no matching \right"#)
        expectError(#"\left( a } b"#, at: 0, mentioning: "before }")
        expectError(#"a \right)"#, at: 2, mentioning: #"\right without a matching \left"#)
        expectError(#"\left x \right)"#, at: 6, mentioning: "must be followed by a delimiter")
        expectError(#"\left"#, at: 0, mentioning: "(found nothing)")
        expectError(#"a \middle| b"#, at: 2, mentioning: #"only allowed between \left and \right"#)
    }

    @Test func environmentMismatch() {
        expectError(
            #"\begin{aligned} a &= b \end{align}"#, at: 23, mentioning: #"\end{align} does not match \begin{aligned}"#)
        expectError(#"\begin{cases} a"#, at: 0, mentioning: #"add \end{cases}"#)
        expectError(#"a \end{aligned}"#, at: 2, mentioning: #"\end without a matching \begin"#)
        expectError(
            #"\begin{aligned} a \right) \end{aligned}"#, at: 18, mentioning: #"\right without a matching \left"#)
    }

    @Test func unknownEnvironment() {
        expectError(
            #"\begin{alignd} a \end{alignd}"#, at: 0, mentioning: "unknown environment alignd (did you mean aligned?)")
        expectError(#"\begin{tikzpicture}\end{tikzpicture}"#, at: 0, mentioning: "use one of aligned, align")
        expectError(#"\begin aligned"#, at: 0, mentioning: #"needs a name in braces"#)
    }

    @Test func environmentShapeErrors() {
        expectError(#"\begin{cases} a & b & c \end{cases}"#, at: 20, mentioning: "too many columns")
        expectError(#"\begin{array}{lxr} a \end{array}"#, at: 15, mentioning: "unsupported column type x")
        expectError(#"\begin{array} a \end{array}"#, at: 0, mentioning: "column specification")
        expectError(#"\begin{aligned} a \\ [b] \end{aligned}"#, at: 21, mentioning: "write {[}")
    }

    @Test func doubleScripts() {
        expectError("x^a^b", at: 3, mentioning: "double superscript")
        expectError("x_a_b", at: 3, mentioning: "double subscript")
        expectError("x^a'", at: 3, mentioning: "double superscript")
        #expect(conversionError("{x^a}^b") == nil)
        #expect(conversionError("x_a^b") == nil)
    }

    @Test func alignmentOutsideEnvironment() {
        expectError("a & b", at: 2, mentioning: #"write \& for an ampersand"#)
        expectError(#"a \\ b"#, at: 2, mentioning: "only allowed inside an environment")
    }

    @Test func misplacedCommands() {
        expectError(#"x\limits"#, at: 1, mentioning: #"must follow an operator"#)
        expectError(#"\sqrt[3{x}"#, at: 5, mentioning: "unclosed [")
        expectError(#"x^\displaystyle"#, at: 2, mentioning: "cannot be an argument")
        expectError(#"\text x"#, at: 0, mentioning: "needs its text in braces")
        expectError(#"\text{a $x$}"#, at: 8, mentioning: "math inside \\text")
        expectError(#"\text{\foo}"#, at: 6, mentioning: "not supported inside \\text")
        expectError(#"\label{}"#, at: 6, mentioning: "empty name")
        expectError(#"a \tag{1}"#, at: 2, mentioning: "display math", display: false)
        expectError(#"a \tag{1} \tag{2}"#, at: 10, mentioning: "only one \\tag")
    }

    @Test func forbiddenCharacters() {
        expectError("a # b", at: 2, mentioning: ##"write \# for a hash sign"##)
        expectError("$x$", at: 0, mentioning: "remove the math delimiters")
        expectError("a\u{7}b", at: 1, mentioning: "control character U+0007")
        expectError("a\\", at: 1, mentioning: "a backslash ends the formula")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "{", count: 500) + "x" + String(repeating: "}", count: 500)
        let error = conversionError(deep)
        #expect(error?.message.contains("nested too deeply") == true)
        let deepFractions = String(repeating: #"\frac{1}{"#, count: 300) + "x" + String(repeating: "}", count: 300)
        #expect(conversionError(deepFractions) != nil)
        for chain in [#"\sqrt"#, #"\hat"#, #"\mathbf"#, #"\displaystyle"#, #"\left("#, "x^", #"\begin{aligned}"#] {
            #expect(conversionError(String(repeating: chain, count: 5000) + "x") != nil, "\(chain)")
        }
        #expect(conversionError(String(repeating: "{", count: 20) + "x" + String(repeating: "}", count: 20)) == nil)
    }

    @Test func descriptionHasLineAndColumn() throws {
        let error = try #require(conversionError("a\n\\bad"))
        #expect(error.description == #"2:1: unknown command \bad (did you mean \bar?)"#)
    }
}
