/// Renders a ``MathNode`` tree as MathML Core.
struct MathMLWriter {
    static let namespace = "http://www.w3.org/1998/Math/MathML"

    /// The complete `<math>` element, with the TeX source kept as an annotation so that
    /// copying the formula keeps its source.
    func document(_ root: MathNode, source: String, display: Bool) -> String {
        let presentation = element(root, display ? .display : .text)
        let annotation = MathMLElement("annotation", text: source, [("encoding", "application/x-tex")])
        let semantics = MathMLElement("semantics", children: [presentation, annotation])
        var attributes = [("xmlns", Self.namespace)]
        if display {
            attributes.append(("display", "block"))
        }
        return MathMLElement("math", attributes, children: [semantics]).serialized
    }

    func element(_ node: MathNode, _ style: MathStyle) -> MathMLElement {
        switch node {
        case .identifier(let text, let upright):
            let isSingleItalic = text.count == 1 && text.first.map(Self.isItalicByDefault) == true
            return MathMLElement("mi", text: text, upright && isSingleItalic ? [("mathvariant", "normal")] : [])
        case .number(let text):
            return MathMLElement("mn", text: text)
        case .operator(let symbol):
            let spacing = symbol.spacing.map { [("lspace", $0), ("rspace", $0)] } ?? []
            return MathMLElement("mo", text: symbol.text, spacing)
        case .delimiter(let delimiter):
            return delimiterElement(delimiter)
        case .text(let text):
            return MathMLElement("mtext", text: text)
        case .space(let mu):
            // MathML Core lengths cannot be negative, so negative space is a negative margin.
            return mu >= 0
                ? MathMLElement("mspace", [("width", Self.em(mu))])
                : MathMLElement("mspace", [("style", "margin-left: -\(Self.em(-mu))")])
        case .row(let nodes):
            return wrapped(rowChildren(nodes, style))
        case .fraction(let fraction):
            return fractionElement(fraction, style)
        case .radical(let radicand, let index):
            guard let index else {
                return MathMLElement("msqrt", children: rowChildren(Self.items(radicand), style))
            }
            return MathMLElement("mroot", children: [element(radicand, style), element(index, .scriptScript)])
        case .scripts(let base, let sub, let sup):
            var baseElement = element(base, style)
            // Chromium sets a sized delimiter that carries a script below the math axis, so the
            // `)` of `\bigl(…\bigr)^2` sank under its partner; in a row of its own it sits right.
            if case .delimiter(let delimiter) = base, case .sized = delimiter.role {
                baseElement = MathMLElement("mrow", children: [baseElement])
            }
            let asLimits = placesLimits(base, style)
            var scripts = scripted(baseElement, under: sub, over: sup, asLimits: asLimits, style)
            // The superscript starts after the italic correction, as in TeX.
            if let correction = ItalicCorrection.of(base), sup != nil, !asLimits, let last = scripts.children.indices.last {
                let space = MathMLElement("mspace", [("width", ItalicCorrection.length(correction / ItalicCorrection.scriptScale))])
                scripts.children[last] = MathMLElement("mrow", children: [space, scripts.children[last]])
            }
            return scripts
        case .largeOperator(let text, let limits):
            var attributes = [("largeop", "true")]
            switch limits {
            case .always: attributes.append(("movablelimits", "false"))
            case .displayOnly: attributes.append(("movablelimits", "true"))
            case .never: break
            }
            return MathMLElement("mo", text: text, attributes)
        case .functionName(let name, _):
            return element(name, style)
        case .accent(let base, let accent):
            let mark = MathMLElement("mo", text: accent.mark, [("stretchy", accent.stretchy ? "true" : "false")])
            let children = [element(base, style), mark]
            if accent.below {
                return MathMLElement("munder", accent.isAccent ? [("accentunder", "true")] : [], children: children)
            }
            return MathMLElement("mover", accent.isAccent ? [("accent", "true")] : [], children: children)
        case .ruled(let base, let below):
            let edge = below ? "bottom" : "top"
            return MathMLElement(
                "mrow", [("style", "border-\(edge): 0.06em solid; padding-\(edge): 0.1em")],
                children: rowChildren(Self.items(base), style))
        case .underOver(let base, let under, let over):
            return scripted(element(base, style), under: under, over: over, asLimits: true, style)
        case .fenced(let open, let close, let content):
            var row = Row()
            if let open {
                row.append(delimiterElement(Delimiter(text: open, atomClass: .opening, role: .fence)))
            }
            append(Self.items(content), to: &row, style, leading: .opening, trailing: .closing)
            if let close {
                row.append(delimiterElement(Delimiter(text: close, atomClass: .closing, role: .fence)))
            }
            // Always a row of its own: stretchy fences grow to the height of their row.
            return MathMLElement("mrow", children: row.resolved)
        case .table(let table):
            return tableElement(table)
        case .style(let newStyle, let content):
            let attributes =
                switch newStyle {
                case .display: [("displaystyle", "true"), ("scriptlevel", "0")]
                case .text: [("displaystyle", "false"), ("scriptlevel", "0")]
                case .script: [("displaystyle", "false"), ("scriptlevel", "1")]
                case .scriptScript: [("displaystyle", "false"), ("scriptlevel", "2")]
                }
            return MathMLElement("mstyle", attributes, children: rowChildren(Self.items(content), newStyle))
        }
    }

    // MARK: Rows

    func rowChildren(
        _ nodes: [MathNode], _ style: MathStyle, leading: AtomClass? = nil
    ) -> [MathMLElement] {
        var row = Row()
        append(nodes, to: &row, style, leading: leading, trailing: nil)
        return row.resolved
    }

    /// Appends a list's elements, adding what TeX's spacing rules need and MathML would
    /// not infer: unary or binary forms for `+`/`−`, and thin spaces around function names.
    /// `leading`/`trailing` are the classes of the atoms just outside the list, if any.
    private func append(
        _ nodes: [MathNode], to row: inout Row, _ style: MathStyle, leading: AtomClass?, trailing: AtomClass?
    ) {
        var previous = leading
        for (index, node) in nodes.enumerated() {
            let element = element(node, style)
            guard let atomClass = node.atomClass else {
                row.append(element)
                continue
            }
            let following = nodes[(index + 1)...].lazy.compactMap(\.atomClass).first ?? trailing
            var effectiveClass = atomClass
            switch atomClass {
            case .binary:
                let isUnary =
                    (previous?.makesFollowingBinaryUnary ?? true)
                    || (following?.makesPrecedingBinaryUnary ?? true)
                row.append(element, form: isUnary ? "prefix" : "infix")
                if isUnary {
                    effectiveClass = .ordinary
                }
            case .relation:
                row.append(element, form: "infix")
            case .largeOperator where node.isFunctionApplication:
                if let previous, [.ordinary, .largeOperator, .closing, .inner].contains(previous) {
                    row.append(MathMLElement("mspace", [("width", Self.em(3))]))
                }
                row.append(element)
                // U+2061 FUNCTION APPLICATION tells assistive technology that the name applies
                // to what follows; its right space is TeX's thin space before an ordinary atom.
                let isSpaced = following.map { [.ordinary, .largeOperator, .inner].contains($0) } ?? false
                row.append(MathMLElement("mo", text: "\u{2061}", isSpaced ? [("rspace", Self.em(3))] : []))
            default:
                row.append(element)
                // A slanted letter before a closing delimiter gets its italic correction, as in TeX.
                if let correction = ItalicCorrection.of(node), index + 1 < nodes.count, nodes[index + 1].atomClass == .closing {
                    row.append(MathMLElement("mspace", [("width", ItalicCorrection.length(correction))]))
                }
            }
            previous = effectiveClass
        }
    }

    /// Children of an mrow-like element, collecting the operator forms TeX wants so they
    /// can be compared with the forms MathML will infer from the final positions.
    struct Row {
        private(set) var elements: [MathMLElement] = []
        private var forms: [(index: Int, form: String)] = []

        mutating func append(_ element: MathMLElement, form: String? = nil) {
            if let form, element.name == "mo" {
                forms.append((elements.count, form))
            }
            elements.append(element)
        }

        var resolved: [MathMLElement] {
            var result = elements
            for (index, form) in forms where result[index].attribute("form") == nil {
                if Self.inferredForm(at: index, count: result.count) != form {
                    result[index].setAttribute("form", form)
                }
            }
            return result
        }

        /// MathML Core: first of several children is prefix, last is postfix, others infix.
        private static func inferredForm(at index: Int, count: Int) -> String {
            guard count > 1 else { return "infix" }
            if index == 0 { return "prefix" }
            return index == count - 1 ? "postfix" : "infix"
        }
    }

    private func wrapped(_ elements: [MathMLElement]) -> MathMLElement {
        elements.count == 1 ? elements[0] : MathMLElement("mrow", children: elements)
    }

    // MARK: Constructs

    private func delimiterElement(_ delimiter: Delimiter) -> MathMLElement {
        var attributes: [(String, String)]
        switch delimiter.role {
        case .plain:
            // MathML Core stretches brackets to their row by default; TeX does not.
            attributes = [("stretchy", "false")]
        case .fence:
            attributes = [("fence", "true"), ("stretchy", "true")]
        case .middle:
            attributes = [("fence", "true"), ("stretchy", "true"), ("lspace", "0.05em"), ("rspace", "0.05em")]
        case .sized(let size):
            attributes = [("stretchy", "true"), ("symmetric", "true"), ("minsize", size), ("maxsize", size)]
        }
        if delimiter.role != .middle {
            if delimiter.atomClass == .relation {
                attributes += [("lspace", Self.em(5)), ("rspace", Self.em(5))]
            } else if Self.barLikeDelimiters.contains(delimiter.text) {
                // The dictionary spaces an infix bar like a relation; as a delimiter it needs none.
                attributes += [("lspace", "0em"), ("rspace", "0em")]
            }
        }
        return MathMLElement("mo", text: delimiter.text, attributes)
    }

    private func fractionElement(_ fraction: Fraction, _ style: MathStyle) -> MathMLElement {
        let target: MathStyle =
            switch fraction.style {
            case .inherited: style
            case .display: .display
            case .text: .text
            }
        var attributes: [(String, String)] = []
        if target != style {
            attributes.append(("displaystyle", target == .display ? "true" : "false"))
            if style == .script || style == .scriptScript {
                attributes.append(("scriptlevel", "0"))
            }
        }
        if !fraction.hasRule {
            attributes.append(("linethickness", "0"))
        }
        let partStyle = target.fractionPart
        return MathMLElement(
            "mfrac", attributes,
            children: [element(fraction.numerator, partStyle), element(fraction.denominator, partStyle)])
    }

    private func scripted(
        _ base: MathMLElement, under: MathNode?, over: MathNode?, asLimits: Bool, _ style: MathStyle
    ) -> MathMLElement {
        var children = [base]
        if let under {
            children.append(element(under, style.script))
        }
        if let over {
            children.append(element(over, style.script))
        }
        let name =
            switch (under != nil, over != nil) {
            case (true, true): asLimits ? "munderover" : "msubsup"
            case (true, false): asLimits ? "munder" : "msub"
            case (false, true): asLimits ? "mover" : "msup"
            case (false, false): "mrow"
            }
        return MathMLElement(name, children: children)
    }

    /// Operators take limits below and above when asked to, or by default in display style.
    private func placesLimits(_ base: MathNode, _ style: MathStyle) -> Bool {
        switch base {
        case .largeOperator(_, let limits), .functionName(_, let limits):
            limits == .always || (limits == .displayOnly && style == .display)
        default:
            false
        }
    }

    private func tableElement(_ table: Table) -> MathMLElement {
        let isDisplay =
            switch table.layout {
            case .alignment, .gathered: true
            case .grid: false
            }
        let columnCount = table.rows.map(\.count).max() ?? 0
        let rows = table.rows.map { cells in
            let cellElements = cells.enumerated().map { column, cell in
                // amsmath starts the right-hand cells of aligned with {}, so `&= x` spaces `=`.
                let leading: AtomClass? = table.layout == .alignment && column % 2 == 1 ? .ordinary : nil
                let css = cellStyle(table, column: column, columnCount: columnCount)
                var children = rowChildren(Self.items(cell), isDisplay ? .display : .text, leading: leading)
                // The page's style sheet right-aligns these cells as flex boxes, which Chromium
                // honours where it ignores text-align; one row inside keeps the cell's spacing
                // and stretched delimiters, which a flex box of separate items loses.
                if table.layout == .alignment, column.isMultiple(of: 2), children.count > 1 {
                    children = [MathMLElement("mrow", children: children)]
                }
                return MathMLElement("mtd", css.map { [("style", $0)] } ?? [], children: children)
            }
            return MathMLElement("mtr", children: cellElements)
        }
        return MathMLElement("mtable", [("displaystyle", isDisplay ? "true" : "false")], children: rows)
    }

    /// MathML Core has no `columnalign`; CSS on the cells gives amsmath's alignment and spacing.
    private func cellStyle(_ table: Table, column: Int, columnCount: Int) -> String? {
        var declarations: [String] = []
        let isLast = column == columnCount - 1
        switch table.layout {
        case .alignment:
            if column.isMultiple(of: 2) {
                declarations = ["text-align: right", "padding-left: \(column == 0 ? "0" : "1em")", "padding-right: 0"]
            } else {
                declarations = ["text-align: left", "padding-left: 0", "padding-right: \(isLast ? "0" : "1em")"]
            }
        case .gathered:
            break
        case .grid(let alignments):
            let alignment = column < alignments.count ? alignments[column] : .center
            if alignment == .left {
                declarations.append("text-align: left")
            } else if alignment == .right {
                declarations.append("text-align: right")
            }
            if column == 0 {
                declarations.append("padding-left: 0")
            }
            if isLast {
                declarations.append("padding-right: 0")
            }
            if table.rules.contains(column) {
                declarations.append("border-left: 0.06em solid")
            }
            if isLast, table.rules.contains(columnCount) {
                declarations.append("border-right: 0.06em solid")
            }
        }
        return declarations.isEmpty ? nil : declarations.joined(separator: "; ")
    }

    // MARK: Helpers

    private static let barLikeDelimiters: Set<String> = ["|", "‖", "/", "\\"]

    private static func items(_ node: MathNode) -> [MathNode] {
        if case .row(let nodes) = node {
            return nodes
        }
        return [node]
    }

    /// Math units (1/18 em) as a CSS length with at most four decimals.
    static func em(_ mu: Int) -> String {
        let tenThousandths = (mu * 20000 + 18) / 36
        let whole = tenThousandths / 10000
        var fraction = String(tenThousandths % 10000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.last == "0" {
            fraction.removeLast()
        }
        return fraction.isEmpty ? "\(whole)em" : "\(whole).\(fraction)em"
    }

    /// Characters that MathML Core italicises when alone in `<mi>` (text-transform: math-auto).
    private static func isItalicByDefault(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return false
        }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x131, 0x237, 0x391...0x3A9, 0x3B1...0x3C9,
            0x3D1, 0x3D5, 0x3D6, 0x3F0, 0x3F1, 0x3F4, 0x3F5, 0x2202, 0x2207:
            return true
        default:
            return false
        }
    }
}

extension MathNode {
    /// Function names, with or without scripts, are followed by U+2061 FUNCTION APPLICATION.
    var isFunctionApplication: Bool {
        switch self {
        case .functionName: true
        case .scripts(let base, _, _): base.isFunctionApplication
        default: false
        }
    }
}
