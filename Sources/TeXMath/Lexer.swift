/// One lexical unit of TeX math input.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// `\name` or a control symbol such as `\,`; the name excludes the backslash.
        /// A backslash at the very end of the input yields an empty name.
        case command(String)
        case character(Character)
        case endOfInput
    }

    var kind: Kind
    /// Character offset where the token starts.
    var start: Int
    /// Character offset just past the token.
    var end: Int
}

/// Braced or bracketed text read verbatim, for arguments that are not math
/// (environment names, labels, `\text`).
struct RawGroup: Sendable {
    var content: [Character]
    /// Offset of the opening delimiter, where an "unclosed" error points.
    var openOffset: Int
    /// Offset of `content[0]` in the input.
    var contentStart: Int
}

/// Splits math-mode input into tokens on demand.
///
/// `peek()` does not move, so the parser can switch to reading raw text (for `\text`
/// and environment names) at exactly the position after the last consumed token.
struct Lexer: Sendable {
    let source: [Character]
    private(set) var position = 0

    init(_ text: String) {
        source = Array(text)
    }

    func peek() -> Token {
        var index = skipIgnorable(from: position)
        guard index < source.count else {
            return Token(kind: .endOfInput, start: source.count, end: source.count)
        }
        let start = index
        let character = source[index]
        index += 1
        guard character == "\\" else {
            return Token(kind: .character(character), start: start, end: index)
        }
        guard index < source.count else {
            return Token(kind: .command(""), start: start, end: index)
        }
        if !Self.isCommandLetter(source[index]) {
            return Token(kind: .command(String(source[index])), start: start, end: index + 1)
        }
        var name = ""
        while index < source.count, Self.isCommandLetter(source[index]) {
            name.append(source[index])
            index += 1
        }
        return Token(kind: .command(name), start: start, end: index)
    }

    @discardableResult
    mutating func next() -> Token {
        let token = peek()
        position = token.end
        return token
    }

    /// Reads `{...}` verbatim, honouring nesting, backslash escapes and `%` comments.
    /// Returns nil, without moving, when the next non-blank character is not `{`.
    mutating func readBracedGroup() throws(TeXError) -> RawGroup? {
        try readGroup(open: "{", close: "}")
    }

    /// Reads `[...]` verbatim, like an optional argument: brackets inside braces do not close it.
    mutating func readBracketedGroup() throws(TeXError) -> RawGroup? {
        try readGroup(open: "[", close: "]")
    }

    func error(_ message: String, at offset: Int) -> TeXError {
        TeXError(message, at: offset, in: source)
    }

    private mutating func readGroup(open: Character, close: Character) throws(TeXError) -> RawGroup? {
        let openOffset = skipIgnorable(from: position)
        guard openOffset < source.count, source[openOffset] == open else { return nil }
        var index = openOffset + 1
        var braceDepth = 0
        while index < source.count {
            let character = source[index]
            if character == "\\" {
                index += 2
                continue
            }
            if character == "%" {
                index = endOfComment(from: index)
                continue
            }
            if character == close, braceDepth == 0 {
                position = index + 1
                return RawGroup(
                    content: Array(source[(openOffset + 1)..<index]),
                    openOffset: openOffset,
                    contentStart: openOffset + 1)
            }
            if character == "{" {
                braceDepth += 1
            } else if character == "}" {
                if braceDepth == 0 { break }
                braceDepth -= 1
            }
            index += 1
        }
        throw error("unclosed \(open): add a matching \(close)", at: openOffset)
    }

    /// Math mode ignores blanks, and `%` starts a comment that runs to the end of the line.
    private func skipIgnorable(from start: Int) -> Int {
        var index = start
        while index < source.count {
            if source[index].isWhitespace {
                index += 1
            } else if source[index] == "%" {
                index = endOfComment(from: index)
            } else {
                break
            }
        }
        return index
    }

    private func endOfComment(from start: Int) -> Int {
        var index = start
        while index < source.count, !source[index].isNewline {
            index += 1
        }
        return index
    }

    private static func isCommandLetter(_ character: Character) -> Bool {
        character.isASCII && character.isLetter
    }
}
