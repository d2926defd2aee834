/// A failure a user can cause, with where it happened and what to do about it: one type for a
/// configuration file, the prose and templates, and the command line, so that every such error
/// prints as one line and leaves with the same exit status.
public struct LocatedError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `file:line:column`, the file alone when no position applies, or the option that caused it.
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
public struct SourcePosition: Sendable, Hashable {
    public let line: Int
    public let column: Int

    /// `offset` counts characters, as the prose scanners do.
    public init(offset: Int, in characters: [Character]) {
        var line = 1
        var column = 1
        for character in characters.prefix(offset) {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        self.line = line
        self.column = column
    }
}
