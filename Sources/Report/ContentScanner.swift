import Foundation

/// Splits a section's Markdown into the text Ink should see and the pieces it must not:
/// TeX math (Ink would eat its backslashes and turn `_` into emphasis), figures, numbers from
/// the build, and references. Each piece is replaced by an opaque alphanumeric token that
/// survives Markdown untouched, and put back as HTML afterwards.
struct ContentScanner {
    enum Piece: Equatable {
        case inlineMath(String)
        /// A display equation; `label` from `\label{eq:…}`, numbered unless `\nonumber`/`\notag`.
        case displayMath(String, label: String?, numbered: Bool)
        case figure(String)
        case figureReference(String)
        case equationReference(String)
        case citation([String])
        case number(String, digits: Int)

        var isBlock: Bool {
            switch self {
            case .displayMath, .figure: true
            default: false
            }
        }
    }

    struct Located {
        let piece: Piece
        /// Character offset of the piece in the section's text, for error messages.
        let offset: Int
    }

    let path: String
    let characters: [Character]
    private(set) var markdown = ""
    private(set) var pieces: [Located] = []
    private var index = 0

    static func token(_ number: Int) -> String { "INITLABPIECE\(number)X" }

    init(path: String, text: String) throws(ReportError) {
        self.path = path
        characters = Array(text)
        try scan()
    }

    func error(at offset: Int, _ message: String, hint: String? = nil) -> ReportError {
        let position = SourcePosition(offset: offset, in: characters)
        return ReportError("\(path):\(position.line):\(position.column)", message, hint: hint)
    }

    private func peek(_ text: String, at position: Int? = nil) -> Bool {
        let start = position ?? index
        var i = start
        for c in text {
            guard i < characters.count, characters[i] == c else { return false }
            i += 1
        }
        return true
    }

    private var atLineStart: Bool { index == 0 || characters[index - 1] == "\n" }

    private mutating func emit(_ piece: Piece, at offset: Int) {
        let token = Self.token(pieces.count)
        pieces.append(Located(piece: piece, offset: offset))
        markdown += piece.isBlock ? "\n\n\(token)\n\n" : token
    }

    /// The text up to `terminator`, leaving the index after it.
    private mutating func take(until terminator: String, from start: Int, what: String, stopAtBlankLine: Bool = false) throws(ReportError) -> String {
        var body = ""
        while index < characters.count {
            if peek(terminator) {
                index += terminator.count
                return body
            }
            if stopAtBlankLine && peek("\n\n") { break }
            if characters[index] == "\\" && index + 1 < characters.count {
                body.append(characters[index])
                index += 1
            }
            body.append(characters[index])
            index += 1
        }
        throw error(at: start, "\(what) is not closed", hint: "add the closing \(terminator)")
    }

    private mutating func scan() throws(ReportError) {
        var inFence = false
        while index < characters.count {
            let c = characters[index]
            if atLineStart && peek("```") {
                inFence.toggle()
            }
            if inFence {
                markdown.append(c)
                index += 1
                continue
            }
            let start = index
            if c == "`" {
                // Inline code: copied verbatim up to the matching backtick run.
                var run = ""
                while index < characters.count && characters[index] == "`" { run.append("`"); index += 1 }
                markdown += run
                while index < characters.count && !peek(run) { markdown.append(characters[index]); index += 1 }
                if index < characters.count { markdown += run; index += run.count }
            } else if peek("\\$") {
                markdown += "$"
                index += 2
            } else if peek("$$") {
                index += 2
                try displayMath(try take(until: "$$", from: start, what: "display math opened with $$"), at: start)
            } else if c == "$" {
                index += 1
                let tex = try take(until: "$", from: start, what: "inline math opened with $", stopAtBlankLine: true)
                emit(.inlineMath(tex), at: start)
            } else if peek("{{") {
                index += 2
                try directive(try take(until: "}}", from: start, what: "{{ directive"), at: start)
            } else if peek("@fig:") {
                index += 5
                var id = ""
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "-" {
                    id.append(characters[index]); index += 1
                }
                while id.hasSuffix("-") { id.removeLast(); index -= 1 }
                emit(.figureReference(id), at: start)
            } else if peek("\\eqref{") {
                index += 7
                emit(.equationReference(try take(until: "}", from: start, what: "\\eqref{")), at: start)
            } else if peek("[@") {
                index += 1
                let body = try take(until: "]", from: start, what: "citation [@")
                let keys = body.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                let keyCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:-.")
                guard keys.allSatisfy({ $0.hasPrefix("@") && $0.count > 1 && $0.dropFirst().allSatisfy(keyCharacters.contains) }) else {
                    throw error(at: start, "a citation is written [@key] or [@key1; @key2]")
                }
                emit(.citation(keys.map { String($0.dropFirst()) }), at: start)
            } else {
                markdown.append(c)
                index += 1
            }
        }
    }

    private mutating func displayMath(_ tex: String, at offset: Int) throws(ReportError) {
        var tex = tex
        var label: String?
        if let range = tex.range(of: "\\label{") {
            guard let close = tex[range.upperBound...].firstIndex(of: "}") else {
                throw error(at: offset, "\\label{ is not closed")
            }
            label = String(tex[range.upperBound..<close])
            tex.removeSubrange(range.lowerBound...close)
        }
        var numbered = true
        for command in ["\\nonumber", "\\notag"] where tex.contains(command) {
            numbered = false
            tex = tex.replacingOccurrences(of: command, with: "")
        }
        emit(.displayMath(tex, label: label, numbered: numbered), at: offset)
    }

    private mutating func directive(_ body: String, at offset: Int) throws(ReportError) {
        let words = body.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch words.first {
        case "number":
            let (name, digits) = try Self.numberDirective(words) { message in error(at: offset, message) }
            emit(.number(name, digits: digits), at: offset)
        case "figure" where words.count == 2:
            emit(.figure(words[1]), at: offset)
        default:
            throw error(at: offset, "unknown directive {{\(body)}}", hint: "use {{number NAME}} or {{figure ID}}")
        }
    }

    /// Reads `number NAME` or `number NAME digits=N`, split into words.
    static func numberDirective(_ words: [String], error: (String) -> ReportError) throws(ReportError) -> (name: String, digits: Int) {
        guard words.first == "number", words.count == 2 || words.count == 3 else {
            throw error("expected {{number NAME}} or {{number NAME digits=N}} with N from 1 to 15")
        }
        guard words.count == 3 else { return (words[1], 4) }
        guard words[2].hasPrefix("digits="), let value = Int(words[2].dropFirst(7)), (1...15).contains(value) else {
            throw error("expected {{number NAME}} or {{number NAME digits=N}} with N from 1 to 15")
        }
        return (words[1], value)
    }
}
