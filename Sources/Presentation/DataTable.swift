/// A tidy table (one row per observation, one header row), the numbers behind a figure as
/// written to `data/<id>.csv`.
public struct DataTable: Codable, Sendable, Hashable {
    public enum Cell: Codable, Sendable, Hashable {
        case text(String)
        case number(Double)
        case integer(Int)
        case flag(Bool)
    }

    public let columns: [String]
    public private(set) var rows: [[Cell]] = []

    public init(columns: [String]) {
        self.columns = columns
    }

    public mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    /// RFC 4180 CSV. Doubles are written with Swift's shortest round-tripping form, so the file
    /// holds exactly the numbers the figure was drawn from.
    public var csv: String {
        var text = columns.map(Self.quoted).joined(separator: ",") + "\n"
        for row in rows {
            text += row.map(Self.field).joined(separator: ",") + "\n"
        }
        return text
    }

    private static func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let value): quoted(value)
        case .number(let value): value.isFinite ? "\(value)" : (value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf"))
        case .integer(let value): "\(value)"
        case .flag(let value): value ? "true" : "false"
        }
    }

    private static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
