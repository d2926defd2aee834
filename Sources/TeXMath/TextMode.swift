import TextSupport

/// Interprets the argument of `\text{...}`, where TeX is in text mode: spaces count,
/// and only a few escapes make sense.
enum TextMode {
    /// Spaces become no-break spaces: browsers drop plain spaces at the edges of `<mtext>`,
    /// and `\text{if }` needs its trailing space.
    static let space: Character = "\u{00A0}"

    static func render(_ group: RawGroup, lexer: Lexer) throws(TeXError) -> String {
        let content = group.content
        var output = ""
        var pendingSpace = false
        var index = 0
        while index < content.count {
            let character = content[index]
            let offset = group.contentStart + index
            index += 1
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            if character == "%" {
                while index < content.count, !content[index].isNewline {
                    index += 1
                }
                continue
            }
            if character == "{" || character == "}" {
                continue
            }
            // TeX collapses a run of blanks into one space.
            if pendingSpace {
                output.append(space)
                pendingSpace = false
            }
            switch character {
            case "~":
                output.append(space)
            case "$":
                throw lexer.error(
                    "math inside \\text is not supported: close the \\text{...} before the math", at: offset)
            case "\\":
                let (text, length) = try escape(in: content, at: index, offset: offset, lexer: lexer)
                output += text
                index += length
            default:
                output.append(character)
            }
        }
        if pendingSpace {
            output.append(space)
        }
        return output
    }

    /// The text for the escape whose backslash precedes `content[start]`, and how many
    /// characters after the backslash it used.
    private static func escape(
        in content: [Character], at start: Int, offset: Int, lexer: Lexer
    ) throws(TeXError) -> (String, Int) {
        guard start < content.count else {
            throw lexer.error("a backslash ends the text: write \\textbackslash for \\", at: offset)
        }
        let next = content[start]
        if "{}$&%#_".contains(next) {
            return (String(next), 1)
        }
        if next.isWhitespace {
            return (String(space), 1)
        }
        if next == "," {
            return ("\u{2009}", 1)
        }
        guard next.isASCII, next.isLetter else {
            throw lexer.error("\\\(next) is not supported inside \\text{...}", at: offset)
        }
        var word = ""
        var index = start
        while index < content.count, content[index].isASCII, content[index].isLetter {
            word.append(content[index])
            index += 1
        }
        guard let text = commands[word] else {
            let hint =
                nearestName(to: word, in: commands.keys.sorted())
                .map { " (did you mean \\\($0)?)" } ?? ""
            throw lexer.error("\\\(word) is not supported inside \\text{...}\(hint)", at: offset)
        }
        // As in TeX, blanks after a command word only end the word.
        while index < content.count, content[index] == " " {
            index += 1
        }
        return (text, index - start)
    }

    private static let commands: [String: String] = [
        "textbackslash": "\\", "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}",
        "ldots": "…", "dots": "…", "textendash": "–", "textemdash": "—",
    ]
}
