import Presentation

/// A presenter's table as the `data-table` partial shows it (`{{table ID}}` in the prose): the
/// cells as the presenter wrote them, numeric columns marked for alignment, and the link to the
/// data behind them.
enum PageTableView {
    static func context(_ table: PageTable) -> [String: Any] {
        [
            "csv": FigureFiles.csvPath(table.id),
            "span": table.columns.count,
            "columns": table.columns.map { ["title": $0.title, "numeric": $0.numeric] as [String: Any] },
            "rows": table.rows.map { row in
                ["cells": zip(row, table.columns).map { ["text": $0, "numeric": $1.numeric] as [String: Any] }] as [String: Any]
            },
        ]
    }
}
