/// Turns TeX math into a ``MathNode`` tree, collecting `\label`, `\tag` and `\nonumber`
/// on the way.
struct Parser {
    /// How many lists and atoms may be open at once: each brace group costs two levels
    /// (the group's atom and its list). Deep enough for any real formula, shallow enough
    /// that the recursive parser and writer cannot exhaust a thread's stack.
    static let maximumNesting = 48

    var lexer: Lexer
    let display: Bool
    /// The alphabet of the innermost `\mathbf`-like command being parsed, if any.
    var font: MathFont?
    var nesting = 0
    /// How many `\left` are waiting for their `\right`; `\middle` is valid only inside one.
    var openLefts = 0
    private(set) var labels: [String] = []
    private(set) var tag: String?
    private(set) var isNumberSuppressed = false

    init(_ tex: String, display: Bool) {
        lexer = Lexer(tex)
        self.display = display
    }

    mutating func parseFormula() throws(TeXError) -> MathNode {
        try rejectControlCharacters()
        let nodes = try parseList()
        let token = lexer.peek()
        guard token.kind == .endOfInput else {
            throw strayEnd(token)
        }
        return .row(nodes)
    }

    // MARK: Lists and atoms

    /// Parses atoms until a token that ends a list (`}`, `&`, `\\`, `\end`, `\right`, end of
    /// input, or `]` when `untilBracket`), which is left for the caller to check.
    mutating func parseList(untilBracket: Bool = false) throws(TeXError) -> [MathNode] {
        try enterNestedLevel()
        defer { nesting -= 1 }
        var items: [MathNode] = []
        var atom: PendingAtom?
        while true {
            let token = lexer.peek()
            if endsList(token) || (untilBracket && token.kind == .character("]")) {
                break
            }
            if try attach(token, to: &atom) {
                continue
            }
            if case .command(let name) = token.kind, let command = Commands.lookup(name),
                try handleListCommand(command, token: token, items: &items, atom: &atom, untilBracket: untilBracket)
            {
                continue
            }
            if let atom {
                items.append(atom.node)
            }
            atom = nil
            let node = try parseAtom(inArgument: false)
            if case .space = node {
                items.append(node)
            } else {
                atom = PendingAtom(base: node)
            }
        }
        if let atom {
            items.append(atom.node)
        }
        return items
    }

    /// Reads the argument of `^` or `_` into its slot of the preceding atom (an empty base when
    /// there is none, as in TeX); a slot already filled is TeX's double-script error.
    private mutating func attachScript(
        _ token: Token, to atom: inout PendingAtom?, slot: WritableKeyPath<PendingAtom, MathNode?>,
        named name: String, usage: String, twice: String
    ) throws(TeXError) {
        lexer.next()
        var current = atom ?? PendingAtom(base: nil)
        guard current[keyPath: slot] == nil else { throw lexer.error(twice, at: token.start) }
        current[keyPath: slot] = try parseArgument(of: token, named: name, usage: usage)
        atom = current
    }

    /// Handles `^`, `_`, `'`, `\limits` and `\nolimits`, which modify the preceding atom.
    private mutating func attach(_ token: Token, to atom: inout PendingAtom?) throws(TeXError) -> Bool {
        switch token.kind {
        case .character("^"):
            try attachScript(
                token, to: &atom, slot: \.sup, named: "^", usage: "x^{2}",
                twice: "double superscript: use braces, as in {x^a}^b or x^{ab}")
        case .character("_"):
            try attachScript(
                token, to: &atom, slot: \.sub, named: "_", usage: "x_{i}",
                twice: "double subscript: use braces, as in {x_a}_b or x_{ab}")
        case .character("'"):
            lexer.next()
            var current = atom ?? PendingAtom(base: nil)
            guard current.sup == nil else {
                throw lexer.error("double superscript: a prime must come before ^, as in f'^2", at: token.start)
            }
            current.primes += 1
            atom = current
        case .command(let name):
            guard case .limits(let limits)? = Commands.lookup(name) else { return false }
            lexer.next()
            guard var current = atom, let base = current.base, let changed = base.withLimits(limits) else {
                throw lexer.error(
                    "\\\(name) must follow an operator such as \\sum, \\int or \\lim", at: token.start)
            }
            current.base = changed
            atom = current
        default:
            return false
        }
        return true
    }

    /// Commands that affect the list rather than produce an atom.
    private mutating func handleListCommand(
        _ command: Command, token: Token, items: inout [MathNode], atom: inout PendingAtom?,
        untilBracket: Bool
    ) throws(TeXError) -> Bool {
        switch command {
        case .style(let style):
            lexer.next()
            if let pending = atom {
                items.append(pending.node)
            }
            atom = nil
            // Like TeX, the style switch lasts to the end of the enclosing group.
            items.append(.style(style, .row(try parseList(untilBracket: untilBracket))))
        case .label:
            lexer.next()
            labels.append(try readName(after: token, usage: "\\label{eq:name}"))
        case .tag:
            lexer.next()
            guard display else {
                throw lexer.error("\\tag only works in display math", at: token.start)
            }
            guard tag == nil else {
                throw lexer.error("an equation can have only one \\tag: remove this one", at: token.start)
            }
            if lexer.peek().kind == .character("*") {
                lexer.next()
            }
            tag = try readName(after: token, usage: "\\tag{A}")
        case .noNumber:
            lexer.next()
            isNumberSuppressed = true
        default:
            return false
        }
        return true
    }

    /// An argument: a braced group, or a single token as TeX allows (`\frac12`, `x^\alpha`).
    mutating func parseArgument(of owner: Token, named name: String, usage: String) throws(TeXError) -> MathNode {
        let token = lexer.peek()
        let isMissing =
            switch token.kind {
            case .character("^"), .character("_"), .character("'"): true
            default: endsList(token)
            }
        guard !isMissing else {
            throw lexer.error("\(name) is missing an argument: write \(usage)", at: owner.start)
        }
        return try parseAtom(inArgument: true)
    }

    /// Parses one atom starting at the next token. Inside an argument a digit or letter
    /// stands alone, as in TeX (`x^23` is x², then 3).
    mutating func parseAtom(inArgument: Bool) throws(TeXError) -> MathNode {
        // Arguments without braces (\sqrt\sqrt\sqrt...) recurse here without opening a list.
        try enterNestedLevel()
        defer { nesting -= 1 }
        let token = lexer.next()
        switch token.kind {
        case .character(let character):
            return try parseCharacter(character, token: token, inArgument: inArgument)
        case .command(let name):
            return try parseCommand(name, token: token)
        case .endOfInput:
            throw lexer.error("unexpected end of formula", at: token.start)
        }
    }

    private mutating func parseCharacter(
        _ character: Character, token: Token, inArgument: Bool
    ) throws(TeXError) -> MathNode {
        switch character {
        case "{":
            return try parseGroup(openedBy: token)
        case "~":
            return .space(mu: 6)
        case "#":
            throw lexer.error("# is not allowed in math: write \\# for a hash sign", at: token.start)
        case "$":
            throw lexer.error("$ cannot appear inside the formula: remove the math delimiters", at: token.start)
        default:
            break
        }
        if character.isASCII, character.isNumber {
            return .number(readNumber(startingWith: character, inArgument: inArgument))
        }
        if character == ".", !inArgument, case .character(let next) = lexer.peek().kind,
            next.isASCII, next.isNumber
        {
            return .number(readNumber(startingWith: character, inArgument: false))
        }
        if character.isLetter {
            return letters(startingWith: character, inArgument: inArgument)
        }
        if let node = Symbols.character(character) {
            return styled(node)
        }
        return .identifier(String(character), upright: false)
    }

    private mutating func parseGroup(openedBy open: Token) throws(TeXError) -> MathNode {
        let nodes = try parseList()
        let token = lexer.peek()
        guard token.kind == .character("}") else {
            throw lexer.error("unclosed {: add a matching } before \(describe(token))", at: open.start)
        }
        lexer.next()
        return .row(nodes)
    }

    /// Digits with at most one decimal point, such as 4.5396, form one number.
    private mutating func readNumber(startingWith first: Character, inArgument: Bool) -> String {
        var text = String(first)
        var seenPoint = first == "."
        while !inArgument, case .character(let next) = lexer.peek().kind {
            if next.isASCII, next.isNumber {
                text.append(next)
                lexer.next()
                continue
            }
            guard next == ".", !seenPoint else { break }
            var lookahead = lexer
            lookahead.next()
            guard case .character(let afterPoint) = lookahead.peek().kind,
                afterPoint.isASCII, afterPoint.isNumber
            else { break }
            text.append(".")
            seenPoint = true
            lexer.next()
        }
        guard let font else { return text }
        return String(text.map(font.apply))
    }

    /// Under a font command, a run of letters is one identifier (`\mathrm{Var}` is one
    /// word); otherwise every letter is its own variable, as TeX treats them.
    private mutating func letters(startingWith first: Character, inArgument: Bool) -> MathNode {
        guard let font else {
            return .identifier(String(first), upright: false)
        }
        var text = String(font.apply(to: first))
        while !inArgument, case .character(let next) = lexer.peek().kind, next.isLetter {
            var lookahead = lexer
            lookahead.next()
            // A script belongs to the last letter only, as in TeX.
            if case .character(let after) = lookahead.peek().kind, "^_'".contains(after) {
                break
            }
            text.append(font.apply(to: next))
            lexer = lookahead
        }
        return .identifier(text, upright: font.keepsLettersUpright)
    }

    /// Applies the current font to a letter-like symbol such as `\Sigma`.
    func styled(_ node: MathNode) -> MathNode {
        guard let font, case .identifier(let text, let upright) = node else { return node }
        return .identifier(String(text.map(font.apply)), upright: upright)
    }

    private mutating func enterNestedLevel() throws(TeXError) {
        guard nesting < Self.maximumNesting else {
            throw lexer.error("formula is nested too deeply: split it into smaller formulas", at: lexer.peek().start)
        }
        nesting += 1
    }

    // MARK: Tokens and errors

    func endsList(_ token: Token) -> Bool {
        switch token.kind {
        case .endOfInput, .character("}"), .character("&"), .command("\\"), .command("end"),
            .command("right"):
            true
        default:
            false
        }
    }

    /// A human description of a list-ending token, for "add } before ..." hints.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfInput: "the end of the formula"
        case .character(let character): String(character)
        case .command(let name): "\\" + name
        }
    }

    /// The error for a list-ending token that nothing open can accept.
    func strayEnd(_ token: Token) -> TeXError {
        let message =
            switch token.kind {
            case .character("}"):
                "unmatched }: remove it or add a matching { before it"
            case .character("&"):
                "& is only allowed inside an environment such as aligned: write \\& for an ampersand"
            case .command("\\"):
                "\\\\ (line break) is only allowed inside an environment such as aligned or cases"
            case .command("end"):
                "\\end without a matching \\begin"
            case .command("right"):
                "\\right without a matching \\left"
            default:
                "unexpected \(describe(token))"
            }
        return lexer.error(message, at: token.start)
    }

    /// XML cannot carry most control characters and HTML flags the C1 ones, so they are
    /// rejected up front rather than copied into the annotation.
    private func rejectControlCharacters() throws(TeXError) {
        for (offset, character) in lexer.source.enumerated() {
            for scalar in character.unicodeScalars {
                let value = scalar.value
                let isControl =
                    (value < 0x20 && !"\t\n\r".unicodeScalars.contains(scalar))
                    || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
                if isControl {
                    let hex = String(value, radix: 16, uppercase: true)
                    let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                    throw lexer.error("control character U+\(code) is not allowed: remove it", at: offset)
                }
            }
        }
    }
}

/// An atom whose scripts may still follow.
private struct PendingAtom {
    var base: MathNode?
    var sub: MathNode?
    var sup: MathNode?
    var primes = 0

    var node: MathNode {
        var base = base ?? .row([])
        if primes > 0 {
            // U+2032 is already a raised glyph: as a superscript browsers would shrink and
            // lift it again, so it follows the base at full size.
            let prime = MathNode.operator(MathOperator(text: Self.primes(primes), atomClass: .ordinary))
            base = .row([base, prime])
        }
        guard sub != nil || sup != nil else { return base }
        if case .accent(_, let accent) = base, !accent.isAccent {
            return .underOver(base, under: sub, over: sup)
        }
        return .scripts(base: base, sub: sub, sup: sup)
    }

    /// Unicode has single characters for up to three primes.
    private static func primes(_ count: Int) -> String {
        switch count {
        case 1: "′"
        case 2: "″"
        case 3: "‴"
        default: String(repeating: "′", count: count)
        }
    }
}

extension MathNode {
    /// The same operator with different limit placement, or nil if this is not an operator.
    func withLimits(_ limits: Limits) -> MathNode? {
        switch self {
        case .largeOperator(let text, _): .largeOperator(text, limits: limits)
        case .functionName(let name, _): .functionName(name, limits: limits)
        default: nil
        }
    }
}
