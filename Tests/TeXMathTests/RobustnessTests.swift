import Testing

@testable import TeXMath

/// Random and exhaustive inputs: every one must convert to well-formed XML or throw a
/// ``TeXError`` inside the input, never crash or hang.
@Suite(.timeLimit(.minutes(2))) struct RobustnessTests {
    /// SplitMix64: a fixed seed keeps failures reproducible.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int {
            Int(next() % UInt64(bound))
        }
    }

    static let fragments: [String] = [
        "x", "y", "1", "0.5", ".", " ", "\n", "+", "-", "=", "<", "&", "'", "^", "_", "{", "}", "[", "]",
        "(", ")", "|", "~", "%", "#", "$", "\\", "\\\\", "\\frac", "\\sqrt", "\\sum", "\\limits",
        "\\nolimits", "\\left(", "\\right)", "\\left.", "\\right|", "\\middle|", "\\big(", "\\Bigr]",
        "\\text{a }", "\\text{", "\\mathbb{R}", "\\mathrm", "\\operatorname*", "\\hat", "\\underbrace",
        "\\begin{aligned}", "\\end{aligned}", "\\begin{cases}", "\\end{cases}", "\\begin{array}{c|l}",
        "\\end{array}", "\\begin{pmatrix}", "\\end{pmatrix}", "\\begin{", "\\end{", "\\label{a}", "\\tag{1}",
        "\\nonumber", "\\displaystyle", "\\,", "\\!", "\\alpha", "\\fracc", "\\lim", "\\binom", "\\overset",
        "\\stackrel", "\\\\[2pt]", "\\{", "\\}", "α", "≤", "é", "\u{301}", "\r\n",
    ]

    private func check(_ tex: String, display: Bool) throws {
        do {
            let output = try TeXMath.mathML(tex, display: display)
            _ = try parseXML(output)
        } catch let error as TeXError {
            #expect((0...tex.count).contains(error.offset), "\(error) for \(tex.debugDescription)")
            #expect(error.line >= 1 && error.column >= 1)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func randomFragments() throws {
        var random = Random(state: 0x5EED)
        for round in 0..<3000 {
            var tex = ""
            for _ in 0..<(1 + random.below(24)) {
                tex += Self.fragments[random.below(Self.fragments.count)]
            }
            try check(tex, display: round.isMultiple(of: 2))
        }
    }

    @Test func randomBytes() throws {
        var random = Random(state: 42)
        let alphabet = Array("\\{}[]()^_&'%$#~ \nxyz019.,+-=<>|!*:;/\"`@abcdefghijklmnopqrstuvwxyz".utf8)
        for round in 0..<3000 {
            let length = random.below(40)
            let bytes: [UInt8] = (0..<length).map { _ in
                // Mostly TeX-ish ASCII, sometimes any byte, including invalid UTF-8 and controls.
                random.below(8) == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[random.below(alphabet.count)]
            }
            try check(String(decoding: bytes, as: UTF8.self), display: round.isMultiple(of: 2))
        }
    }

    /// Every command in the table, with plenty of arguments, must either work or fail cleanly.
    @Test func everyKnownCommand() throws {
        for name in Commands.allNames {
            for tex in ["\\\(name)", "\\\(name){x}{y}", "a \\\(name)(x) b", "x^\\\(name)", "\\\(name)_1^2"] {
                try check(tex, display: true)
                try check(tex, display: false)
            }
        }
    }

    /// Commands that stand for a symbol or operator need no arguments.
    @Test func symbolCommandsConvertAlone() throws {
        let names =
            Symbols.commands.keys.filter { $0.allSatisfy(\.isLetter) }
            + Symbols.largeOperators.keys + Symbols.functionNames.keys
        for name in names {
            #expect(conversionError("a \\\(name) b") == nil, "\\\(name)")
        }
    }

    @Test(arguments: Environment.allCases)
    func everyEnvironment(_ environment: Environment) throws {
        let name = environment.rawValue
        let specification = environment == .array ? "{cc}" : ""
        let tex = "\\begin{\(name)}\(specification) a & b \\\\ c & d \\end{\(name)}"
        let oneColumn = "\\begin{\(name)}\(specification) a \\\\ c \\end{\(name)}"
        let converted = (try? TeXMath.mathML(tex, display: true)) ?? (try? TeXMath.mathML(oneColumn, display: true))
        let output = try #require(converted, "\\begin{\(name)}")
        #expect(try parseXML(output).first("mtable") != nil)
    }

    /// The deepest formula the parser accepts must not exhaust the stack while parsing or writing.
    @Test(arguments: [
        (#"\frac{1}{"#, "}"), (#"\sqrt{"#, "}"), (#"\left( {"#, #"} \right)"#), ("x^{", "}"),
        (#"\hat "#, ""), (#"\begin{aligned} a &= "#, #" \end{aligned}"#), (#"\displaystyle{"#, "}"),
    ])
    func deepestAllowedNestingConverts(_ opening: String, _ closing: String) throws {
        var depth = 1
        func nested(_ depth: Int) -> String {
            String(repeating: opening, count: depth) + "x" + String(repeating: closing, count: depth)
        }
        while conversionError(nested(depth)) == nil {
            depth += 1
        }
        #expect(conversionError(nested(depth))?.message.contains("nested too deeply") == true)
        #expect(depth > 10, "real formulas nest at least this deep")
        _ = try parseXML(TeXMath.mathML(nested(depth - 1), display: true))
    }
}
