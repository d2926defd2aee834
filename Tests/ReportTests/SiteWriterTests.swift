import Foundation
import Testing
@testable import Report

@Suite struct SiteWriterTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesItsOwnSiteWhole() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try SiteWriter.write(["a.txt": Data("one".utf8), "sub/b.txt": Data("two".utf8)], to: site.path)
        try SiteWriter.write(["c.txt": Data("three".utf8)], to: site.path)
        let names = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
        #expect(names == [SiteWriter.marker, "c.txt"])
        // Nothing is left beside the site.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"])
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let precious = root.appendingPathComponent("thesis.tex")
        try Data("keep me".utf8).write(to: precious)
        #expect(throws: ReportError.self) { try SiteWriter.write(["index.html": Data()], to: root.path) }
        #expect(try String(contentsOf: precious, encoding: .utf8) == "keep me")
    }

    @Test func committedOutputReadmeIsTheOneTheBuildWrites() throws {
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let template = try String(contentsOf: project.appendingPathComponent("templates/output-README.md"), encoding: .utf8)
        let committed = try String(contentsOf: project.appendingPathComponent("output/README.md"), encoding: .utf8)
        #expect(template == committed)
        let marker = try String(contentsOf: project.appendingPathComponent("output/\(SiteWriter.marker)"), encoding: .utf8)
        #expect(marker == SiteWriter.markerText)
    }
}
