import Foundation
import Testing
import TextSupport

@testable import Report

/// The extra outputs of `initlab build`: the single-file page and the metadata of the printed PDF.
@Suite struct SingleFilePageTests {
    static let page = """
        <html><head><title>T</title>
        <link rel="stylesheet" href="style.css">
        </head><body><a href="#s1">1</a>
        <figure id="fig-a"><picture>
        <source media="screen and (prefers-color-scheme: dark)" type="image/svg+xml" srcset="figures/a.dark.svg">
        <source type="image/svg+xml" srcset="figures/a.svg">
        <img src="figures/a.png" alt="A">
        </picture><figcaption>A. <span class="downloads">Files: <a href="figures/a.svg">SVG</a></span></figcaption></figure>
        <figure id="fig-b"><picture><source type="image/svg+xml" srcset="figures/b.svg">
        <img src="figures/b.png" alt="B"></picture></figure>
        <p>See <a href="https://example.org/paper">the paper</a>; <a href="data/manifest.json">the manifest</a> lists all.</p>
        </body></html>
        """
    static let svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg role="img" aria-labelledby="title desc"><title id="title">T</title><symbol id="glyph0-1"/><use xlink:href="#glyph0-1"/></svg>
        """
    static let site: [String: Data] = [
        "index.html": Data(page.utf8), "style.css": Data("body { color: red; }\n".utf8),
        "figures/a.svg": Data(svg.utf8), "figures/b.svg": Data(svg.utf8), "figures/a.dark.svg": Data(svg.utf8),
        "figures/a.png": Data([1]), "figures/b.png": Data([2]), "data/manifest.json": Data("{}".utf8),
    ]

    @Test func theSingleFileRefersToNoOtherFile() {
        let single = String(decoding: SingleFilePage.make(from: Self.site), as: UTF8.self)
        let targets = single.matches(of: /(?:src|srcset|href)="([^"]*)"/).map { String($0.output.1) }
        #expect(targets.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("https://") }, "\(targets)")
        #expect(single.contains("<style>\nbody { color: red; }\n</style>"))
        #expect(single.contains("<a href=\"https://example.org/paper\">the paper</a>"))
        #expect(single.contains("; the manifest lists all."))
        #expect(!single.contains("<?xml"))
    }

    @Test func theFontTheStyleSheetLoadsIsInlined() {
        let font = Data([0x77, 0x4F, 0x46, 0x32, 0x00, 0xFF])
        var site = Self.site
        site["style.css"] = Data(
            "@font-face { src: url(\"fonts/m.woff2\") format(\"woff2\"); }\nb { background: url(\"gone.png\"); }\n".utf8)
        site["fonts/m.woff2"] = font
        let single = String(decoding: SingleFilePage.make(from: site), as: UTF8.self)
        #expect(single.contains("src: url(\"data:font/woff2;base64,\(font.base64EncodedString())\") format(\"woff2\");"))
        #expect(!single.contains("fonts/m.woff2"))
        // A file the site does not have stays a reference, which the page tests would report.
        #expect(single.contains("url(\"gone.png\")"))
    }

    @Test func eachFigureIsInlinedWithIDsOfItsOwn() {
        let single = String(decoding: SingleFilePage.make(from: Self.site), as: UTF8.self)
        let ids = single.matches(of: #/ id="([^"]+)"/#).map { String($0.output.1) }
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(single.contains(##"<symbol id="figure1-glyph0-1"/><use xlink:href="#figure1-glyph0-1"/>"##))
        #expect(single.contains(##"<symbol id="figure2-glyph0-1"/><use xlink:href="#figure2-glyph0-1"/>"##))
        #expect(!single.contains("<picture>"))
    }
}

@Suite struct PDFMetadataTests {
    /// A PDF as Chromium writes one: the information dictionary first, a classic table after.
    static func chromiumLike() -> Data {
        let objects = [
            "1 0 obj\n<</Title <FEFF0054>\n/Creator (HeadlessChrome/156.0.0.0)\n/Producer (Skia/PDF m156)\n"
                + "/CreationDate (D:20261207191240+00'00')>>\nendobj\n",
            "2 0 obj\n<</Type /Catalog /Pages 3 0 R>>\nendobj\n",
            "3 0 obj\n<</Type /Pages /Kids [] /Count 0>>\nendobj\n",
        ]
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for object in objects {
            offsets.append(text.utf8.count)
            text += object
        }
        let xref = text.utf8.count
        text += "xref\n0 4\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        text += "trailer\n<</Size 4\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n\(xref)\n%%EOF"
        return Data(text.utf8)
    }

    /// Every entry of the table points at its object, and startxref at the table.
    static func offsetsHold(_ pdf: Data) -> Bool {
        let text = String(decoding: pdf, as: UTF8.self)
        let bytes = [UInt8](pdf)
        guard let start = text.firstMatch(of: /startxref\n(\d+)/).flatMap({ Int($0.output.1) }),
            String(decoding: bytes[start..<(start + 4)], as: UTF8.self) == "xref"
        else { return false }
        let entries = text.matches(of: #/(\d{10}) 00000 n /#).compactMap { Int($0.output.1) }
        return entries.enumerated().allSatisfy { index, offset in
            String(decoding: bytes[offset...].prefix(8), as: UTF8.self) == "\(index + 1) 0 obj\n"
        } && entries.count == 3
    }

    @Test func theVersionAndTheTimeOfPrintingGo() throws {
        let original = Self.chromiumLike()
        #expect(Self.offsetsHold(original))
        let rewritten = try PDFMetadata.rewrite(original, title: "Initialising ∂ weights", date: "2000-01-01T00:00:00Z")
        let text = String(decoding: rewritten, as: UTF8.self)
        #expect(!text.contains("Chrome") && !text.contains("Skia") && !text.contains("2026"))
        #expect(text.contains("/CreationDate (D:20000101000000Z)\n/ModDate (D:20000101000000Z)"))
        #expect(text.contains("/Title " + PDFMetadata.textString("Initialising ∂ weights")))
        #expect(Self.offsetsHold(rewritten))
    }

    @Test func rewritingTwiceGivesTheSameBytes() throws {
        let once = try PDFMetadata.rewrite(Self.chromiumLike(), title: "T", date: "2023-11-14T22:13:20Z")
        #expect(try PDFMetadata.rewrite(once, title: "T", date: "2023-11-14T22:13:20Z") == once)
    }

    @Test func aPDFWithoutAClassicTableIsRefused() {
        #expect(throws: PDFMetadata.Failure.self) {
            try PDFMetadata.rewrite(Data("%PDF-1.5\nnothing".utf8), title: "T", date: "2000-01-01T00:00:00Z")
        }
    }

    @Test func titlesAreUTF16WithAByteOrderMark() {
        #expect(PDFMetadata.textString("é∂") == "<FEFF00E92202>")
    }
}

@Suite struct PrintedHandoutTests {
    @Test func theBrowserNamedByTheVariableMustExist() {
        #expect(throws: LocatedError.self) { try PrintedHandout.browser(environment: ["INITLAB_CHROMIUM": "/nonexistent/chromium"]) }
    }

    @Test func withoutABrowserTheErrorSaysHowToInstallOne() throws {
        let error = try #require(throws: LocatedError.self) { try PrintedHandout.browser(environment: ["PATH": "/nonexistent"]) }
        #expect("\(error)".contains("apt-get install chromium"), "\(error)")
    }

    /// Prints until two in a row agree: a print that differs once is outvoted, and a browser
    /// that never agrees with itself stops the build instead of writing one of its answers.
    @Test func twoPrintsInARowMustAgree() throws {
        func printer(_ answers: [String]) -> (print: () throws(LocatedError) -> Data, count: () -> Int) {
            var given = 0
            return (
                { () throws(LocatedError) in
                    defer { given += 1 }
                    return Data(answers[min(given, answers.count - 1)].utf8)
                }, { given }
            )
        }
        let steady = printer(["a"])
        #expect(try PrintedHandout.agreed(steady.print) == Data("a".utf8))
        #expect(steady.count() == 2)
        let once = printer(["b", "a", "a"])
        #expect(try PrintedHandout.agreed(once.print) == Data("a".utf8))
        #expect(once.count() == 3)
        let never = printer(["a", "b", "a", "b", "a", "b"])
        let error = try #require(throws: LocatedError.self) { try PrintedHandout.agreed(never.print) }
        #expect("\(error)".contains("differently \(PrintedHandout.attempts) times"), "\(error)")
        #expect(never.count() == PrintedHandout.attempts)
    }

    @Test func thePaperSizeIsTheLastRuleOfTheHead() {
        let page = PrintedHandout.pageSized("<html><head><style>@page { size: letter; }</style></head><body></body></html>", paper: .a4)
        #expect(page.contains("@page { size: letter; }</style><style>@page { size: A4; }</style>\n</head>"))
    }
}

@Suite struct BuiltInTemplatesTests {
    /// The repository: this file is Tests/ReportTests/OutputFormatsTests.swift.
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The executable carries every file of templates/ byte for byte, and nothing else.
    @Test func theBuiltInTemplatesAreTheProjectFolder() throws {
        let folder = Self.project.appendingPathComponent("templates")
        var onDisk: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let isFile = try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true
            guard isFile, !url.lastPathComponent.hasPrefix(".") else { continue }
            onDisk[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        #expect(onDisk.count > 10)
        #expect(BuiltInTemplates.files == onDisk)
    }

    @Test func theBuiltInTemplatesLoadLikeTheFolder() throws {
        let builtIn = try TemplateFolder.builtIn()
        let folder = try TemplateFolder(path: Self.project.appendingPathComponent("templates").path)
        #expect(builtIn.sections.map(\.id) == folder.sections.map(\.id))
        #expect(builtIn.sections.map(\.text) == folder.sections.map(\.text))
        #expect(builtIn.templates == folder.templates)
        #expect(builtIn.styleSheet == folder.styleSheet)
        #expect(builtIn.sections.first?.path.hasPrefix("built-in templates/content/") == true)
    }
}

@Suite struct PDFNodeNumberTests {
    /// Two prints of one page differ only in where the DOM node numbers start; their order holds.
    @Test func nodeNumbersBecomeTheirRanksAtTheSameWidth() {
        let first = Array("/ID (node00000258) /ID (node00000301) x (node00000258) (node12)".utf8)
        let second = Array("/ID (node00000279) /ID (node00000322) x (node00000279) (node33)".utf8)
        let renumbered = PDFMetadata.renumberingNodes(first)
        #expect(String(decoding: renumbered, as: UTF8.self) == "/ID (node00000002) /ID (node00000003) x (node00000002) (node01)")
        #expect(PDFMetadata.renumberingNodes(second) == renumbered)
    }
}
