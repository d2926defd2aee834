import Charts
import Foundation

/// `output/handout-single.html`: the page as one file for learning-management systems that take
/// one, making no request of its own. The style sheet is inlined with the font it loads; each
/// figure's `<picture>` is replaced by its light SVG, inline, with ids prefixed per figure; the
/// per-figure download links (`<span class="downloads">`) go, and any other link to a file of the
/// site keeps only its text.
public enum SingleFilePage {
    public static let path = "handout-single.html"

    /// The single file made from the site's `index.html` and the files it refers to.
    public static func make(from site: [String: Data]) -> Data {
        var page = String(decoding: site["index.html"] ?? Data(), as: UTF8.self)
        page = page.replacing(/<span class="downloads">[\s\S]*?<\/span>/, with: "")
        page = page.replacing(/<a href="([^"#:]+)">([\s\S]*?)<\/a>/) { match in
            site[String(match.output.1)] == nil ? String(match.output.0) : String(match.output.2)
        }
        // Last, so the patterns above do not search the megabytes of the font and the figures.
        page = page.replacing(/<link rel="stylesheet" href="([^"]+)">/) { match in
            guard let css = site[String(match.output.1)] else { return String(match.output.0) }
            return "<style>\n" + inlineURLs(String(decoding: css, as: UTF8.self), site: site) + "</style>"
        }
        var number = 0
        page = page.replacing(/<picture>[\s\S]*?<\/picture>/) { match in
            let picture = String(match.output)
            // The light SVG is the one a source offers without a media query.
            guard let source = picture.firstMatch(of: /<source type="image\/svg\+xml" srcset="([^"]+)">/),
                let svg = site[String(source.output.1)]
            else { return picture }
            number += 1
            return inline(svg, prefix: "figure\(number)-")
        }
        return Data(page.utf8)
    }

    /// The style sheet with each `url("…")` of a file of the site (the math font) as a `data:`
    /// URL. The style sheet lies at the top of the site, so its relative URLs are site paths.
    static func inlineURLs(_ css: String, site: [String: Data]) -> String {
        css.replacing(/url\("([^"#:]+)"\)/) { match in
            let path = String(match.output.1)
            guard let data = site[path] else { return String(match.output.0) }
            return "url(\"data:\(mediaType(path));base64,\(data.base64EncodedString())\")"
        }
    }

    static func mediaType(_ path: String) -> String {
        switch path.split(separator: ".").last {
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "otf": "font/otf"
        case "ttf": "font/ttf"
        default: "application/octet-stream"
        }
    }

    /// The SVG without its XML declaration, which may not stand inside HTML.
    static func inline(_ svg: Data, prefix: String) -> String {
        var text = String(decoding: SVGPostprocess.prefixingIDs([UInt8](svg), with: prefix), as: UTF8.self)
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            text = String(text[end.upperBound...].drop { $0.isNewline })
        }
        return text
    }
}
