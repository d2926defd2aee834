import TextSupport

/// The tables in one section's HTML (Ink's Markdown tables and `{{checks}}` tables): each
/// `Table:` caption moved into the table beside it, Ink's `align` attributes (obsolete in HTML5)
/// turned into classes, and every table wrapped so that a wide one scrolls on a narrow screen.
enum ProseTables {
    struct Caption {
        /// The caption's piece in the scanner, whose token becomes "Table N.".
        let piece: Int
        let number: Int
        let label: String?
    }

    /// `html` with its tables captioned and wrapped, and the captions numbered from `firstNumber`.
    static func arrange(
        _ html: String, scanner: ContentScanner, firstNumber: Int
    ) throws(LocatedError) -> (html: String, captions: [Caption]) {
        var html = html
        for alignment in ["left", "center", "right"] {
            html = html.replacingOccurrences(of: " align=\"\(alignment)\"", with: " class=\"align-\(alignment)\"")
        }
        var captions: [Caption] = []
        for (piece, located) in scanner.pieces.enumerated() where located.piece == .tableCaption {
            // The scanner accepts `{#tab:…}` only at the end of a caption line: this caption's.
            let label = scanner.pieces.enumerated().lazy.compactMap { number, candidate -> (piece: Int, id: String)? in
                guard case .label(.table, let id) = candidate.piece, candidate.offset > located.offset,
                    !scanner.characters[located.offset..<candidate.offset].contains("\n")
                else { return nil }
                return (number, id)
            }.first
            html = try attach(piece: piece, label: label, to: html, scanner: scanner, offset: located.offset)
            captions.append(Caption(piece: piece, number: firstNumber + captions.count, label: label?.id))
        }
        html = html.replacingOccurrences(of: "<table", with: "<div class=\"table-scroll\"><table")
        return (html.replacingOccurrences(of: "</table>", with: "</table></div>"), captions)
    }

    private static func attach(
        piece: Int, label: (piece: Int, id: String)?, to html: String, scanner: ContentScanner, offset: Int
    ) throws(LocatedError) -> String {
        let token = ContentScanner.token(piece)
        guard let open = html.range(of: "<p>" + token), let close = html[open.upperBound...].range(of: "</p>") else {
            throw scanner.error(
                at: offset, "a table caption must be a paragraph of its own", hint: "start the line with Table: outside lists and quotes")
        }
        var caption = String(html[html.index(open.lowerBound, offsetBy: 3)..<close.lowerBound])
        if let label { caption = caption.replacingOccurrences(of: ContentScanner.token(label.piece), with: "") }
        caption = caption.trimmingCharacters(in: .whitespaces)
        let before = html[..<open.lowerBound]
        let after = html[close.upperBound...]
        let anchor = label.map { " id=\"\(CrossReference.anchor(.table, $0.id))\"" } ?? ""
        // Between two tables, a caption belongs to the one before unless that one has its own:
        // both "caption above" and "caption below" prose then number as the author meant.
        let preceding = before.reversed().drop { $0.isWhitespace }
        if String(preceding.prefix(8).reversed()) == "</table>", let tableStart = before.range(of: "<table", options: .backwards),
            let captioned = insert(caption, anchor: anchor, into: before[tableStart.lowerBound...])
        {
            return String(before[..<tableStart.lowerBound]) + captioned + after
        }
        let following = after.drop { $0.isWhitespace }
        if following.hasPrefix("<table"), let captioned = insert(caption, anchor: anchor, into: following) {
            return String(before) + captioned
        }
        throw scanner.error(at: offset, "a table caption must stand on the line just before or just after a table without a caption")
    }

    /// `table` (HTML starting with `<table`) with the anchor on its tag and the caption inside,
    /// or nil when it has a caption already.
    private static func insert(_ caption: String, anchor: String, into table: Substring) -> String? {
        guard let tagEnd = table.firstIndex(of: ">") else { return nil }
        let body = table[table.index(after: tagEnd)...]
        guard !body.hasPrefix("<caption") else { return nil }
        return table[..<tagEnd] + anchor + "><caption>" + caption + "</caption>" + body
    }
}
