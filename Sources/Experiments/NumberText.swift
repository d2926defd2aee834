import Foundation

/// Numbers as the handout prints them: a fixed number of significant digits, a true minus sign,
/// and powers of ten written 4.54 × 10⁻⁵ rather than 4.54e-05.
public enum NumberText {
    /// `value` to `digits` significant digits. Values from 10⁻³ up to 10⁶ are written as plain
    /// decimals, others in scientific form.
    public static func format(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        let digits = max(1, digits)
        if value == 0 { return "0" }
        let magnitude = abs(value)
        // Rounding can carry into the next decade (9.9996 → 10.00): redo the exponent after it.
        let rounded = Double(String(format: "%.\(digits - 1)e", magnitude)) ?? magnitude
        let roundedExponent = Int(floor(log10(rounded)))
        let sign = value < 0 ? "\u{2212}" : ""
        if roundedExponent >= -3 && roundedExponent < 6 {
            let decimals = max(0, digits - 1 - roundedExponent)
            return sign + grouped(String(format: "%.\(decimals)f", rounded))
        }
        let mantissa = String(format: "%.\(digits - 1)f", rounded / pow(10, Double(roundedExponent)))
        return sign + mantissa + " × 10" + superscript(roundedExponent)
    }

    /// An integer exponent in Unicode superscript digits, with a superscript minus.
    public static func superscript(_ exponent: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(exponent)).map { digits[Int(String($0)) ?? 0] }
        return (exponent < 0 ? "⁻" : "") + String(body)
    }

    // Thin-space thousands groups from five integer digits on (12 345), as typeset tables do.
    private static func grouped(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        guard integer.count >= 5 else { return text }
        var out = ""
        for (i, c) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append("\u{2009}") }
            out.append(c)
        }
        return parts.count > 1 ? out + "." + parts[1] : out
    }
}
