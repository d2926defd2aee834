/// Why FileSafety refused to remove or replace something, or could not write it: one line that
/// names the path, and what to do about it. Not a `LocatedError`: the path is not yet where the
/// user wrote it, and each caller locates it at the option or key that named it (`--output`).
public struct FileSafetyError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var hint: String?

    public init(_ path: String, _ reason: String, hint: String? = nil) {
        self.path = path
        self.reason = reason
        self.hint = hint
    }

    public var description: String {
        "\(path): \(reason)" + (hint.map { " (\($0))" } ?? "")
    }
}
