/// Where the renderings of a figure go in a folder initlab writes, the handout's and the
/// gallery's alike: `figures/<id>.<format>` in the light theme, `figures/<id>.dark.<format>`
/// in the dark one. One scheme, so that the pages' links and the files cannot disagree.
public enum FigurePaths {
    public static func rendering(_ id: String, theme: Theme, format: Format) -> String {
        "figures/\(id)\(theme == .light ? "" : ".\(theme.rawValue)").\(format.rawValue)"
    }
}
