/// Why a figure could not be rendered, with a one-line message naming the part at fault.
public struct ChartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad cause.
    public enum Kind: Sendable, Hashable {
        /// The figure is inconsistent (no columns, mismatched array lengths, empty domain...).
        case invalidFigure
        /// cairo failed to create a surface or to draw (usually out of memory).
        case cairo
        /// zlib failed to compress a PNG (usually out of memory).
        case encoding
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String {
        switch kind {
        case .invalidFigure: "invalid figure: \(message)"
        case .cairo: "cairo: \(message)"
        case .encoding: "PNG encoding: \(message)"
        }
    }
}
