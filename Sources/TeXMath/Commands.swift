/// What a control sequence does; symbol commands are looked up in ``Symbols``.
enum Command: Sendable {
    case symbol(Symbol)
    case largeOperator(String, Limits)
    case functionName(String, Limits)
    /// `\operatorname{...}`, `\operatorname*{...}`.
    case operatorName
    case font(MathFont)
    case text
    case fraction(Fraction.Style, isBinomial: Bool)
    case squareRoot
    case accent(Accent)
    case rule(below: Bool)
    case stack(StackPosition)
    case space(mu: Int)
    case left, right, middle
    case sizedDelimiter(size: String, AtomClass)
    case begin, end
    case limits(Limits)
    case style(MathStyle)
    case label, tag, noNumber
    /// `\\`, which only ends rows inside environments.
    case lineBreak

    enum StackPosition: Sendable {
        case over, under
    }
}

/// The command table.
enum Commands {
    static func lookup(_ name: String) -> Command? {
        if let command = table[name] {
            return command
        }
        if let symbol = Symbols.commands[name] {
            return .symbol(symbol)
        }
        if let entry = Symbols.largeOperators[name] {
            return .largeOperator(entry.text, entry.limits)
        }
        if let entry = Symbols.functionNames[name] {
            return .functionName(entry.text, entry.limits)
        }
        // A backslash before a line break or tab is a control space, like `\ `.
        if name.count == 1, let character = name.first, character.isWhitespace {
            return .space(mu: 6)
        }
        return nil
    }

    /// Every command word, for "did you mean" suggestions.
    static let allNames: [String] =
        (Array(table.keys) + Array(Symbols.commands.keys)
        + Array(Symbols.largeOperators.keys) + Array(Symbols.functionNames.keys))
        .filter { $0.allSatisfy(\.isLetter) }
        .sorted()

    private static let table: [String: Command] = {
        var table: [String: Command] = [
            "operatorname": .operatorName,
            "text": .text, "textrm": .text, "textnormal": .text, "mbox": .text,
            "frac": .fraction(.inherited, isBinomial: false),
            "dfrac": .fraction(.display, isBinomial: false),
            "tfrac": .fraction(.text, isBinomial: false),
            "binom": .fraction(.inherited, isBinomial: true),
            "dbinom": .fraction(.display, isBinomial: true),
            "tbinom": .fraction(.text, isBinomial: true),
            "sqrt": .squareRoot,
            "overline": .rule(below: false), "underline": .rule(below: true),
            "overset": .stack(.over), "stackrel": .stack(.over), "underset": .stack(.under),
            "left": .left, "right": .right, "middle": .middle,
            "begin": .begin, "end": .end,
            "limits": .limits(.always), "nolimits": .limits(.never),
            "displaystyle": .style(.display), "textstyle": .style(.text),
            "scriptstyle": .style(.script), "scriptscriptstyle": .style(.scriptScript),
            "label": .label, "tag": .tag, "nonumber": .noNumber, "notag": .noNumber,
            "\\": .lineBreak,
        ]
        let fonts: [String: MathFont] = [
            "mathrm": .roman, "mathbf": .bold, "boldsymbol": .boldSymbol, "bm": .boldSymbol,
            "mathit": .italic, "mathcal": .calligraphic, "mathscr": .calligraphic,
            "mathfrak": .fraktur, "mathbb": .doubleStruck, "mathsf": .sansSerif, "mathtt": .monospace,
        ]
        for (name, font) in fonts {
            table[name] = .font(font)
        }
        let accents: [String: Accent] = [
            "hat": narrow("^"), "bar": narrow("¯"), "tilde": narrow("~"), "vec": narrow("→"),
            "dot": narrow("˙"), "ddot": narrow("¨"), "check": narrow("ˇ"), "breve": narrow("˘"),
            "acute": narrow("´"), "grave": narrow("`"), "mathring": narrow("˚"),
            // Fonts have stretch variants only for the combining forms of wide accents.
            "widehat": wide("\u{302}"), "widetilde": wide("\u{303}"),
            "overrightarrow": wide("→"), "overleftarrow": wide("←"),
            "overbrace": Accent(mark: "⏞", stretchy: true, below: false, isAccent: false),
            "underbrace": Accent(mark: "⏟", stretchy: true, below: true, isAccent: false),
        ]
        for (name, accent) in accents {
            table[name] = .accent(accent)
        }
        let spaces: [String: Int] = [
            ",": 3, "thinspace": 3, ":": 4, ">": 4, "medspace": 4, ";": 5, "thickspace": 5,
            "!": -3, "negthinspace": -3, " ": 6, "enspace": 9, "quad": 18, "qquad": 36,
        ]
        for (name, mu) in spaces {
            table[name] = .space(mu: mu)
        }
        // Total heights of LaTeX's \big ... \Bigg delimiters at 10pt: 12pt, 18pt, 24pt and 30pt.
        let sizes = [("big", "1.2em"), ("Big", "1.8em"), ("bigg", "2.4em"), ("Bigg", "3em")]
        let variants: [(String, AtomClass)] = [
            ("", .ordinary), ("l", .opening), ("r", .closing), ("m", .relation),
        ]
        for (stem, size) in sizes {
            for (suffix, atomClass) in variants {
                table[stem + suffix] = .sizedDelimiter(size: size, atomClass)
            }
        }
        return table
    }()

    private static func narrow(_ mark: String) -> Accent {
        Accent(mark: mark, stretchy: false, below: false, isAccent: true)
    }

    private static func wide(_ mark: String) -> Accent {
        Accent(mark: mark, stretchy: true, below: false, isAccent: true)
    }
}
