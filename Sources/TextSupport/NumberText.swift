import Foundation

/// Numbers as the handout prints them: a fixed number of significant digits, a true minus sign,
/// and powers of ten written 4.54 × 10⁻⁵ rather than 4.54e-05; the same numbers as TeX for
/// use inside formulas.
public enum NumberText {
    /// `value` to `digits` significant digits, as Unicode text. Values from 10⁻³ up to 10⁶ are
    /// written as plain decimals, others in scientific form.
    public static func format(_ value: Double, digits: Int = 4) -> String {
        switch parts(value, digits: digits) {
        case .special(let text): text
        case .decimal(let negative, let integer, let fraction):
            (negative ? "\u{2212}" : "") + grouped(integer, separator: "\u{2009}") + (fraction.isEmpty ? "" : "." + fraction)
        case .scientific(let negative, let mantissa, let exponent):
            (negative ? "\u{2212}" : "") + mantissa + " × 10" + superscript(exponent)
        }
    }

    /// The same number as TeX: `4.540 \times 10^{-5}`, `22\,028`.
    public static func tex(_ value: Double, digits: Int = 4) -> String {
        switch parts(value, digits: digits) {
        case .special(let text): text == "NaN" ? #"\text{NaN}"# : (text.hasPrefix("−") ? #"-\infty"# : #"\infty"#)
        case .decimal(let negative, let integer, let fraction):
            (negative ? "-" : "") + grouped(integer, separator: #"\,"#) + (fraction.isEmpty ? "" : "." + fraction)
        case .scientific(let negative, let mantissa, let exponent):
            (negative ? "-" : "") + mantissa + #" \times 10^{"# + "\(exponent)}"
        }
    }

    /// A count as a title spells it: in words from zero to ninety-nine ("thirty", "forty-two"),
    /// in digits from 100 on and below zero. `capitalized` for the start of a title.
    public static func spelled(_ count: Int, capitalized: Bool = false) -> String {
        let ones = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        ]
        let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        let words: String
        switch count {
        case 0..<20: words = ones[count]
        case 20..<100: words = tens[count / 10] + (count % 10 == 0 ? "" : "-" + ones[count % 10])
        default: return String(count)
        }
        return capitalized ? words.prefix(1).uppercased() + words.dropFirst() : words
    }

    /// An integer exponent in Unicode superscript digits, with a superscript minus.
    public static func superscript(_ exponent: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(exponent)).compactMap { $0.wholeNumberValue.map { digits[$0] } }
        return (exponent < 0 ? "⁻" : "") + String(body)
    }

    private enum Parts {
        case special(String)
        case decimal(negative: Bool, integer: String, fraction: String)
        case scientific(negative: Bool, mantissa: String, exponent: Int)
    }

    private static func parts(_ value: Double, digits: Int) -> Parts {
        guard value.isFinite else { return .special(value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞")) }
        if value == 0 { return .decimal(negative: false, integer: "0", fraction: "") }
        // Counts (layers, units, samples) print whole, whatever the digits asked for.
        if value == value.rounded(), abs(value) < 1e6 {
            return .decimal(negative: value < 0, integer: String(Int(abs(value))), fraction: "")
        }
        let digits = max(1, digits)
        let magnitude = abs(value)
        // Round first: rounding can carry into the next decade (9.9996 → 10.00).
        let rounded = Double(String(format: "%.\(digits - 1)e", magnitude)) ?? magnitude
        let exponent = Int(floor(log10(rounded)))
        if exponent >= -3 && exponent < 6 {
            let text = String(format: "%.\(max(0, digits - 1 - exponent))f", rounded)
            let pieces = text.split(separator: ".", maxSplits: 1)
            return .decimal(negative: value < 0, integer: String(pieces[0]), fraction: pieces.count > 1 ? String(pieces[1]) : "")
        }
        let mantissa = String(format: "%.\(digits - 1)f", rounded / pow(10, Double(exponent)))
        return .scientific(negative: value < 0, mantissa: mantissa, exponent: exponent)
    }

    // Thousands groups from five integer digits on (12 345), as typeset tables do.
    private static func grouped(_ integer: String, separator: String) -> String {
        let digits = Array(integer)
        guard digits.count >= 5 else { return integer }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return out
    }
}
