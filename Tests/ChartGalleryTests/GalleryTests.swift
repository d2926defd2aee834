import FileSafety
import Foundation
import Scratch
import Testing

@testable import ChartGallery
@testable import Charts

/// The gallery's examples are named for files, together cover the whole chart vocabulary, and
/// make a folder with a self-contained index page.
@Suite struct GalleryTests {
    /// The gallery writes each example in every format, under the names the handout gives its
    /// figures. (That every example renders is a test of Charts, which draws them as fixtures.)
    @Test(arguments: Theme.allCases)
    func filesAreNamedAsTheHandoutNamesFigures(theme: Theme) throws {
        let files = try ChartGallery.files(for: ChartGallery.small, theme: theme)
        let suffix = theme == .light ? "" : ".dark"
        #expect(files.keys.sorted() == ["pdf", "png", "svg"].map { "figures/small\(suffix).\($0)" })
        let svg = try #require(files[ChartGallery.path(ChartGallery.small, theme: theme, format: .svg)])
        #expect(String(decoding: svg, as: UTF8.self).hasSuffix("</svg>\n"))
    }

    @Test func namesAreUniqueAndSafeForFiles() {
        let names = ChartGallery.examples.map(\.name)
        #expect(Set(names).count == names.count)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        for example in ChartGallery.examples {
            #expect(!example.name.isEmpty && example.name.allSatisfy(allowed.contains), "\(example.name)")
            #expect(!example.description.isEmpty)
        }
    }

    /// Everything the chart model can express appears in at least one example.
    @Test func examplesCoverTheVocabulary() {
        var seen = Set<String>()
        for figure in ChartGallery.examples.map(\.figure) {
            if figure.columns > 1 { seen.insert("grid") }
            if figure.legend == .shared { seen.insert("shared legend") }
            if figure.sharedAxes.contains(.x) { seen.insert("shared x") }
            if figure.sharedAxes.contains(.y) { seen.insert("shared y") }
            for panel in figure.panels {
                if panel.title != nil { seen.insert("panel title") }
                if panel.marks.isEmpty { seen.insert("empty panel") }
                if panel.x.domain != nil || panel.y.domain != nil { seen.insert("explicit domain") }
                for scale in [panel.x.scale, panel.y.scale] { seen.insert("\(scale)") }
                seen.insert("legend \(panel.legend)")
                for mark in panel.marks { seen.formUnion(Self.features(mark)) }
            }
        }
        var expected: Set<String> = [
            "grid", "shared legend", "shared x", "shared y", "panel title", "empty panel", "explicit domain", "linear", "log10",
            "legend auto", "legend none", "legend outsideRight",
            "line", "points", "rule horizontal", "rule vertical", "annotation", "band", "histogram count", "histogram density",
            "histogram filled", "histogram step", "boxes", "violins named", "violins at", "point mass", "heatmap", "non-finite",
        ]
        expected.formUnion(Dash.allCases.map { "dash \($0)" })
        expected.formUnion(Marker.allCases.filter { $0 != .none }.map { "marker \($0)" })
        #expect(expected.subtracting(seen).isEmpty, "not in the gallery: \(expected.subtracting(seen).sorted())")
    }

    private static func features(_ mark: Mark) -> Set<String> {
        func styled(_ style: Style) -> Set<String> {
            Set(["dash \(style.dash)"] + (style.marker == .none ? [] : ["marker \(style.marker)"]))
        }
        switch mark {
        case .line(let series):
            return styled(series.style).union(["line"]).union(series.y.allSatisfy(\.isFinite) ? [] : ["non-finite"])
        case .points(let series):
            return ["points", "marker \(series.style.marker == .none ? .circle : series.style.marker)"]
        case .rule(let rule):
            return ["rule \(rule.orientation)"]
        case .annotation:
            return ["annotation"]
        case .band:
            return ["band"]
        case .histogram(let histogram):
            return ["histogram \(histogram.normalization)", histogram.filled ? "histogram filled" : "histogram step"]
        case .boxes:
            return ["boxes"]
        case .violins(let violins):
            let placement: String
            switch violins.categories {
            case .named: placement = "violins named"
            case .at: placement = "violins at"
            }
            return Set([placement] + (violins.densities.contains { $0.pointMass != nil } ? ["point mass"] : []))
        case .heatmap:
            return ["heatmap"]
        }
    }

    @Test func indexPageShowsEveryExampleWithRelativeLinksAndNoScript() throws {
        let page = ChartGallery.indexPage()
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.lowercased().contains("<script") && !page.lowercased().contains("javascript:"))
        for example in ChartGallery.examples {
            #expect(page.contains("<h2>\(example.name)</h2>"))
            #expect(page.contains(#"<section id="\#(example.name)">"#))
            for theme in Theme.allCases {
                #expect(page.contains(#"src="\#(ChartGallery.path(example, theme: theme, format: .svg))""#))
                for format in Format.allCases {
                    #expect(page.contains(#"href="\#(ChartGallery.path(example, theme: theme, format: format))""#))
                }
            }
        }
        // Every link is relative: to a figure the gallery writes, or to an anchor on the page.
        let written = Set(
            ChartGallery.examples.flatMap { example in
                Theme.allCases.flatMap { theme in Format.allCases.map { ChartGallery.path(example, theme: theme, format: $0) } }
            })
        let anchors = Set(ChartGallery.examples.map { "#\($0.name)" })
        let links = try Regex(#"(?:href|src)="([^"]*)""#)
        for match in page.matches(of: links) {
            let target = String(match.output[1].substring ?? "")
            #expect(written.contains(target) || anchors.contains(target), "unexpected link \(target)")
        }
    }

    @Test func indexPageElementsAreBalanced() {
        let page = ChartGallery.indexPage()
        for element in ["html", "head", "body", "nav", "ul", "section", "figure", "figcaption", "div", "p", "h2"] {
            let opened = page.components(separatedBy: "<\(element)>").count + page.components(separatedBy: "<\(element) ").count - 2
            #expect(opened == page.components(separatedBy: "</\(element)>").count - 1, "<\(element)>")
        }
    }
}

/// Writing the gallery folder never destroys files the gallery did not write.
@Suite struct GalleryFolderTests {
    private static func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func writesANewFolderWithTheMarkerAndReplacesItsOwnFolder() throws {
        try withScratchFolder("initlab-gallery") { root in
            let folder = root.appendingPathComponent("gallery")
            try ChartGallery.write(["index.html": Array("first".utf8), "figures/a.svg": [1]], to: folder)
            #expect(try Self.contents(folder) == [ChartGallery.marker, "figures", "index.html"])
            try ChartGallery.write(["index.html": Array("second".utf8)], to: folder)
            #expect(try Self.contents(folder) == [ChartGallery.marker, "index.html"], "the previous gallery's files are gone")
            #expect(try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8) == "second")
        }
    }

    @Test func anEmptyFolderIsUsed() throws {
        try withScratchFolder("initlab-gallery") { folder in
            try ChartGallery.write(["index.html": []], to: folder)
            #expect(try Self.contents(folder) == [ChartGallery.marker, "index.html"])
        }
    }

    @Test func aFolderWithOtherFilesIsRefusedAndLeftAlone() throws {
        try withScratchFolder("initlab-gallery") { folder in
            let precious = folder.appendingPathComponent("thesis.tex")
            try Data("mine".utf8).write(to: precious)
            #expect {
                try ChartGallery.write(["index.html": []], to: folder)
            } throws: { error in
                "\(error)".contains(folder.path) && "\(error)".contains("did not write")
            }
            #expect(try Self.contents(folder) == ["thesis.tex"])
            #expect(try Data(contentsOf: precious) == Data("mine".utf8))
        }
    }

    @Test func aFileInPlaceOfTheFolderIsRefused() throws {
        try withScratchFolder("initlab-gallery") { root in
            let file = root.appendingPathComponent("gallery")
            try Data("x".utf8).write(to: file)
            #expect(throws: FileSafetyError.self) { try ChartGallery.write([:], to: file) }
            #expect(try Data(contentsOf: file) == Data("x".utf8))
        }
    }
}
