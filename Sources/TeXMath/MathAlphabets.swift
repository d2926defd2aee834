/// The alphabets of `\mathbf`, `\mathbb` and friends.
///
/// MathML Core ignores `mathvariant` values other than `normal`, so styled letters are
/// written as characters from Unicode's Mathematical Alphanumeric Symbols block instead.
enum MathFont: Equatable, Sendable {
    case roman, bold, boldSymbol, italic, calligraphic, fraktur, doubleStruck, sansSerif, monospace

    /// Whether letters in this font stay upright after mapping (only `\mathrm` leaves
    /// them as plain Latin letters, which MathML would otherwise italicise).
    var keepsLettersUpright: Bool { self == .roman }

    /// The styled form of `character`, or the character itself where the font (or TeX)
    /// leaves it alone, such as lowercase Greek under `\mathbf`.
    func apply(to character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return character
        }
        let value = scalar.value
        let mapped: UInt32?
        switch value {
        case 0x41...0x5A:
            mapped = exception(for: character) ?? latinBase.map { $0.capital + value - 0x41 }
        case 0x61...0x7A:
            mapped = exception(for: character) ?? latinBase.map { $0.small + value - 0x61 }
        case 0x30...0x39:
            mapped = digitBase.map { $0 + value - 0x30 }
        case 0x391...0x3A9:
            mapped = capitalGreekBase.map { $0 + value - 0x391 }
        case 0x3B1...0x3C9:
            mapped = smallGreekBase.map { $0 + value - 0x3B1 }
        default:
            mapped = nil
        }
        guard let mapped, let result = Unicode.Scalar(mapped) else { return character }
        return Character(result)
    }

    private var latinBase: (capital: UInt32, small: UInt32)? {
        switch self {
        case .roman: nil
        case .bold: (0x1D400, 0x1D41A)
        case .italic: (0x1D434, 0x1D44E)
        case .boldSymbol: (0x1D468, 0x1D482)
        case .calligraphic: (0x1D49C, 0x1D4B6)
        case .fraktur: (0x1D504, 0x1D51E)
        case .doubleStruck: (0x1D538, 0x1D552)
        case .sansSerif: (0x1D5A0, 0x1D5BA)
        case .monospace: (0x1D670, 0x1D68A)
        }
    }

    private var digitBase: UInt32? {
        switch self {
        case .bold, .boldSymbol: 0x1D7CE
        case .doubleStruck: 0x1D7D8
        case .sansSerif: 0x1D7E2
        case .monospace: 0x1D7F6
        case .roman, .italic, .calligraphic, .fraktur: nil
        }
    }

    /// TeX sets capital Greek upright, so bold variants stay upright too.
    private var capitalGreekBase: UInt32? {
        switch self {
        case .bold, .boldSymbol: 0x1D6A8
        case .italic: 0x1D6E2
        case .roman, .calligraphic, .fraktur, .doubleStruck, .sansSerif, .monospace: nil
        }
    }

    /// Only `\boldsymbol` changes lowercase Greek, as in LaTeX.
    private var smallGreekBase: UInt32? {
        self == .boldSymbol ? 0x1D736 : nil
    }

    /// Letters that Unicode encoded earlier in Letterlike Symbols, leaving holes in the block.
    private func exception(for character: Character) -> UInt32? {
        switch self {
        case .italic:
            return character == "h" ? 0x210E : nil
        case .calligraphic:
            let holes: [Character: UInt32] = [
                "B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B, "I": 0x2110, "L": 0x2112,
                "M": 0x2133, "R": 0x211B, "e": 0x212F, "g": 0x210A, "o": 0x2134,
            ]
            return holes[character]
        case .fraktur:
            let holes: [Character: UInt32] = ["C": 0x212D, "H": 0x210C, "I": 0x2111, "R": 0x211C, "Z": 0x2128]
            return holes[character]
        case .doubleStruck:
            let holes: [Character: UInt32] = [
                "C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119, "Q": 0x211A, "R": 0x211D, "Z": 0x2124,
            ]
            return holes[character]
        case .roman, .bold, .boldSymbol, .sansSerif, .monospace:
            return nil
        }
    }
}
