/// A problem in a TeX formula, located so that the caller can point at it.
///
/// Offsets count Swift `Character`s (extended grapheme clusters) of the string given
/// to ``TeXMath/mathML(_:display:)``, so `tex.index(tex.startIndex, offsetBy: offset)`
/// finds the spot. A `"\r\n"` pair is one `Character` and ends one line.
public struct TeXError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One line that says what is wrong and how to fix it.
    public var message: String
    /// 0-based character offset of the problem in the input.
    public var offset: Int
    /// 1-based line of the problem within the input.
    public var line: Int
    /// 1-based column of the problem within its line.
    public var column: Int

    /// Creates an error with an explicit location.
    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `line:column: message`, the shape compilers use, so editors can jump to it.
    public var description: String {
        "\(line):\(column): \(message)"
    }

    init(_ message: String, at offset: Int, in source: [Character]) {
        let clamped = min(max(offset, 0), source.count)
        var line = 1
        var lineStart = 0
        for index in 0..<clamped where source[index].isNewline {
            line += 1
            lineStart = index + 1
        }
        self.init(message: message, offset: clamped, line: line, column: clamped - lineStart + 1)
    }
}
