import Foundation
import TextSupport

/// Splits a section's Markdown into the text Ink should see and the pieces it must not:
/// TeX math (Ink would eat its backslashes and turn `_` into emphasis), figures, check tables,
/// numbers from the build, labels, table captions and references. Each piece is replaced by an opaque alphanumeric token that
/// survives Markdown untouched, and put back as HTML afterwards.
///
/// It is also where the prose is kept from carrying HTML of its own: Ink passes raw HTML through,
/// so every `<` outside code reaches Ink as a token for an allowed tag or as `&lt;`, or stops the
/// build; link addresses are checked against ``LinkAddress``. Code is recognised exactly as Ink
/// recognises it, so that nothing the scanner leaves alone as code is read by Ink as prose.
struct ContentScanner {
    enum Piece: Equatable {
        case inlineMath(String)
        /// A display equation's TeX as written: TeXMath reads its `\label`, `\tag` and `\nonumber`.
        case displayMath(String)
        case figure(String)
        /// `{{checks PREFIX …}}`: a table of the checks whose ids start with one of the prefixes.
        case checks([String])
        /// `{{rules}}`: the summary table of every rule of the catalogue.
        case rules
        /// `{{libraries RULE …}}`: the rules' names in the libraries, with what differs.
        case libraries([String])
        /// `{{table ID}}`: a table an experiment's presenter made, with a link to its data.
        case table(String)
        /// `@fig:id`, `@tab:id`, `@sec:id` or `\eqref{eq:id}`.
        case reference(CrossReference.Kind, String)
        /// `{#sec:id}` ending a heading or `{#tab:id}` ending a table caption.
        case label(CrossReference.Kind, String)
        /// `Table:` opening a line: the rest of the line captions the table beside it.
        case tableCaption
        /// `Figure:` opening the line after `{{figure ID}}`: the rest of the line captions the
        /// figure, kept here as written (Markdown, math and numbers) for the manifest.
        case figureCaption(String)
        case citation([String])
        case number(String, digits: Int)
        /// One of the few HTML tags the prose may hold (`<br>`, `<sub>`, `</sub>` …), as written out.
        case inlineTag(String)
        /// `{{keypoints}}` or `{{exercise}}` opening a box of prose, on a line of its own.
        case open(Box)
        /// `{{/keypoints}}` or `{{/exercise}}` closing it.
        case close(Box)
        /// `{{answer}}`: the exercise's question ends and its worked answer begins.
        case answer
        /// `{{answers}}`: the answers of every exercise, collected for print.
        case answers
        /// `{{decisions}}`: the decision procedure, which rule for which network.
        case decisions

        var isBlock: Bool {
            switch self {
            case .displayMath, .figure, .checks, .rules, .libraries, .table, .open, .close, .answer, .answers, .decisions: true
            default: false
            }
        }

        /// How many characters of the source precede the TeX of a math piece: its delimiter.
        var delimiterLength: Int {
            switch self {
            case .displayMath: 2
            case .inlineMath: 1
            default: 0
            }
        }
    }

    /// The boxes whose Markdown the prose writes between an opening and a closing directive.
    enum Box: String, Equatable {
        case keypoints, exercise
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
    /// What the line being scanned is, for the labels that may only end a heading or a caption.
    private var lineIsHeading = false
    private var lineIsCaption = false
    /// The `<sub>`, `<sup>` and `<kbd>` not yet closed, with where they opened.
    private var openTags: [(name: String, offset: Int)] = []
    /// The box being written, where it opened, and where its exercise's `{{answer}}` is.
    private var openBox: (box: Box, offset: Int, answer: Int?)?
    /// Where in `markdown` the part of the box being written began, to find an empty one.
    private var boxPartStart = 0

    /// Tags that carry no behaviour and no attributes, and that Markdown has no syntax for.
    static let allowedTags: Set<String> = ["br", "sub", "sup", "kbd"]

    static let tokenPrefix = "INITLABPIECE"
    static func token(_ number: Int) -> String { "\(tokenPrefix)\(number)X" }

    /// `html` without the tokens in it, for text derived from it such as a heading's slug.
    static func removingTokens(_ html: String) -> String {
        html.replacing(/INITLABPIECE[0-9]+X/, with: "")
    }

    init(path: String, text: String) throws(LocatedError) {
        self.path = path
        characters = Array(text)
        try scan()
    }

    func error(at offset: Int, _ message: String, hint: String? = nil) -> LocatedError {
        let position = SourcePosition(offset: offset, in: characters)
        return LocatedError("\(path):\(position.line):\(position.column)", message, hint: hint)
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
    private mutating func take(
        until terminator: String, from start: Int, what: String, stopAtBlankLine: Bool = false
    ) throws(LocatedError) -> String {
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

    private mutating func scan() throws(LocatedError) {
        // The length of the backtick run that opened the code block we are in: Ink closes the
        // block only on a line that starts with a run of the same length.
        var fence: Int?
        while index < characters.count {
            if atLineStart, characters[index] == "`" {
                var run = 0
                while index + run < characters.count && characters[index + run] == "`" { run += 1 }
                if let opened = fence {
                    if run == opened { fence = nil }
                } else if run >= 3 {
                    try fenceLanguage(after: run)
                    fence = run
                }
            }
            if fence != nil {
                markdown.append(characters[index])
                index += 1
                continue
            }
            if atLineStart { try startLine() }
            let c = characters[index]
            let start = index
            if c == "`" {
                // Inline code, as Ink reads it: up to the next backtick on the same line, and
                // without one the backtick is a plain character.
                var end = index + 1
                while end < characters.count && characters[end] != "`" && characters[end] != "\n" { end += 1 }
                if end < characters.count && characters[end] == "`" {
                    markdown += String(characters[index...end])
                    index = end + 1
                } else {
                    markdown.append(c)
                    index += 1
                }
            } else if c == "<" {
                try angleBracket(at: start)
            } else if peek("![") && !peek("![@") {
                throw error(
                    at: start, "Markdown images are not placed in the prose",
                    hint: "figures come from the experiments: {{figure ID}}")
            } else if peek("](") || (peek("][") && !peek("][@")) {
                try linkTarget()
            } else if peek("\\$") {
                markdown += "$"
                index += 2
            } else if peek("$$") {
                index += 2
                emit(.displayMath(try take(until: "$$", from: start, what: "display math opened with $$")), at: start)
            } else if c == "$" {
                index += 1
                let tex = try take(until: "$", from: start, what: "inline math opened with $", stopAtBlankLine: true)
                emit(.inlineMath(tex), at: start)
            } else if peek("{{") {
                index += 2
                try directive(try take(until: "}}", from: start, what: "{{ directive"), at: start)
            } else if let kind = CrossReference.Kind.allCases.first(where: { $0.isLabelledInProse && peek("{#\($0.prefix):") }) {
                index += kind.prefix.count + 3
                try label(kind, at: start)
            } else if c == "@", let kind = CrossReference.Kind.allCases.first(where: { $0 != .equation && peek("@\($0.prefix):") }) {
                index += kind.prefix.count + 2
                var id = ""
                while index < characters.count, CrossReference.isLabelCharacter(characters[index]) {
                    id.append(characters[index]); index += 1
                }
                // A hyphen or underscore before the sentence goes on is punctuation, not label.
                while let last = id.last, last == "-" || last == "_" { id.removeLast(); index -= 1 }
                guard !id.isEmpty else { throw error(at: start, "@\(kind.prefix): needs a label after the colon") }
                emit(.reference(kind, id), at: start)
            } else if peek("\\eqref{") {
                index += 7
                emit(.reference(.equation, try take(until: "}", from: start, what: "\\eqref{")), at: start)
            } else if peek("[@") {
                index += 1
                let body = try take(until: "]", from: start, what: "citation [@")
                let keys = body.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                guard
                    keys.allSatisfy({ $0.hasPrefix("@") && $0.count > 1 && $0.dropFirst().allSatisfy(Bibliography.keyCharacters.contains) })
                else {
                    throw error(at: start, "a citation is written [@key] or [@key1; @key2]")
                }
                emit(.citation(keys.map { String($0.dropFirst()) }), at: start)
            } else {
                markdown.append(c)
                index += 1
                if c == "\n" {
                    // A caption is a paragraph of its own, whatever follows it.
                    if lineIsCaption { markdown.append("\n") }
                    if lineIsHeading || peekBlankLine() { try closeInlineTags() }
                    lineIsHeading = false
                    lineIsCaption = false
                }
            }
        }
        try closeInlineTags()
        if let open = openBox {
            throw error(at: open.offset, "{{\(open.box.rawValue)}} is not closed", hint: "add {{/\(open.box.rawValue)}} where it ends")
        }
    }

    /// Whether the line starting at the index is empty or white space only.
    private func peekBlankLine() -> Bool {
        var i = index
        while i < characters.count && characters[i] != "\n" {
            guard characters[i].isWhitespace else { return false }
            i += 1
        }
        return true
    }

    /// A `<` outside code: an allowed tag becomes a piece, any other markup stops the build, and a
    /// `<` that starts no markup is text.
    private mutating func angleBracket(at start: Int) throws(LocatedError) {
        var i = index + 1
        let closing = i < characters.count && characters[i] == "/"
        if closing { i += 1 }
        guard i < characters.count, characters[i].isASCII, characters[i].isLetter || (!closing && "!?".contains(characters[i])) else {
            // Ink would read `<3 and y>` as a tag too, so the `<` goes in as an entity.
            markdown += "&lt;"
            index += 1
            return
        }
        var name = ""
        while i < characters.count, characters[i].isASCII, characters[i].isLetter || characters[i].isNumber {
            name.append(characters[i])
            i += 1
        }
        var end = i
        while end < characters.count && characters[end] != ">" && characters[end] != "\n" { end += 1 }
        let written = String(characters[index..<min(end + 1, characters.count)])
        let shown = written.count > 40 ? written.prefix(40) + "…" : written
        let tag = name.lowercased()
        let rest = String(characters[i..<end]).trimmingCharacters(in: .whitespaces)
        guard Self.allowedTags.contains(tag) else {
            throw error(
                at: start, "raw HTML \(shown) is not allowed in the prose",
                hint: "write Markdown or a {{…}} directive; only <br>, <sub>, <sup> and <kbd> pass, and &lt; writes a <")
        }
        guard end < characters.count, characters[end] == ">", rest.isEmpty || (tag == "br" && rest == "/" && !closing) else {
            throw error(at: start, "\(shown): <\(tag)> is allowed only as it is, without attributes")
        }
        index = end + 1
        if tag == "br" {
            guard !closing else { throw error(at: start, "</br> closes nothing", hint: "a line break is <br>") }
        } else if closing {
            guard let open = openTags.last, open.name == tag else {
                throw error(at: start, "</\(tag)> closes no <\(tag)>", hint: openTags.last.map { "<\($0.name)> is still open" })
            }
            openTags.removeLast()
        } else {
            openTags.append((tag, start))
        }
        emit(.inlineTag(closing ? "</\(tag)>" : "<\(tag)>"), at: start)
    }

    /// At the end of a paragraph or heading, every `<sub>`, `<sup>` and `<kbd>` must be closed.
    private mutating func closeInlineTags() throws(LocatedError) {
        guard let open = openTags.first else { return }
        throw error(at: open.offset, "<\(open.name)> is not closed in its paragraph", hint: "add </\(open.name)>")
    }

    /// `](address)` or `][name]` of a Markdown link, copied as written once the address is known
    /// to be allowed. Ink uses an undeclared reference name as the address itself, so a name is
    /// checked too.
    private mutating func linkTarget() throws(LocatedError) {
        let reference = characters[index + 1] == "["
        let (open, close): (Character, Character) = reference ? ("[", "]") : ("(", ")")
        var end = index + 2
        var depth = 0
        while end < characters.count && characters[end] != "\n" {
            if characters[end] == close {
                if depth == 0 { break }
                depth -= 1
            } else if characters[end] == open && !reference {
                depth += 1
            }
            end += 1
        }
        guard end < characters.count, characters[end] == close else {
            // Not a link for Ink either: it reads the address on one line.
            markdown.append(characters[index])
            index += 1
            return
        }
        let address = String(characters[(index + 2)..<end])
        if let problem = LinkAddress.problem(address) {
            throw error(at: index + 2, problem, hint: "link to a web page, a mail address or a place in the handout")
        }
        markdown += String(characters[index...end])
        index = end + 1
    }

    /// A code block's opening line names its language, which Ink writes into a class attribute.
    private func fenceLanguage(after run: Int) throws(LocatedError) {
        var end = index + run
        while end < characters.count && characters[end] != "\n" { end += 1 }
        let language = String(characters[(index + run)..<end]).trimmingCharacters(in: .whitespaces)
        guard language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+#._-".contains($0)) }) else {
            throw error(at: index + run, "the language of a code block is one word such as swift or python, not \(language)")
        }
    }

    /// Notes what kind of line begins here; a `Table:` caption becomes a paragraph of its own.
    private mutating func startLine() throws(LocatedError) {
        lineIsCaption = false
        var i = index
        while i < characters.count && i - index < 3 && characters[i] == " " { i += 1 }
        var hashes = 0
        while i < characters.count && characters[i] == "#" { hashes += 1; i += 1 }
        lineIsHeading = (1...6).contains(hashes) && (i == characters.count || characters[i] == " " || characters[i] == "\n")
        if lineIsHeading, let open = openBox {
            let line = SourcePosition(offset: open.offset, in: characters).line
            throw error(
                at: index, "a heading inside {{\(open.box.rawValue)}}",
                hint: "close the box opened on line \(line) with {{/\(open.box.rawValue)}} before the heading")
        }
        try linkDeclaration()
        let start = index
        if peek("Table:") {
            let caption = captionLine(after: "Table:")
            let text = caption.range(of: "{#tab:").map { String(caption[..<$0.lowerBound]) } ?? caption
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw error(at: start, "a table caption needs text after Table:")
            }
            lineIsCaption = true
            markdown.append("\n")
            emit(.tableCaption, at: start)
            markdown.append(" ")
        } else if peek("Figure:") {
            let caption = captionLine(after: "Figure:").trimmingCharacters(in: .whitespaces)
            guard !caption.isEmpty else { throw error(at: start, "a figure caption needs text after Figure:") }
            markdown.append("\n")
            emit(.figureCaption(caption), at: start)
            markdown.append(" ")
        }
    }

    /// Steps over `keyword` and the spaces after it, and returns the rest of the line.
    private mutating func captionLine(after keyword: String) -> String {
        index += keyword.count
        while index < characters.count && characters[index] == " " { index += 1 }
        var end = index
        while end < characters.count && characters[end] != "\n" { end += 1 }
        return String(characters[index..<end])
    }

    /// `[name]: address` opening a block declares the address of `[text][name]` links; Ink takes
    /// the rest of the line as the address.
    private func linkDeclaration() throws(LocatedError) {
        var i = index
        while i < characters.count && i - index < 3 && characters[i] == " " { i += 1 }
        guard i + 1 < characters.count, characters[i] == "[", characters[i + 1] != "@" else { return }
        while i < characters.count && characters[i] != "]" && characters[i] != "\n" { i += 1 }
        guard i + 1 < characters.count, characters[i] == "]", characters[i + 1] == ":" else { return }
        i += 2
        while i < characters.count && characters[i] == " " { i += 1 }
        var end = i
        while end < characters.count && characters[end] != "\n" { end += 1 }
        let address = String(characters[i..<end]).trimmingCharacters(in: .whitespaces)
        if let problem = LinkAddress.problem(address) {
            throw error(at: i, problem, hint: "[name]: at the start of a line declares a link address")
        }
    }

    /// Reads `id}` of `{#sec:id}` or `{#tab:id}`, which must end a heading or a caption line.
    private mutating func label(_ kind: CrossReference.Kind, at start: Int) throws(LocatedError) {
        let written = "{#\(kind.prefix):…}"
        let id = try take(until: "}", from: start, what: written)
        guard !id.isEmpty, id.allSatisfy(CrossReference.isLabelCharacter) else {
            throw error(at: start, "a label is letters, digits, - and _, as in {#\(kind.prefix):my-label}")
        }
        switch kind {
        case .section where !lineIsHeading:
            throw error(at: start, "\(written) labels a heading", hint: "put it at the end of a ## or ### heading line")
        case .table where !lineIsCaption:
            throw error(at: start, "\(written) labels a table", hint: "put it at the end of a line that starts with Table:")
        default:
            break
        }
        while index < characters.count && characters[index] == " " { index += 1 }
        guard index == characters.count || characters[index] == "\n" else {
            throw error(at: start, "\(written) must end its line")
        }
        emit(.label(kind, id), at: start)
    }

    private mutating func directive(_ body: String, at offset: Int) throws(LocatedError) {
        let words = body.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch words.first {
        case "number":
            let (name, digits) = try Self.numberDirective(words) { message in error(at: offset, message) }
            emit(.number(name, digits: digits), at: offset)
        case "figure" where words.count == 2:
            emit(.figure(words[1]), at: offset)
        case "checks" where words.count >= 2:
            emit(.checks(Array(words.dropFirst())), at: offset)
        case "rules" where words.count == 1:
            emit(.rules, at: offset)
        case "libraries" where words.count >= 2:
            emit(.libraries(Array(words.dropFirst())), at: offset)
        case "table" where words.count == 2:
            emit(.table(words[1]), at: offset)
        case "answers" where words.count == 1:
            emit(.answers, at: offset)
        case "decisions" where words.count == 1:
            emit(.decisions, at: offset)
        case let word? where words.count == 1 && ["keypoints", "exercise", "/keypoints", "/exercise", "answer"].contains(word):
            try boxDirective(word, at: offset)
        default:
            throw error(
                at: offset, "unknown directive {{\(body)}}",
                hint: "use {{number NAME}}, {{figure ID}}, {{checks PREFIX}}, {{table ID}}, {{libraries RULE}}, {{rules}}, "
                    + "{{decisions}}, {{keypoints}}…{{/keypoints}}, {{exercise}}…{{answer}}…{{/exercise}} or {{answers}}")
        }
    }

    /// `{{keypoints}}`, `{{exercise}}`, `{{answer}}` or a closing `{{/…}}`, each alone on its line
    /// so that the Markdown around it stays whole blocks; boxes do not nest, an exercise has one
    /// answer, and no part of a box is empty.
    private mutating func boxDirective(_ word: String, at offset: Int) throws(LocatedError) {
        let written = "{{\(word)}}"
        var end = index
        while end < characters.count && characters[end] != "\n" && characters[end].isWhitespace { end += 1 }
        guard offset == 0 || characters[offset - 1] == "\n", end == characters.count || characters[end] == "\n" else {
            throw error(at: offset, "\(written) stands on a line of its own", hint: "put it at the start of a line with nothing after it")
        }
        let partIsEmpty = markdown.utf8.dropFirst(boxPartStart).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }
        let characters = characters
        let line = { (offset: Int) in SourcePosition(offset: offset, in: characters).line }
        if let box = Box(rawValue: word) {
            if let open = openBox {
                throw error(
                    at: offset, "\(written) inside {{\(open.box.rawValue)}}: boxes do not nest",
                    hint: "close the {{\(open.box.rawValue)}} of line \(line(open.offset)) with {{/\(open.box.rawValue)}} first")
            }
            openBox = (box, offset, nil)
            emit(.open(box), at: offset)
        } else if word == "answer" {
            guard let open = openBox, open.box == .exercise else {
                throw error(at: offset, "{{answer}} outside an exercise", hint: "write it between {{exercise}} and {{/exercise}}")
            }
            if let answer = open.answer {
                throw error(at: offset, "a second {{answer}} in one exercise", hint: "the exercise's answer began on line \(line(answer))")
            }
            if partIsEmpty { throw error(at: offset, "the exercise has no question before {{answer}}") }
            openBox?.answer = offset
            emit(.answer, at: offset)
        } else {
            let box = Box(rawValue: String(word.dropFirst()))
            guard let open = openBox, open.box == box else {
                let hint = openBox.map { "the {{\($0.box.rawValue)}} of line \(line($0.offset)) is open" }
                throw error(at: offset, "\(written) closes no {{\(word.dropFirst())}}", hint: hint)
            }
            if open.box == .exercise && open.answer == nil {
                throw error(
                    at: open.offset, "the exercise has no {{answer}}",
                    hint: "write {{answer}} and the worked answer before {{/exercise}} on line \(line(offset))")
            }
            if partIsEmpty {
                throw error(at: offset, open.box == .exercise ? "the exercise's answer is empty" : "the key points are empty")
            }
            openBox = nil
            emit(.close(open.box), at: offset)
        }
        boxPartStart = markdown.utf8.count
    }

    /// Reads `number NAME` or `number NAME digits=N`, split into words.
    static func numberDirective(_ words: [String], error: (String) -> LocatedError) throws(LocatedError) -> (name: String, digits: Int) {
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
