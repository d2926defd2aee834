import TextSupport

/// The `\begin{...}` environments TeXMath understands.
enum Environment: String, CaseIterable, Sendable {
    case aligned, align
    case alignStar = "align*"
    case split, gathered, gather
    case gatherStar = "gather*"
    case matrix, pmatrix, bmatrix
    case braceMatrix = "Bmatrix"
    case vmatrix
    case doubleBarMatrix = "Vmatrix"
    case cases, array

    /// The fences drawn around the table.
    var delimiters: (open: String?, close: String?)? {
        switch self {
        case .pmatrix: ("(", ")")
        case .bmatrix: ("[", "]")
        case .braceMatrix: ("{", "}")
        case .vmatrix: ("|", "|")
        case .doubleBarMatrix: ("‖", "‖")
        case .cases: ("{", nil)
        case .aligned, .align, .alignStar, .split, .gathered, .gather, .gatherStar, .matrix, .array: nil
        }
    }

    /// The most columns amsmath allows, where it sets a limit.
    var maximumColumns: Int? {
        switch self {
        case .split, .cases: 2
        case .gathered, .gather, .gatherStar: 1
        default: nil
        }
    }

    var layout: Table.Layout {
        switch self {
        case .aligned, .align, .alignStar, .split: .alignment
        case .gathered, .gather, .gatherStar: .gathered
        case .cases: .grid([.left, .left])
        case .matrix, .pmatrix, .bmatrix, .braceMatrix, .vmatrix, .doubleBarMatrix, .array: .grid([])
        }
    }
}

/// Parsing of `\begin{name} ... \end{name}` into a table.
extension Parser {
    mutating func parseEnvironment(begin: Token) throws(TeXError) -> MathNode {
        let name = try readName(after: begin, usage: "\\begin{aligned}")
        guard let environment = Environment(rawValue: name) else {
            let known = Environment.allCases.map(\.rawValue)
            let hint =
                nearestName(to: name, in: known).map { " (did you mean \($0)?)" }
                ?? ": use one of " + known.joined(separator: ", ")
            throw lexer.error("unknown environment \(name)\(hint)", at: begin.start)
        }
        var layout = environment.layout
        var maximumColumns = environment.maximumColumns
        var rules: Set<Int> = []
        if environment == .array {
            let columns = try parseColumnSpecification(after: begin)
            layout = .grid(columns.alignments)
            maximumColumns = columns.alignments.count
            rules = columns.rules
        }
        let rows = try parseRows(of: name, begin: begin, maximumColumns: maximumColumns)
        let table = MathNode.table(Table(layout: layout, rows: rows, rules: rules))
        guard let delimiters = environment.delimiters else { return table }
        return .fenced(open: delimiters.open, close: delimiters.close, table)
    }

    private mutating func parseRows(
        of name: String, begin: Token, maximumColumns: Int?
    ) throws(TeXError) -> [[MathNode]] {
        var rows: [[MathNode]] = []
        var cells: [MathNode] = []
        while true {
            cells.append(.row(try parseList()))
            let token = lexer.peek()
            switch token.kind {
            case .character("&"):
                lexer.next()
                if let maximumColumns, cells.count >= maximumColumns {
                    throw lexer.error(
                        "too many columns: \(name) allows \(maximumColumns); remove this &", at: token.start)
                }
            case .command("\\"):
                lexer.next()
                try skipRowSpacing()
                rows.append(cells)
                cells = []
            case .command("end"):
                lexer.next()
                let endName = try readName(after: token, usage: "\\end{\(name)}")
                guard endName == name else {
                    throw lexer.error(
                        "\\end{\(endName)} does not match \\begin{\(name)}: write \\end{\(name)}",
                        at: token.start)
                }
                rows.append(cells)
                // A \\ right before \end is nearly always a leftover; like KaTeX, add no empty row.
                if rows.count > 1, rows.last == [.row([])] {
                    rows.removeLast()
                }
                return rows
            case .command("right"):
                throw strayEnd(token)
            default:
                throw lexer.error(
                    "\\begin{\(name)} is never closed: add \\end{\(name)} before \(describe(token))",
                    at: begin.start)
            }
        }
    }

    /// `\\[4pt]` asks for extra space below a row; MathML Core's table rows have fixed padding,
    /// so the amount is checked and dropped.
    private mutating func skipRowSpacing() throws(TeXError) {
        guard let group = try lexer.readBracketedGroup() else { return }
        let isLength = group.content.allSatisfy { $0.isNumber || $0.isLetter || ".-+ ".contains($0) }
        guard isLength, group.content.contains(where: \.isNumber) else {
            throw lexer.error(
                "\\\\ may only be followed by a spacing such as [4pt]; to start a row with [, write {[}",
                at: group.openOffset)
        }
    }

    private mutating func parseColumnSpecification(
        after begin: Token
    ) throws(TeXError) -> (alignments: [Table.Alignment], rules: Set<Int>) {
        guard let group = try lexer.readBracedGroup() else {
            throw lexer.error(
                "\\begin{array} needs a column specification: write \\begin{array}{lcr}",
                at: begin.start)
        }
        var alignments: [Table.Alignment] = []
        var rules: Set<Int> = []
        for (index, character) in group.content.enumerated() {
            switch character {
            case "l": alignments.append(.left)
            case "c": alignments.append(.center)
            case "r": alignments.append(.right)
            case "|": rules.insert(alignments.count)
            case _ where character.isWhitespace: continue
            default:
                throw lexer.error(
                    "unsupported column type \(character) in array: use l, c, r or |",
                    at: group.contentStart + index)
            }
        }
        guard !alignments.isEmpty else {
            throw lexer.error(
                "\\begin{array} needs at least one column: write \\begin{array}{lcr}",
                at: group.openOffset)
        }
        return (alignments, rules)
    }
}
