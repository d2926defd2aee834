/// The colour scheme of a rendering; the figure itself is theme-independent.
public enum Theme: String, Sendable, Hashable, CaseIterable {
    /// White background, dark ink: for print and light web pages.
    case light
    /// Near-black background (#1E1E1E), light ink, palette lightened for contrast.
    case dark
}

/// The non-data colours of a theme.
struct ThemeColors: Sendable, Hashable {
    var background: Color
    /// Axis lines, ticks and all text.
    var ink: Color
    /// Grid lines: visible but well below the data.
    var grid: Color
    /// Legend box outline.
    var frame: Color

    init(_ theme: Theme) {
        switch theme {
        case .light:
            background = Color(hex: 0xFFFFFF)
            ink = Color(hex: 0x1A1A1A)
            grid = Color(hex: 0xE4E4E4)
            frame = Color(hex: 0xBDBDBD)
        case .dark:
            background = Color(hex: 0x1E1E1E)
            ink = Color(hex: 0xE0E0E0)
            grid = Color(hex: 0x383838)
            frame = Color(hex: 0x5A5A5A)
        }
    }
}
