import Foundation
import Scratch
import Testing

@Suite struct GalleryCommandTests {
    @Test func writesEveryExampleWithAnIndex() throws {
        let scratch = try ScratchFolder("initlab-gallery-command")
        defer { scratch.remove() }
        let root = scratch.url
        let folder = root.appendingPathComponent("gallery")
        let outcome = try Initlab.run(["gallery", "--output", folder.path, "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let files = try Initlab.files(folder)
        let index = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
        #expect(!index.contains("<script"))
        let pngs = files.keys.filter { $0.hasSuffix(".png") }
        #expect(pngs.count >= 20)
        // Every image the index shows is in the folder.
        for name in pngs { #expect(index.contains(name.split(separator: "/").last.map(String.init) ?? name), "\(name)") }
        // Written twice, it replaces its own folder.
        #expect(try Initlab.run(["gallery", "--output", folder.path, "--quiet"]).status == 0)
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let scratch = try ScratchFolder("initlab-gallery-command")
        defer { scratch.remove() }
        let root = scratch.url
        try Data("mine".utf8).write(to: root.appendingPathComponent("notes.txt"))
        let outcome = try Initlab.run(["gallery", "--output", root.path])
        #expect(outcome.status == 2)
        #expect(try Initlab.files(root) == ["notes.txt": Data("mine".utf8)])
    }
}
