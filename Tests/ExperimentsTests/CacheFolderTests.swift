import FileSafety
import Foundation
import Testing

@testable import Experiments

/// What initlab does with a folder given as its cache: tags the ones it makes, recognises an
/// earlier initlab's, refuses a user's, and removes only its own entries.
@Suite struct CacheFolderTests {
    typealias Scratch = ResultCacheTests.Scratch
    static let code = ResultCacheTests.code
    static let saturation = ResultCacheTests.saturation

    static func names(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func storeSaturation(in folder: URL) throws {
        let cache = ResultCache(folder: folder, identity: { _ in Self.code })
        try cache.store(Self.saturation.run(random: Saturation.stream(seed: 1)), for: Self.saturation, seed: 1)
    }

    /// A cache as initlab before the tag wrote it: entries with the cache header and a temporary
    /// file a full disk left behind, no tag.
    static func legacyCache(in folder: URL) throws -> [String] {
        let entry = "saturation-0123456789abcdef0123456789abcdef.json"
        let temporary = ".propagation-00000000000000000000000000000000.json.4242.tmp"
        try write("initlab-cache 3 00000000000000aa\n{\"rows\":[]}", folder.appendingPathComponent(entry))
        try write("initlab-cache 3 0000", folder.appendingPathComponent(temporary))
        return [entry, temporary].sorted()
    }

    @Test func aNewCacheFolderIsTagged() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let folder = scratch.folder.appendingPathComponent("cache")
        try Self.storeSaturation(in: folder)
        #expect(CacheTag.isPresent(in: folder))
        #expect(Self.names(folder).count == 2 && Self.names(folder).contains(CacheTag.fileName))
    }

    @Test func anEarlierInitlabsCacheIsTaggedAndKept() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let entries = try Self.legacyCache(in: scratch.folder)
        #expect(CacheFolder.standing(of: scratch.folder) == .legacy)
        try CacheFolder.claim(scratch.folder)
        #expect(CacheTag.isPresent(in: scratch.folder))
        #expect(Self.names(scratch.folder) == (entries + [CacheTag.fileName]).sorted())
    }

    @Test func anEmptyFolderIsACache() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.folder, withIntermediateDirectories: true)
        try CacheFolder.claim(scratch.folder)
        #expect(CacheTag.isPresent(in: scratch.folder))
    }

    /// A user's folder, or one whose entry-named file is not an entry, or another tool's cache:
    /// refused, and nothing is written into it.
    @Test(arguments: [
        ["notes.txt": "mine"],
        ["saturation-0123456789abcdef0123456789abcdef.json": "{\"rows\":[]}"],
        ["CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n# another tool\n"],
    ])
    func aForeignFolderIsRefusedUntouched(_ files: [String: String]) throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        for (name, text) in files { try Self.write(text, scratch.folder.appendingPathComponent(name)) }
        #expect(throws: FileSafetyError.self) { try CacheFolder.claim(scratch.folder) }
        #expect(throws: FileSafetyError.self) { try Self.storeSaturation(in: scratch.folder) }
        #expect(throws: FileSafetyError.self) { try CacheFolder.clean(scratch.folder) }
        #expect(Self.names(scratch.folder) == files.keys.sorted())
    }

    /// `clean --cache` removes the entries and temporary files initlab names, and keeps a file a
    /// user put into the cache folder, with the tag and the folder.
    @Test func cleaningRemovesOnlyEntries() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        try Self.storeSaturation(in: scratch.folder)
        try Self.write("x", scratch.folder.appendingPathComponent(".saturation-0123456789abcdef0123456789abcdef.json.17.tmp"))
        try Self.write("mine", scratch.folder.appendingPathComponent("notes.txt"))
        #expect(try CacheFolder.clean(scratch.folder) == 2)
        #expect(Self.names(scratch.folder) == [CacheTag.fileName, "notes.txt"])
    }

    /// When nothing but initlab's own files were there, the folder goes too; an earlier
    /// initlab's untagged cache is cleaned the same way.
    @Test func cleaningAWholeCacheRemovesTheFolder() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let tagged = scratch.folder.appendingPathComponent("tagged"), legacy = scratch.folder.appendingPathComponent("legacy")
        try Self.storeSaturation(in: tagged)
        _ = try Self.legacyCache(in: legacy)
        #expect(try CacheFolder.clean(tagged) == 1)
        #expect(try CacheFolder.clean(legacy) == 2)
        #expect(!FileManager.default.fileExists(atPath: tagged.path) && !FileManager.default.fileExists(atPath: legacy.path))
    }

    /// `clean --cache --cache-folder /etc`, on a copy: refused before anything is removed.
    @Test func cleaningAnEtcFolderIsRefused() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let etc = scratch.folder.appendingPathComponent("etc")
        try Self.write("root:x:0:0:root:/root:/bin/bash\n", etc.appendingPathComponent("passwd"))
        try Self.write("127.0.0.1 localhost\n", etc.appendingPathComponent("hosts"))
        let error = #expect(throws: FileSafetyError.self) { try CacheFolder.clean(etc) }
        #expect(error?.description.contains("is not initlab's result cache") == true)
        #expect(Self.names(etc) == ["hosts", "passwd"])
    }

    @Test func cleaningAFileIsRefused() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let file = scratch.folder.appendingPathComponent("results.json")
        try Self.write("{}", file)
        #expect(throws: FileSafetyError.self) { try CacheFolder.clean(file) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "{}")
    }
}
