import Foundation

/// Which link addresses the handout may carry: `http:`, `https:`, `mailto:`, relative paths and
/// `#fragment`s. Any other scheme (`javascript:`, `data:`, `vbscript:`, `file:` …) runs code or
/// reads the reader's machine when clicked, so it is refused however it is spelled.
enum LinkAddress {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Why `address` may not be a link, or nil when it may.
    static func problem(_ address: String) -> String? {
        // Shown with its control characters visible, so that the message stays on one line.
        let shown = address.unicodeScalars.map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
        if let bad = address.first(where: { $0 == "\"" || $0 == "<" || $0 == ">" }) {
            return "the link address \(shown) contains \(bad), which would end the HTML attribute it goes in"
        }
        // Browsers drop tabs and line breaks anywhere and spaces or control characters at the
        // ends before they read the scheme, so "java\tscript:" is still javascript:.
        let cleaned = String(String.UnicodeScalarView(address.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
            .trimmingCharacters(in: CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(0x20)))
        let beforePath = cleaned.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // A character reference hides what it stands for until the browser decodes it:
        // "javascript&#58;" has a colon, "&#106;avascript:" a j.
        if beforePath.contains("&") {
            return "the link address \(shown) has a character reference (&…;) before its first /, which could hide its scheme"
        }
        guard let colon = beforePath.firstIndex(of: ":") else { return nil }
        let scheme = beforePath[..<colon].lowercased()
        if allowedSchemes.contains(scheme) { return nil }
        return "the link address \(shown) uses the scheme \(scheme.isEmpty ? "(empty)" : scheme):, "
            + "and only http:, https:, mailto:, relative addresses and #fragments are allowed"
    }
}
