import TextSupport

/// Parsing of control sequences that produce atoms.
extension Parser {
    mutating func parseCommand(_ name: String, token: Token) throws(TeXError) -> MathNode {
        guard let command = Commands.lookup(name) else {
            throw unknownCommand(name, at: token)
        }
        switch command {
        case .symbol(let symbol):
            return styled(symbol.node)
        case .largeOperator(let text, let limits):
            return .largeOperator(text, limits: limits)
        case .functionName(let text, let limits):
            return .functionName(.identifier(text, upright: true), limits: limits)
        case .operatorName:
            let starred = consumeStar()
            let saved = font
            font = .roman
            defer { font = saved }
            let operatorName = try parseArgument(of: token, named: "\\operatorname", usage: "\\operatorname{Var}")
            return .functionName(operatorName, limits: starred ? .displayOnly : .never)
        case .font(let newFont):
            let saved = font
            font = newFont
            defer { font = saved }
            return try parseOnlyArgument(of: token, named: name)
        case .text:
            guard let group = try lexer.readBracedGroup() else {
                throw lexer.error("\\\(name) needs its text in braces: write \\\(name){...}", at: token.start)
            }
            return .text(try TextMode.render(group, lexer: lexer))
        case .fraction(let style, let isBinomial):
            return try parseFraction(name, token: token, style: style, isBinomial: isBinomial)
        case .squareRoot:
            return try parseRadical(token)
        case .accent(let accent):
            return .accent(try parseOnlyArgument(of: token, named: name), accent)
        case .rule(let below):
            return .ruled(try parseOnlyArgument(of: token, named: name), below: below)
        case .stack(let position):
            let usage = "\\\(name){script}{base}"
            let script = try parseArgument(of: token, named: "\\" + name, usage: usage)
            let base = try parseArgument(of: token, named: "\\" + name, usage: usage)
            return position == .over
                ? .underOver(base, under: nil, over: script)
                : .underOver(base, under: script, over: nil)
        case .space(let mu):
            return .space(mu: mu)
        case .left:
            return try parseFenced(left: token)
        case .middle:
            guard openLefts > 0 else {
                throw lexer.error("\\middle is only allowed between \\left and \\right", at: token.start)
            }
            guard let symbol = try parseDelimiter(after: token) else { return .row([]) }
            return .delimiter(Delimiter(text: symbol.text, atomClass: .ordinary, role: .middle))
        case .sizedDelimiter(let size, let atomClass):
            guard let symbol = try parseDelimiter(after: token) else { return .row([]) }
            return .delimiter(Delimiter(text: symbol.text, atomClass: atomClass, role: .sized(size)))
        case .begin:
            return try parseEnvironment(begin: token)
        case .limits, .style, .label, .tag, .noNumber, .right, .end, .lineBreak:
            // In a list these act on the list or end it; as an argument they mean nothing.
            throw lexer.error("\\\(name) cannot be an argument: put it inside braces or move it", at: token.start)
        }
    }

    /// The argument of a one-argument command such as `\hat` or `\mathbf`.
    private mutating func parseOnlyArgument(of token: Token, named name: String) throws(TeXError) -> MathNode {
        try parseArgument(of: token, named: "\\" + name, usage: "\\\(name){x}")
    }

    /// Reads the braced name of `\label`, `\tag`, `\begin` or `\end`.
    mutating func readName(after token: Token, usage: String) throws(TeXError) -> String {
        guard let group = try lexer.readBracedGroup() else {
            throw lexer.error("\(describe(token)) needs a name in braces: write \(usage)", at: token.start)
        }
        let name = String(group.content).trimmingWhitespace()
        guard !name.isEmpty else {
            throw lexer.error("\(describe(token)) has an empty name: write \(usage)", at: group.openOffset)
        }
        return name
    }

    private func unknownCommand(_ name: String, at token: Token) -> TeXError {
        if name.isEmpty {
            return lexer.error("a backslash ends the formula: remove it or write \\backslash", at: token.start)
        }
        if let suggestion = nearestName(to: name, in: Commands.allNames) {
            return lexer.error("unknown command \\\(name) (did you mean \\\(suggestion)?)", at: token.start)
        }
        return lexer.error("unknown command \\\(name): TeXMath does not support it", at: token.start)
    }

    private mutating func consumeStar() -> Bool {
        guard lexer.peek().kind == .character("*") else { return false }
        lexer.next()
        return true
    }

    private mutating func parseFraction(
        _ name: String, token: Token, style: Fraction.Style, isBinomial: Bool
    ) throws(TeXError) -> MathNode {
        let usage = isBinomial ? "\\\(name){n}{k}" : "\\\(name){numerator}{denominator}"
        let numerator = try parseArgument(of: token, named: "\\" + name, usage: usage)
        let denominator = try parseArgument(of: token, named: "\\" + name, usage: usage)
        let fraction = MathNode.fraction(
            Fraction(numerator: numerator, denominator: denominator, style: style, hasRule: !isBinomial))
        return isBinomial ? .fenced(open: "(", close: ")", fraction) : fraction
    }

    private mutating func parseRadical(_ token: Token) throws(TeXError) -> MathNode {
        var index: MathNode?
        let bracket = lexer.peek()
        if bracket.kind == .character("[") {
            lexer.next()
            let nodes = try parseList(untilBracket: true)
            guard lexer.peek().kind == .character("]") else {
                throw lexer.error("unclosed [ of \\sqrt[n]{x}: add a matching ]", at: bracket.start)
            }
            lexer.next()
            index = .row(nodes)
        }
        let radicand = try parseArgument(of: token, named: "\\sqrt", usage: "\\sqrt{x} or \\sqrt[n]{x}")
        return .radical(radicand, index: index)
    }

    private mutating func parseFenced(left: Token) throws(TeXError) -> MathNode {
        let open = try parseDelimiter(after: left)
        openLefts += 1
        let content = try parseList()
        openLefts -= 1
        let right = lexer.peek()
        guard right.kind == .command("right") else {
            throw lexer.error(
                "\\left has no matching \\right: add \\right) or \\right. before \(describe(right))",
                at: left.start)
        }
        lexer.next()
        let close = try parseDelimiter(after: right)
        return .fenced(open: open?.text, close: close?.text, .row(content))
    }

    /// The delimiter after `\left`, `\right`, `\middle` or `\big`; nil for the invisible `.`.
    private mutating func parseDelimiter(after owner: Token) throws(TeXError) -> Symbol? {
        let token = lexer.peek()
        if token.kind == .character(".") {
            lexer.next()
            return nil
        }
        if let symbol = Symbols.delimiter(token.kind) {
            lexer.next()
            return symbol
        }
        let found = token.kind == .endOfInput ? "nothing" : describe(token)
        throw lexer.error(
            "\(describe(owner)) must be followed by a delimiter such as ( [ \\{ | or . (found \(found))",
            at: token.kind == .endOfInput ? owner.start : token.start)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let characters = Array(self)
        guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
            let last = characters.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(characters[first...last])
    }
}
