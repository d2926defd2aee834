/// A failure a user can cause, with where it happened and what to do about it.
public struct ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (and line and column, when known) the problem is in, or the option that caused it.
    public var location: String
    public var message: String
    public var hint: String?

    public init(_ location: String, _ message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(location): \(message)" + (hint.map { " (\($0))" } ?? "")
    }
}

/// The position of an offset in a text, 1-based, as editors show it.
struct SourcePosition {
    let line: Int
    let column: Int

    init(offset: Int, in characters: [Character]) {
        var line = 1
        var column = 1
        for character in characters.prefix(offset) {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        self.line = line
        self.column = column
    }
}
