import TeXMath
import TextSupport

extension ProseFile {
    /// The pass that converts the math to MathML, numbering the displayed equations as it goes:
    /// the files are converted in reading order, so the numbers run through the handout.
    mutating func convertMath(numbers: [String: Double], numbering: inout Document.Numbering) throws(LocatedError) {
        for (index, located) in scanner.pieces.enumerated() {
            switch located.piece {
            case .inlineMath(let tex):
                let conversion = try scanner.convertMath(tex, display: false, at: located, numbers: numbers)
                guard conversion.labels.isEmpty else { throw error(at: pieces[index], "\\label belongs in display math ($$…$$)") }
                pieces[index].html = conversion.mathML
            case .displayMath(let tex):
                let conversion = try scanner.convertMath(tex, display: true, at: located, numbers: numbers)
                guard conversion.labels.count <= 1 else {
                    let count = conversion.labels.count
                    throw error(at: pieces[index], "a displayed equation has one number, so at most one \\label; this one has \(count)")
                }
                let shown = try numbering.numberEquation(conversion, in: self, at: pieces[index])
                pieces[index].html = Self.equation(conversion.mathML, shown: shown, label: conversion.labels.first)
            default:
                continue
            }
        }
    }

    /// A displayed equation, with its number (or tag) and its anchor when it has them.
    private static func equation(_ mathML: String, shown: String?, label: String?) -> String {
        guard let shown else { return "<div class=\"equation\">\(mathML)</div>" }
        let anchor = label.map { " id=\"\(CrossReference.anchor(.equation, $0))\"" } ?? ""
        return "<div class=\"equation\"\(anchor)>\(mathML)<span class=\"equation-number\">(\(shown))</span></div>"
    }
}

extension ContentScanner {
    /// A math piece as MathML, with errors located in the prose file.
    func convertMath(
        _ tex: String, display: Bool, at located: Located, numbers: [String: Double]
    ) throws(LocatedError) -> TeXMath.Conversion {
        let start = located.offset + located.piece.delimiterLength
        let locate = { (offset: Int, message: String, hint: String?) in error(at: start + offset, message, hint: hint) }
        return try Formula(tex, numbers: numbers, locate: locate).convert(display: display, locate: locate)
    }
}
