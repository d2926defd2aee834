/// The italic correction of the math-italic letters, in em: how far the top of a slanted letter
/// leans past its advance. TeX adds it before a superscript and before what follows the letter;
/// Chromium's MathML applies neither, so `Y^2` set its 2 into the Y and `[Y]` its bracket.
/// The values are the `MathItalicsCorrectionInfo` of Latin Modern Math 1.959, the font the page
/// ships (`templates/fonts/`), for the letters whose correction is at least 0.05 em; smaller ones
/// are not visible at text sizes.
enum ItalicCorrection {
    static let em: [Character: Double] = [
        "C": 0.073, "E": 0.054, "F": 0.134, "H": 0.078, "I": 0.085, "J": 0.106, "K": 0.068, "M": 0.102,
        "N": 0.106, "P": 0.140, "S": 0.060, "T": 0.148, "U": 0.105, "V": 0.214, "W": 0.132, "X": 0.051,
        "Y": 0.209, "Z": 0.068, "f": 0.090, "γ": 0.053,
    ]

    /// A script is set at 71 % of its base's size (MathML Core's scriptlevel step), so a space
    /// measured in the base's em is this many of the script's.
    static let scriptScale = 0.71

    /// The correction of `node` if it is a single letter set in math italic.
    static func of(_ node: MathNode) -> Double? {
        guard case .identifier(let text, upright: false) = node, text.count == 1, let letter = text.first else { return nil }
        return em[letter]
    }

    /// `em` as a MathML length to a thousandth: "0.294em".
    static func length(_ em: Double) -> String {
        let thousandths = Int((em * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)em"
    }
}
