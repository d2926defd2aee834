import FileSafety
import Foundation
import Scratch
import Testing
import TextSupport

@testable import Report

@Suite struct SiteWriterTests {
    static let marker = SiteWriter.kind.markerName

    func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func replacesItsOwnSiteWhole() throws {
        let scratch = try ScratchFolder("initlab-site")
        defer { scratch.remove() }
        let root = scratch.url
        let site = root.appendingPathComponent("site")
        try SiteWriter.write(["a.txt": Data("one".utf8), "sub/b.txt": Data("two".utf8)], to: site.path)
        try SiteWriter.write(["c.txt": Data("three".utf8)], to: site.path)
        #expect(try names(site) == [Self.marker, "c.txt"])
        // Nothing is left beside the site.
        #expect(try names(root) == ["site"])
    }

    @Test func theMarkerIsSignedAndListsTheFilesWritten() throws {
        let scratch = try ScratchFolder("initlab-site")
        defer { scratch.remove() }
        let root = scratch.url
        try SiteWriter.write(["index.html": Data(), "figures/a.svg": Data()], to: root.path)
        let lines = try text(root.appendingPathComponent(Self.marker)).split(separator: "\n")
        #expect(lines.first == "initlab-folder-marker 1 site")
        #expect(lines.filter { !$0.hasPrefix("#") }.dropFirst() == ["figures/a.svg", "index.html"])
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let scratch = try ScratchFolder("initlab-site")
        defer { scratch.remove() }
        let root = scratch.url
        let precious = root.appendingPathComponent("thesis.tex")
        try Data("keep me".utf8).write(to: precious)
        #expect(throws: LocatedError.self) { try SiteWriter.write(["index.html": Data()], to: root.path) }
        #expect(try text(precious) == "keep me")
    }

    @Test(arguments: ["", "This folder is written by `initlab build`.\n", "initlab-folder-marker 1 gallery\n"])
    func anEmptyOrUnsignedMarkerDoesNotMakeAFolderInitlabs(marker: String) throws {
        let scratch = try ScratchFolder("initlab-site")
        defer { scratch.remove() }
        let root = scratch.url
        try Data("keep me".utf8).write(to: root.appendingPathComponent("thesis.tex"))
        try Data(marker.utf8).write(to: root.appendingPathComponent(Self.marker))
        #expect(throws: LocatedError.self) { try SiteWriter.write(["index.html": Data()], to: root.path) }
        #expect(throws: LocatedError.self) { try SiteFolder.clean(root.path) }
        #expect(try names(root) == [Self.marker, "thesis.tex"])
        #expect(try text(root.appendingPathComponent("thesis.tex")) == "keep me")
    }

    /// A site an earlier version wrote, whose marker lists no files, is replaced whole once;
    /// clean, which has no --force, leaves it to that build.
    @Test func aSiteOfAnEarlierVersionIsReplacedWholeOnce() throws {
        let scratch = try ScratchFolder("initlab-site")
        defer { scratch.remove() }
        let root = scratch.url
        try Data("old".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data((SiteWriter.kind.legacyMarkerText ?? "").utf8).write(to: root.appendingPathComponent(Self.marker))
        #expect(throws: LocatedError.self) { try SiteFolder.clean(root.path) }
        #expect(try names(root) == [Self.marker, "index.html"])
        try SiteWriter.write(["page.html": Data()], to: root.path)
        #expect(try names(root) == [Self.marker, "page.html"])
        #expect(try FolderMarker.read(in: root, kind: .site).files == ["page.html"])
    }

    @Test func aFileTheUserAddedStopsTheNextBuildUnlessForced() throws {
        let scratch = try ScratchFolder("initlab-site")
        defer { scratch.remove() }
        let root = scratch.url
        let site = root.appendingPathComponent("site")
        try SiteWriter.write(["index.html": Data("one".utf8)], to: site.path)
        try Data("mine".utf8).write(to: site.appendingPathComponent("notes.txt"))
        do {
            try SiteWriter.write(["index.html": Data("two".utf8)], to: site.path)
            Issue.record("a file the user added was replaced")
        } catch {
            #expect(error.description.contains(site.appendingPathComponent("notes.txt").path), "\(error)")
        }
        #expect(try text(site.appendingPathComponent("index.html")) == "one")
        #expect(try text(site.appendingPathComponent("notes.txt")) == "mine")
        try SiteWriter.write(["index.html": Data("two".utf8)], to: site.path, force: true)
        #expect(try names(site) == [Self.marker, "index.html"])
    }

    @Test func cleanRemovesTheListedFilesAndKeepsTheReadme() throws {
        let scratch = try ScratchFolder("initlab-site")
        defer { scratch.remove() }
        let root = scratch.url
        try SiteWriter.write(["README.md": Data("read me".utf8), "index.html": Data(), "figures/a.svg": Data()], to: root.path)
        try SiteFolder.clean(root.path)
        #expect(try names(root) == [Self.marker, "README.md"])
        #expect(try FolderMarker.read(in: root, kind: .site).files == ["README.md"])
    }

    @Test func cleanStopsAtAFileTheMarkerDoesNotListAndRemovesNothing() throws {
        let scratch = try ScratchFolder("initlab-site")
        defer { scratch.remove() }
        let root = scratch.url
        try SiteWriter.write(["README.md": Data(), "index.html": Data(), "figures/a.svg": Data()], to: root.path)
        try Data("mine".utf8).write(to: root.appendingPathComponent("figures/mine.svg"))
        do {
            try SiteFolder.clean(root.path)
            Issue.record("clean removed a folder holding a user's file")
        } catch {
            #expect(error.description.contains("figures/mine.svg"), "\(error)")
        }
        #expect(try names(root) == [Self.marker, "README.md", "figures", "index.html"])
        #expect(try names(root.appendingPathComponent("figures")) == ["a.svg", "mine.svg"])
    }

    @Test func forceNeverReplacesAProtectedFolderNorOneHoldingIt() throws {
        let scratch = try ScratchFolder("initlab-site")
        defer { scratch.remove() }
        let root = scratch.url
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("{{title}}".utf8).write(to: templates.appendingPathComponent("report.mustache"))
        Protection.protect(templates)
        for destination in [templates, root, templates.appendingPathComponent("..")] {
            #expect(throws: LocatedError.self, "\(destination.path)") {
                try SiteWriter.write(["index.html": Data()], to: destination.path, force: true)
            }
            #expect(throws: LocatedError.self) { try SiteFolder.checkDestination(destination.path, force: true) }
        }
        #expect(try names(root) == ["templates"])
        #expect(try names(templates) == ["report.mustache"])
    }

    @Test func aStagingFolderOfADeadBuildIsClearedAndAForeignOneKept() throws {
        let scratch = try ScratchFolder("initlab-site")
        defer { scratch.remove() }
        let root = scratch.url
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        let dead = process.processIdentifier
        let leftover = root.appendingPathComponent(".site.initlab-new-\(dead)")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data(FolderMarker(kind: .site, files: ["index.html"]).text.utf8).write(to: leftover.appendingPathComponent(Self.marker))
        let foreign = root.appendingPathComponent(".site.initlab-old-\(dead)")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("thesis.tex"))
        try SiteWriter.write(["index.html": Data()], to: root.appendingPathComponent("site").path)
        #expect(try names(root) == [foreign.lastPathComponent, "site"])
    }
}
