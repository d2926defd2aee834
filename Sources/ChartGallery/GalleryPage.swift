import Charts
import TextSupport

/// The gallery's files and its index page.
extension ChartGallery {
    /// The folder-relative path of one rendering, named as the handout names its figures.
    static func path(_ example: GalleryExample, theme: Theme, format: Format) -> String {
        FigurePaths.rendering(example.name, theme: theme, format: format)
    }

    /// One example drawn in every format in one theme, by ``path(_:theme:format:)``.
    public static func files(for example: GalleryExample, theme: Theme) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for (format, bytes) in try ChartRenderer.render(example.figure, as: Set(Format.allCases), theme: theme) {
            files[path(example, theme: theme, format: format)] = bytes
        }
        return files
    }

    /// A static page showing every example in both themes with its name and description, and
    /// linking each SVG, PNG and PDF; all links relative, no scripts. Figures are `<img>`
    /// elements: inlined SVGs would collide on cairo's glyph ids.
    public static func indexPage() -> String {
        let contents = examples.map { ##"<li><a href="#\##($0.name)">\##($0.name)</a></li>"## }.joined(separator: "\n")
        let sections = examples.map(section).joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Chart gallery</title>
            <style>
            body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #1a1a1a; background: #fff; margin: 1.5rem auto; padding: 0 1rem; max-width: 1480px; line-height: 1.45; }
            nav ul { columns: 14rem; padding-left: 1.2rem; }
            section { border-top: 1px solid #ccc; margin-top: 2rem; }
            h2 { font-family: monospace; font-size: 1.2rem; }
            .themes { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1rem; align-items: start; }
            figure { margin: 0; padding: 0.5rem; border: 1px solid #ddd; }
            figure.dark { background: #1e1e1e; color: #e0e0e0; border-color: #1e1e1e; }
            figure.dark a { color: #8cc4ff; }
            img { display: block; max-width: 100%; height: auto; }
            figcaption { font-size: 0.85rem; margin-top: 0.3rem; }
            </style>
            </head>
            <body>
            <h1>Chart gallery</h1>
            <p>Every mark, scale and layout of the Charts module, each drawn once in the light and in the dark theme. \
            Each figure links to its SVG, its PNG (twice the point size) and its PDF.</p>
            <nav><ul>
            \(contents)
            </ul></nav>
            \(sections)
            </body>
            </html>

            """
    }

    private static func section(_ example: GalleryExample) -> String {
        let figure = example.figure
        // CSS pixels are 1/96 inch and chart points 1/72 inch: show figures at their print size.
        let width = Int((figure.size.width * 4 / 3).rounded()), height = Int((figure.size.height * 4 / 3).rounded())
        let themes = Theme.allCases.map { theme in
            let links = Format.allCases.map { #"<a href="\#(path(example, theme: theme, format: $0))">\#($0.rawValue.uppercased())</a>"# }
            return """
                <figure class="\(theme.rawValue)">
                <img src="\(path(example, theme: theme, format: .svg))" width="\(width)" height="\(height)" alt="\(XMLText.escape(figure.title)): \(XMLText.escape(figure.description))">
                <figcaption>\(theme.rawValue): \(links.joined(separator: " · "))</figcaption>
                </figure>
                """
        }
        return """
            <section id="\(example.name)">
            <h2>\(XMLText.escape(example.name))</h2>
            <p>\(XMLText.escape(example.description))</p>
            <div class="themes">
            \(themes.joined(separator: "\n"))
            </div>
            </section>
            """
    }
}
