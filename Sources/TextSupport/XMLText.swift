/// Text made safe for XML and HTML: one definition for the SVG figures, the MathML of the
/// equations and every page initlab writes.
public enum XMLText {
    /// Text safe inside an element or a quoted attribute: markup characters escaped, and the
    /// characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) dropped. Works on scalars,
    /// not characters: `&` followed by a combining mark is one `Character` but still an
    /// ampersand to a parser.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            // &#39; rather than &apos;, which HTML 4 and some e-mail readers do not know.
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}
