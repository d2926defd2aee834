/// The parsed formula: a tree close to TeX's math list, independent of MathML details.
indirect enum MathNode: Equatable, Sendable {
    /// A letter or letter-like symbol. `upright` asks for roman type where MathML would
    /// otherwise italicise a single letter.
    case identifier(String, upright: Bool)
    case number(String)
    case `operator`(MathOperator)
    case delimiter(Delimiter)
    case text(String)
    /// Horizontal space in math units (1/18 em); negative values pull neighbours together.
    case space(mu: Int)
    case row([MathNode])
    case fraction(Fraction)
    case radical(MathNode, index: MathNode?)
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?)
    case largeOperator(String, limits: Limits)
    /// `\sin`, `\lim`, `\operatorname{...}`: an upright name followed by function application.
    case functionName(MathNode, limits: Limits)
    case accent(MathNode, Accent)
    /// `\overline` or `\underline`: a rule above or below, drawn as a CSS border because
    /// common math fonts cannot stretch an overline glyph.
    case ruled(MathNode, below: Bool)
    case underOver(MathNode, under: MathNode?, over: MathNode?)
    /// `\left ... \right`; nil stands for the invisible `.` delimiter.
    case fenced(open: String?, close: String?, MathNode)
    case table(Table)
    case style(MathStyle, MathNode)
}

struct MathOperator: Equatable, Sendable {
    var text: String
    var atomClass: AtomClass
    /// Overrides MathML's operator-dictionary spacing where it disagrees with TeX.
    var spacing: String? = nil
}

struct Delimiter: Equatable, Sendable {
    enum Role: Equatable, Sendable {
        /// A bracket written without sizing: must not grow with its neighbours.
        case plain
        /// `\big(` and friends: a fixed size such as `"1.2em"`.
        case sized(String)
        /// `\middle|`: grows with the enclosing `\left ... \right`.
        case middle
        /// The `\left`/`\right` pair itself.
        case fence
    }

    var text: String
    var atomClass: AtomClass
    var role: Role
}

/// Where sub/superscripts of an operator go: TeX's `\limits`, `\nolimits` and default.
enum Limits: Equatable, Sendable {
    /// Under and over in display style, beside in text style (`\sum`, `\lim`).
    case displayOnly
    case always
    case never
}

struct Fraction: Equatable, Sendable {
    enum Style: Equatable, Sendable {
        case inherited, display, text
    }

    var numerator: MathNode
    var denominator: MathNode
    var style: Style
    var hasRule: Bool
}

struct Accent: Equatable, Sendable {
    var mark: String
    var stretchy: Bool
    var below: Bool
    /// False for `\underbrace`/`\overbrace`: they are operators whose scripts become limits.
    var isAccent: Bool
}

/// TeX's four math styles; they decide where operator limits go.
enum MathStyle: Equatable, Sendable {
    case display, text, script, scriptScript

    /// Style of sub- and superscripts.
    var script: MathStyle {
        switch self {
        case .display, .text: .script
        case .script, .scriptScript: .scriptScript
        }
    }

    /// Style of a fraction's numerator and denominator.
    var fractionPart: MathStyle {
        switch self {
        case .display: .text
        case .text: .script
        case .script, .scriptScript: .scriptScript
        }
    }
}

struct Table: Equatable, Sendable {
    enum Alignment: Equatable, Sendable {
        case left, center, right
    }

    enum Layout: Equatable, Sendable {
        /// amsmath `aligned`/`align`/`split`: right/left column pairs in display style.
        case alignment
        /// `gathered`: one centred display-style column.
        case gathered
        /// Matrices, `cases` and `array`: text style with the given columns.
        case grid([Alignment])
    }

    var layout: Layout
    var rows: [[MathNode]]
    /// Column boundaries (0 = before the first column) that carry a vertical rule, from `array{c|c}`.
    var rules: Set<Int> = []
}
