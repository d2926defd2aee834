/// A table the prose shows where it writes `{{table ID}}`: its cells as the page prints them,
/// and the data behind them, written beside the figures' data as `data/<id>.csv`.
public struct PageTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public let title: String
        /// Numbers are set right-aligned with tabular figures.
        public let numeric: Bool

        public init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    public let id: String
    public let columns: [Column]
    public private(set) var rows: [[String]] = []
    /// The measurements behind the cells, in long format.
    public internal(set) var data: DataTable

    public init(id: String, columns: [Column], data: DataTable) {
        self.id = id
        self.columns = columns
        self.data = data
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }
}
