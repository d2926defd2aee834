/// A command or character that stands for one fixed glyph.
struct Symbol: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// Drawn in `<mi>`; `upright` for symbols TeX sets in roman (capital Greek, `\nabla`).
        case identifier(upright: Bool)
        /// Drawn in `<mo>`; `spacing` overrides the MathML dictionary where it disagrees with TeX.
        case `operator`(AtomClass, spacing: String?)
        /// A bracket-like glyph that `\left`, `\right` and `\big` can size.
        case delimiter(AtomClass)
    }

    var text: String
    var kind: Kind

    var node: MathNode {
        switch kind {
        case .identifier(let upright):
            .identifier(text, upright: upright)
        case .operator(let atomClass, let spacing):
            .operator(MathOperator(text: text, atomClass: atomClass, spacing: spacing))
        case .delimiter(let atomClass):
            .delimiter(Delimiter(text: text, atomClass: atomClass, role: .plain))
        }
    }

    var isDelimiter: Bool {
        if case .delimiter = kind { return true }
        return false
    }
}

/// The glyph tables: which command or character gives which Unicode text and class.
enum Symbols {
    /// Symbol commands by name (without backslash).
    static let commands: [String: Symbol] = Dictionary(
        commandList, uniquingKeysWith: { first, _ in first })

    /// `\sum`-like operators: glyph and default limit placement.
    static let largeOperators: [String: (text: String, limits: Limits)] = [
        "sum": ("∑", .displayOnly), "prod": ("∏", .displayOnly), "coprod": ("∐", .displayOnly),
        "bigcup": ("⋃", .displayOnly), "bigcap": ("⋂", .displayOnly),
        "bigvee": ("⋁", .displayOnly), "bigwedge": ("⋀", .displayOnly),
        "bigoplus": ("⨁", .displayOnly), "bigotimes": ("⨂", .displayOnly),
        "bigodot": ("⨀", .displayOnly), "bigsqcup": ("⨆", .displayOnly),
        "int": ("∫", .never), "iint": ("∬", .never), "iiint": ("∭", .never), "oint": ("∮", .never),
    ]

    /// Named functions set in roman: name text and default limit placement.
    static let functionNames: [String: (text: String, limits: Limits)] = {
        var names: [String: (text: String, limits: Limits)] = [
            "liminf": ("lim\u{2009}inf", .displayOnly), "limsup": ("lim\u{2009}sup", .displayOnly),
        ]
        for name in ["lim", "max", "min", "sup", "inf", "det", "Pr", "gcd"] {
            names[name] = (name, .displayOnly)
        }
        for name in [
            "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth",
            "arcsin", "arccos", "arctan", "log", "ln", "lg", "exp", "arg", "deg", "dim", "hom", "ker",
        ] {
            names[name] = (name, .never)
        }
        return names
    }()

    /// What a character typed directly in math mode means.
    static func character(_ character: Character) -> MathNode? {
        if let symbol = asciiCharacters[character] {
            return symbol.node
        }
        let text = String(character)
        if let symbol = commandsByText[text] {
            return symbol.node
        }
        if let entry = largeOperators.values.first(where: { $0.text == text }) {
            return .largeOperator(entry.text, limits: entry.limits)
        }
        return nil
    }

    private static let asciiCharacters: [Character: Symbol] = [
        "+": binary("+"), "-": binary("−"), "*": binary("∗"),
        "=": relation("="), "<": relation("<"), ">": relation(">"),
        // MathML spaces a colon like punctuation; TeX's ":" is a relation.
        ":": Symbol(text: ":", kind: .operator(.relation, spacing: "0.2778em")),
        ",": punctuation(","), ";": punctuation(";"),
        "!": Symbol(text: "!", kind: .operator(.closing, spacing: nil)),
        "(": opening("("), "[": opening("["), ")": closing(")"), "]": closing("]"),
        "|": delimiter("|"), "/": delimiter("/"),
        ".": letterLike("."), "?": letterLike("?"), "@": letterLike("@"),
        "\"": letterLike("\""), "`": letterLike("`"),
    ]

    /// Lets Unicode input such as `≤` or `α` behave like the command that produces it.
    private static let commandsByText: [String: Symbol] = Dictionary(
        commandList.map { ($0.1.text, $0.1) }, uniquingKeysWith: { first, _ in first })

    private static let commandList: [(String, Symbol)] =
        greek + letterLikes + binaries + relations
        + punctuations + delimiters

    private static let greek: [(String, Symbol)] =
        [
            ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"),
            ("varepsilon", "ε"), ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"),
            ("iota", "ι"), ("kappa", "κ"), ("varkappa", "ϰ"), ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"),
            ("xi", "ξ"), ("omicron", "ο"), ("pi", "π"), ("varpi", "ϖ"), ("rho", "ρ"), ("varrho", "ϱ"),
            ("sigma", "σ"), ("varsigma", "ς"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "ϕ"),
            ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"), ("digamma", "ϝ"),
        ].map { ($0.0, italicLetter($0.1)) }
        + [
            ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"),
            ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
        ].map { ($0.0, letterLike($0.1)) }

    private static let letterLikes: [(String, Symbol)] = [
        ("infty", "∞"), ("partial", "∂"), ("nabla", "∇"), ("ell", "ℓ"), ("hbar", "ℏ"),
        ("imath", "ı"), ("jmath", "ȷ"), ("emptyset", "∅"), ("varnothing", "∅"), ("forall", "∀"),
        ("exists", "∃"), ("nexists", "∄"), ("neg", "¬"), ("lnot", "¬"), ("prime", "′"),
        ("Re", "ℜ"), ("Im", "ℑ"), ("aleph", "ℵ"), ("top", "⊤"), ("bot", "⊥"), ("angle", "∠"),
        ("triangle", "△"), ("ldots", "…"), ("dots", "…"), ("dotsc", "…"), ("cdots", "⋯"),
        ("dotsb", "⋯"), ("dotsm", "⋯"), ("vdots", "⋮"), ("ddots", "⋱"),
        ("%", "%"), ("&", "&"), ("#", "#"), ("$", "$"), ("_", "_"),
    ].map { ($0.0, letterLike($0.1)) }

    private static let binaries: [(String, Symbol)] = [
        ("pm", "±"), ("mp", "∓"), ("times", "×"), ("div", "÷"), ("cdot", "⋅"), ("ast", "∗"),
        ("star", "⋆"), ("circ", "∘"), ("bullet", "∙"), ("cup", "∪"), ("cap", "∩"),
        ("setminus", "∖"), ("oplus", "⊕"), ("ominus", "⊖"), ("otimes", "⊗"), ("odot", "⊙"),
        ("wedge", "∧"), ("land", "∧"), ("vee", "∨"), ("lor", "∨"), ("sqcup", "⊔"), ("sqcap", "⊓"),
        ("uplus", "⊎"), ("diamond", "⋄"), ("dagger", "†"),
    ].map { ($0.0, binary($0.1)) }

    private static let relations: [(String, Symbol)] = [
        ("le", "≤"), ("leq", "≤"), ("ge", "≥"), ("geq", "≥"), ("leqslant", "⩽"), ("geqslant", "⩾"),
        ("ne", "≠"), ("neq", "≠"), ("approx", "≈"), ("approxeq", "≊"), ("sim", "∼"),
        ("simeq", "≃"), ("cong", "≅"), ("equiv", "≡"), ("propto", "∝"), ("ll", "≪"), ("gg", "≫"),
        ("lesssim", "≲"), ("gtrsim", "≳"), ("asymp", "≍"), ("doteq", "≐"), ("triangleq", "≜"),
        ("coloneqq", "≔"), ("prec", "≺"), ("succ", "≻"), ("preceq", "⪯"), ("succeq", "⪰"),
        ("in", "∈"), ("notin", "∉"), ("ni", "∋"), ("subset", "⊂"), ("supset", "⊃"),
        ("subseteq", "⊆"), ("supseteq", "⊇"), ("sqsubseteq", "⊑"), ("perp", "⊥"), ("models", "⊨"),
        ("vdash", "⊢"), ("to", "→"), ("rightarrow", "→"), ("gets", "←"), ("leftarrow", "←"),
        ("leftrightarrow", "↔"), ("Rightarrow", "⇒"), ("Leftarrow", "⇐"), ("Leftrightarrow", "⇔"),
        ("implies", "⟹"), ("impliedby", "⟸"), ("iff", "⟺"), ("longrightarrow", "⟶"),
        ("longleftarrow", "⟵"), ("Longrightarrow", "⟹"), ("Longleftarrow", "⟸"), ("mapsto", "↦"),
        ("longmapsto", "⟼"),
    ].map { ($0.0, relation($0.1)) }

    private static let punctuations: [(String, Symbol)] = [
        ("colon", ":"), ("ldotp", "."),
    ].map { ($0.0, punctuation($0.1)) }

    private static let delimiters: [(String, Symbol)] =
        [
            ("{", "{"), ("lbrace", "{"), ("langle", "⟨"), ("lvert", "|"), ("lVert", "‖"),
            ("lfloor", "⌊"), ("lceil", "⌈"), ("lbrack", "["),
        ].map { ($0.0, opening($0.1)) }
        + [
            ("}", "}"), ("rbrace", "}"), ("rangle", "⟩"), ("rvert", "|"), ("rVert", "‖"),
            ("rfloor", "⌋"), ("rceil", "⌉"), ("rbrack", "]"),
        ].map { ($0.0, closing($0.1)) }
        + [
            ("vert", "|"), ("|", "‖"), ("Vert", "‖"), ("backslash", "\\"),
        ].map { ($0.0, delimiter($0.1)) }
        + [
            // Sized like brackets, but TeX classes these as relations.
            ("mid", "∣"), ("parallel", "∥"), ("uparrow", "↑"), ("downarrow", "↓"),
            ("updownarrow", "↕"), ("Uparrow", "⇑"), ("Downarrow", "⇓"),
        ].map { ($0.0, Symbol(text: $0.1, kind: .delimiter(.relation))) }

    private static func italicLetter(_ text: String) -> Symbol {
        Symbol(text: text, kind: .identifier(upright: false))
    }

    private static func letterLike(_ text: String) -> Symbol {
        Symbol(text: text, kind: .identifier(upright: true))
    }

    private static func binary(_ text: String) -> Symbol {
        Symbol(text: text, kind: .operator(.binary, spacing: nil))
    }

    private static func relation(_ text: String) -> Symbol {
        Symbol(text: text, kind: .operator(.relation, spacing: nil))
    }

    private static func punctuation(_ text: String) -> Symbol {
        Symbol(text: text, kind: .operator(.punctuation, spacing: nil))
    }

    private static func opening(_ text: String) -> Symbol {
        Symbol(text: text, kind: .delimiter(.opening))
    }

    private static func closing(_ text: String) -> Symbol {
        Symbol(text: text, kind: .delimiter(.closing))
    }

    private static func delimiter(_ text: String) -> Symbol {
        Symbol(text: text, kind: .delimiter(.ordinary))
    }
}

extension Symbols {
    /// The delimiter a token stands for, if `\left` or `\big` may size it.
    static func delimiter(_ kind: Token.Kind) -> Symbol? {
        let symbol: Symbol? =
            switch kind {
            case .character(let character): asciiCharacters[character]
            case .command(let name): commands[name]
            case .endOfInput: nil
            }
        return symbol?.isDelimiter == true ? symbol : nil
    }
}
