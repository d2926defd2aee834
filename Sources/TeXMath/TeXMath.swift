/// Converts the TeX math subset used in the handout to MathML Core, which browsers render
/// without JavaScript.
public enum TeXMath {
    /// The result of converting one formula, with the equation metadata found in it.
    public struct Conversion: Equatable, Sendable {
        /// The `<math>` element.
        public var mathML: String
        /// Names from `\label{...}`, in order of appearance.
        public var labels: [String]
        /// The verbatim text of `\tag{...}` or `\tag*{...}`, if present.
        public var tag: String?
        /// True if the formula contains `\nonumber` or `\notag`.
        public var isNumberSuppressed: Bool
    }

    /// Converts TeX math (without the $ delimiters) to a MathML Core <math> element.
    /// display: true gives <math display="block">, false gives inline <math>.
    ///
    /// `\label`, `\tag`, `\nonumber` and `\notag` are accepted and produce no output;
    /// use ``convert(_:display:)`` to read them.
    public static func mathML(_ tex: String, display: Bool) throws(TeXError) -> String {
        try convert(tex, display: display).mathML
    }

    /// Converts like ``mathML(_:display:)`` and also reports labels, tag and `\nonumber`.
    /// `\tag` is an error in inline math, as in LaTeX.
    public static func convert(_ tex: String, display: Bool) throws(TeXError) -> Conversion {
        var parser = Parser(tex, display: display)
        let root = try parser.parseFormula()
        return Conversion(
            mathML: MathMLWriter().document(root, source: tex, display: display),
            labels: parser.labels,
            tag: parser.tag,
            isNumberSuppressed: parser.isNumberSuppressed)
    }
}
