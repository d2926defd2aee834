/// A configuration a build cannot use, located in its file.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `file:line:column`, or the file alone when no position applies.
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
