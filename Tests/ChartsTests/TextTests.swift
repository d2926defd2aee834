import Foundation
import Testing

@testable import ChartGallery
@testable import Charts

@Suite struct RichTextTests {
    typealias Run = RichText.Run

    @Test func scriptsFromMarkup() {
        #expect(RichText(markup: "a_l").runs == [Run(text: "a", script: .normal), Run(text: "l", script: .subscript)])
        #expect(RichText(markup: "n_{in}").runs == [Run(text: "n", script: .normal), Run(text: "in", script: .subscript)])
        #expect(
            RichText(markup: "x^2 + 1").runs == [
                Run(text: "x", script: .normal), Run(text: "2", script: .superscript), Run(text: " + 1", script: .normal),
            ])
        #expect(RichText(markup: "10^{-4}").runs == [Run(text: "10", script: .normal), Run(text: "−4", script: .superscript)])
        #expect(RichText(markup: "Var[a_l]").runs.map(\.text) == ["Var[a", "l", "]"])
    }

    @Test func escapesAndLooseEnds() {
        #expect(RichText(markup: #"fan\_in"#).runs == [Run(text: "fan_in", script: .normal)])
        #expect(RichText(markup: "x_").runs == [Run(text: "x_", script: .normal)])
        #expect(RichText(markup: "x^{unclosed").runs == [Run(text: "x", script: .normal), Run(text: "unclosed", script: .superscript)])
        #expect(RichText(markup: "σ′(x)").runs == [Run(text: "σ′(x)", script: .normal)])
        #expect(RichText(markup: "").isEmpty)
    }

    @Test func scriptsAreSmallerAndShifted() throws {
        let measurer = try TextMeasurer()
        let plain = measurer.block(markup: "x2", size: 10)
        let squared = measurer.block(markup: "x^2", size: 10)
        let indexed = measurer.block(markup: "x_2", size: 10)
        #expect(squared.advance < plain.advance)
        #expect(squared.ascent > plain.ascent)
        #expect(indexed.descent > plain.descent)
        #expect(squared.runs[1].fontSize == 7 && squared.runs[1].dy < 0 && indexed.runs[1].dy > 0)
    }
}

@Suite struct SVGPostprocessTests {
    @Test func surfacesAreRenumberedWithTheirReferences() {
        let svg = ##"<svg><g id="surface17"><use xlink:href="#surface23"/><path d="M0"/></g><g id="surface23"/></svg>"##
        let result = String(decoding: SVGPostprocess.renumberSurfaces(Array(svg.utf8)), as: UTF8.self)
        #expect(result == ##"<svg><g id="surface1"><use xlink:href="#surface2"/><path d="M0"/></g><g id="surface2"/></svg>"##)
    }

    @Test func renumberingLeavesOtherTextAlone() {
        let svg = ##"<g id="surface"/><p d="surface7"/>surface8<use href="#surface9"/>"##
        let result = String(decoding: SVGPostprocess.renumberSurfaces(Array(svg.utf8)), as: UTF8.self)
        #expect(result == ##"<g id="surface"/><p d="surface1"/>surface8<use href="#surface2"/>"##)
    }

    @Test func titleAndDescriptionAreEscapedForXML() {
        let svg = Array(#"<?xml version="1.0"?>"#.utf8) + Array("\n<svg width=\"1pt\">\n<defs/></svg>".utf8)
        let result = String(decoding: SVGPostprocess.finish(svg, title: "a<b & c", description: "bell\u{7}"), as: UTF8.self)
        #expect(result.contains("<title id=\"title\">a&lt;b &amp; c</title>\n<desc id=\"desc\">bell</desc>"))
    }

    @Test func titleAndDescriptionBecomeTheFirstChildren() {
        let svg = Array(#"<?xml version="1.0"?>"#.utf8) + Array("\n<svg width=\"1pt\">\n<defs/></svg>".utf8)
        let result = String(decoding: SVGPostprocess.finish(svg, title: "T", description: "D"), as: UTF8.self)
        #expect(
            result.contains(
                #"<svg width="1pt" role="img" aria-labelledby="title desc">"#
                    + "\n<title id=\"title\">T</title>\n<desc id=\"desc\">D</desc>\n<defs/>"))
    }
}

@Suite struct SVGIDPrefixTests {
    @Test func everyIDAndEveryReferenceGetsThePrefix() {
        let svg =
            ##"<svg role="img" aria-labelledby="title desc"><title id="title">T</title><symbol id="glyph0-1"/>"##
            + ##"<use xlink:href="#glyph0-1" x="1"/><g clip-path="url(#clip1)"><clipPath id="clip1"/></g></svg>"##
        let result = String(decoding: SVGPostprocess.prefixingIDs(Array(svg.utf8), with: "f2-"), as: UTF8.self)
        #expect(
            result == ##"<svg role="img" aria-labelledby="f2-title f2-desc"><title id="f2-title">T</title><symbol id="f2-glyph0-1"/>"##
                + ##"<use xlink:href="#f2-glyph0-1" x="1"/><g clip-path="url(#f2-clip1)"><clipPath id="f2-clip1"/></g></svg>"##)
    }

    /// Two drawn figures, prefixed differently, share no id: inlined into one page, neither
    /// draws the other's glyphs.
    @Test func twoRenderedFiguresShareNoIDOnceTheyArePrefixed() throws {
        let svg = try ChartRenderer.render(ChartGallery.annotations.figure, as: .svg)
        func ids(_ bytes: [UInt8]) -> Set<String> {
            Set(String(decoding: bytes, as: UTF8.self).matches(of: #/ id="([^"]+)"/#).map { String($0.output.1) })
        }
        func references(_ bytes: [UInt8]) -> Set<String> {
            Set(String(decoding: bytes, as: UTF8.self).matches(of: /(?:href="#|url\(#)([^")]+)/).map { String($0.output.1) })
        }
        let first = SVGPostprocess.prefixingIDs(svg, with: "figure1-"), second = SVGPostprocess.prefixingIDs(svg, with: "figure2-")
        #expect(ids(svg).contains { $0.hasPrefix("glyph") }, "the test needs a figure with text")
        #expect(ids(first).isDisjoint(with: ids(second)))
        #expect(ids(first).count == ids(svg).count)
        // Every reference still finds its target.
        #expect(references(first).isSubset(of: ids(first)) && !references(first).isEmpty)
    }
}

@Suite struct DocumentDateTests {
    @Test func sourceDateEpochIsConvertedToUTC() {
        #expect(DocumentDate.current(environment: ["SOURCE_DATE_EPOCH": "0"]) == "1970-01-01T00:00:00Z")
        #expect(DocumentDate.current(environment: ["SOURCE_DATE_EPOCH": "1700000000"]) == "2023-11-14T22:13:20Z")
        #expect(DocumentDate.current(environment: ["SOURCE_DATE_EPOCH": "951782400"]) == "2000-02-29T00:00:00Z")
    }

    @Test func missingOrInvalidEpochGivesTheFixedDate() {
        #expect(DocumentDate.current(environment: [:]) == DocumentDate.fixed)
        #expect(DocumentDate.current(environment: ["SOURCE_DATE_EPOCH": "yesterday"]) == DocumentDate.fixed)
        #expect(DocumentDate.current(environment: ["SOURCE_DATE_EPOCH": "-5"]) == DocumentDate.fixed)
    }
}

extension Color {
    /// WCAG relative luminance.
    var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG contrast ratio between two opaque colours, from 1 to 21.
    func contrast(with other: Color) -> Double {
        let a = luminance + 0.05, b = other.luminance + 0.05
        return max(a, b) / min(a, b)
    }
}

@Suite struct PaletteTests {
    @Test func everyColourIsReadableOnItsBackground() {
        for theme in Theme.allCases {
            let background = ThemeColors(theme).background
            for index in 0..<Palette.count where !(theme == .light && index == 6) {
                let contrast = Palette.color(index, theme: theme).contrast(with: background)
                #expect(contrast >= (theme == .dark ? 4 : 1.9), "colour \(index) on \(theme): \(contrast)")
            }
            #expect(ThemeColors(theme).ink.contrast(with: background) >= 10)
        }
    }

    @Test func indicesWrapAndThemesDiffer() {
        #expect(Palette.color(10, theme: .light) == Palette.color(0, theme: .light))
        #expect(Palette.color(-1, theme: .light) == Palette.color(9, theme: .light))
        #expect(Palette.color(7, theme: .light) != Palette.color(7, theme: .dark))
        #expect(ThemeColors(.light) != ThemeColors(.dark))
    }

    @Test func cycledStylesDifferForThirtyTwoSeries() {
        let styles = (0..<32).map(Style.cycled)
        #expect(Set(styles.map { "\($0.color) \($0.dash)" }).count == 32)
        #expect(Style.cycled(-1) == Style.cycled(31))
        // Neighbours differ in dash as well as colour, for greyscale print.
        for (a, b) in zip(styles, styles.dropFirst()) { #expect(a.dash != b.dash && a.color != b.color) }
    }

    @Test func viridisRunsFromPurpleToYellow() {
        #expect(Palette.viridis(0) == Color(hex: 0x440154))
        #expect(Palette.viridis(1) == Color(hex: 0xFDE725))
        #expect(Palette.viridis(0.5).green > Palette.viridis(0).green)
        #expect(Palette.viridis(.nan) == Palette.viridis(0))
    }
}
