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

/// The nearest of `candidates` to a misspelt `name`, by edit distance, if any is close enough
/// to be what the user meant.
func nearest(_ name: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(name, $0)) }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
    guard let best = scored.first, best.1 <= max(2, name.count / 3) else { return nil }
    return best.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
