import Foundation
import Scratch
import Testing

/// The outputs issue 14 asks for: the templates inside the binary, the printed PDF and the
/// single-file page. Every build here takes a copy of the shared quick build's cache and runs
/// no experiment.
@Suite struct OutputCommandTests {
    static let build = ["build", "--profile", "quick", "--quiet"]

    /// The executable with nothing but its BLAS (in `lib/initlab` beside `bin`, as `make install`
    /// lays them out), copied where there is no templates folder and no resource bundle, builds
    /// the page the project's build wrote.
    @Test func aCopiedExecutableBuildsFromAnyFolder() throws {
        let scratch = try ScratchFolder("initlab-copied")
        defer { scratch.remove() }
        let bin = scratch.url.appendingPathComponent("bin")
        let lib = scratch.url.appendingPathComponent("lib/initlab")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: lib, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("initlab")
        try FileManager.default.copyItem(at: Initlab.executable, to: copy)
        let blas = Initlab.project.appendingPathComponent(".build/openblas/lib")
        for name in try FileManager.default.contentsOfDirectory(atPath: blas.path) where name.contains(".so") {
            try FileManager.default.copyItem(at: blas.appendingPathComponent(name), to: lib.appendingPathComponent(name))
        }
        try QuickBuild.copyOfTheCache(at: scratch.url.appendingPathComponent("cache"))
        let outcome = try Initlab.run(Self.build + ["--cache", "cache", "--output", "site"], in: scratch.url, executable: copy)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let built = try Initlab.files(scratch.url.appendingPathComponent("site"))
        let shared = try Initlab.files(QuickBuild.site())
        #expect(built["index.html"] != nil && built["index.html"] == shared["index.html"])
        #expect(built.keys.sorted() == shared.keys.sorted())
    }

    @Test func theExportIsTheProjectsTemplatesAndBuildsTheSamePage() throws {
        let scratch = try ScratchFolder("initlab-export")
        defer { scratch.remove() }
        let exported = scratch.url.appendingPathComponent("course")
        let export = try Initlab.run(["templates", "--export", exported.path])
        #expect(export.status == 0, "\(export.stderr)")
        let files = try Initlab.files(exported)
        let project = try Initlab.files(Initlab.project.appendingPathComponent("templates")).filter { !$0.key.hasPrefix(".") }
        #expect(files.filter { $0.key != ".initlab-templates" } == project)
        let listed = try Initlab.run(["templates"]).stdout.split(separator: "\n").map(String.init)
        #expect(listed == project.keys.sorted())
        // A second export replaces the first.
        #expect(try Initlab.run(["templates", "--export", exported.path]).status == 0)

        let cache = try QuickBuild.copyOfTheCache(at: scratch.url.appendingPathComponent("cache"))
        let site = scratch.url.appendingPathComponent("site")
        let outcome = try Initlab.run(Self.build + ["--cache", cache.path, "--output", site.path, "--templates", exported.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let page = try Data(contentsOf: site.appendingPathComponent("index.html"))
        #expect(try page == Data(contentsOf: QuickBuild.site().appendingPathComponent("index.html")))
    }

    @Test func theExportRefusesAFolderItDidNotWrite() throws {
        let scratch = try ScratchFolder("initlab-export")
        defer { scratch.remove() }
        let mine = scratch.url.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: mine)
        let outcome = try Initlab.run(["templates", "--export", scratch.url.path])
        #expect(outcome.status == 2)
        let refusal = "--export \(scratch.url.path): this folder holds files initlab did not write"
        #expect(outcome.stderr.contains(refusal), "\(outcome.stderr)")
        #expect(try Data(contentsOf: mine) == Data("mine".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["notes.txt"])
    }

    @Test func forceWithoutAnExportIsAUsageError() throws {
        let outcome = try Initlab.run(["templates", "--force"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--force replaces the folder of --export, which is missing"), "\(outcome.stderr)")
    }

    /// Two builds print the same PDF bytes, on A4 unless asked for letter; the single file asks
    /// for nothing else; both are in the site's marker.
    @Test func thePDFAndTheSingleFile() throws {
        let scratch = try ScratchFolder("initlab-pdf")
        defer { scratch.remove() }
        let cache = try QuickBuild.copyOfTheCache(at: scratch.url.appendingPathComponent("cache"))
        func built(_ name: String, _ options: [String]) throws -> [String: Data] {
            let site = scratch.url.appendingPathComponent(name)
            let outcome = try Initlab.run(Self.build + ["--cache", cache.path, "--output", site.path] + options)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return try Initlab.files(site)
        }
        let first = try built("first", ["--pdf", "--single-file"])
        let second = try built("second", ["--pdf"])
        let letter = try built("letter", ["--pdf", "--paper", "letter"])
        let pdf = try #require(first["handout.pdf"])
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect(second["handout.pdf"] == pdf, "two builds printed different PDFs")
        // Bools, so that a failure does not print megabytes of PDF.
        let text = String(decoding: pdf, as: UTF8.self)
        let namesChromium = text.contains("Skia") || text.contains("HeadlessChrome")
        let a4 = text.contains("/MediaBox [0 0 594.95996 841.91998]")
        let outlined = text.contains("/Type /Outlines")
        let onLetter = String(decoding: letter["handout.pdf"] ?? Data(), as: UTF8.self).contains("/MediaBox [0 0 612 792]")
        #expect(!namesChromium, "the PDF names the Chromium that printed it")
        #expect(a4, "not A4")
        #expect(outlined, "no outline of the sections")
        #expect(onLetter, "not letter")
        #expect(second["handout-single.html"] == nil)

        let single = String(decoding: try #require(first["handout-single.html"]), as: UTF8.self)
        let targets = HTMLTags.parse(single).flatMap(\.targets)
        let local = targets.filter { !$0.hasPrefix("#") && !$0.hasPrefix("https://") && !$0.hasPrefix("http://") }
        #expect(local.isEmpty, "the single file refers to \(local)")
        #expect(!single.contains("<link rel=\"stylesheet\""))
        // The math font rides inside the style sheet (a Bool, so that a failure prints no megabytes).
        let font = try #require(first["fonts/initlab-math.woff2"])
        let carriesFont = single.contains("url(\"data:font/woff2;base64,\(font.base64EncodedString())\")")
        #expect(carriesFont, "the single file does not carry the math font")
        #expect(single.components(separatedBy: "<svg ").count - 1 == 33)
        let ids = single.matches(of: #/ id="([^"]+)"/#).map { String($0.output.1) }
        #expect(Set(ids).count == ids.count, "an id is used twice")
        let marker = String(decoding: first[".initlab-site"] ?? Data(), as: UTF8.self).split(separator: "\n")
        #expect(marker.contains("handout.pdf") && marker.contains("handout-single.html"))
    }

    /// Without Chromium the build stops before running anything and says how to install it.
    @Test func withoutChromiumThePDFIsAUsageError() throws {
        let scratch = try ScratchFolder("initlab-pdf")
        defer { scratch.remove() }
        let site = scratch.url.appendingPathComponent("site")
        let outcome = try Initlab.run(
            Self.build + ["--cache", scratch.url.appendingPathComponent("cache").path, "--output", site.path, "--pdf"],
            environment: ["PATH": scratch.url.path])
        #expect(outcome.status == 2)
        let named = outcome.stderr.contains("--pdf: no Chromium on PATH") && outcome.stderr.contains("apt-get install chromium")
        #expect(named, "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }
}
