/// The categorical colours of ``Style/color``: Okabe & Ito's colour-blind-safe set, ordered so
/// that the first series get the most distinct hues and index 7 is the neutral ink used for
/// reference lines, then Tol's olive and a mid grey, so that up to ten kinds of series can
/// each keep a colour of their own through a set of figures.
///
/// | index | light theme | dark theme |
/// |---|---|---|
/// | 0 | blue #0072B2 | lightened blue #5A8CFF |
/// | 1 | vermillion #D55E00 | #E8772E |
/// | 2 | bluish green #009E73 | same |
/// | 3 | orange #E69F00 | same |
/// | 4 | reddish purple #CC79A7 | same |
/// | 5 | sky blue #56B4E9 | same |
/// | 6 | yellow #F0E442 | same |
/// | 7 | black #000000 | light grey #E0E0E0 |
/// | 8 | olive #999933 | same |
/// | 9 | grey #737373 | #A6A6A6 |
///
/// On the dark background the darkest hues are lightened so every colour keeps a
/// contrast ratio of at least 4 : 1 (the blue towards violet, so that it stays apart from the
/// sky blue), and black becomes the light ink.
public enum Palette {
    /// Number of distinct colours before indices wrap around.
    public static let count = 10
    /// The Okabe–Ito colours, the first eight, which ``Style/cycled(_:)`` runs through.
    static let okabeIto = 8

    private static let light: [UInt32] = [
        0x0072B2, 0xD55E00, 0x009E73, 0xE69F00, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x000000, 0x999933, 0x737373,
    ]
    private static let dark: [UInt32] = [
        0x5A8CFF, 0xE8772E, 0x009E73, 0xE69F00, 0xCC79A7, 0x56B4E9, 0xF0E442, 0xE0E0E0, 0x999933, 0xA6A6A6,
    ]

    /// The colour at `index` (wrapping, negative indices too) for a theme.
    static func color(_ index: Int, theme: Theme) -> Color {
        let wrapped = ((index % count) + count) % count
        return Color(hex: (theme == .light ? light : dark)[wrapped])
    }

    /// Viridis (van der Walt & Smith), sampled at 17 stops of matplotlib's 256-entry table.
    private static let viridisStops: [UInt32] = [
        0x440154, 0x47186A, 0x472C7B, 0x424085, 0x3A528B, 0x32628D, 0x2C728E, 0x26818E,
        0x20908C, 0x1E9F88, 0x28AE7F, 0x3EBC73, 0x5EC961, 0x83D34B, 0xADDC30, 0xD7E219,
        0xFDE725,
    ]

    /// Viridis at `t` in 0...1 (clamped), interpolated linearly between stops.
    static func viridis(_ t: Double) -> Color {
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(viridisStops.count - 1)
        let index = min(Int(position), viridisStops.count - 2)
        let f = position - Double(index)
        let a = Color(hex: viridisStops[index]), b = Color(hex: viridisStops[index + 1])
        return Color(
            red: a.red + f * (b.red - a.red),
            green: a.green + f * (b.green - a.green),
            blue: a.blue + f * (b.blue - a.blue))
    }
}
