import Foundation
import Scratch
import Testing

/// The cache folder from the command line: what `build`, `run` and `clean --cache` do with a
/// folder that is initlab's cache, an earlier initlab's, a user's, or a file. Each case runs
/// the saturation experiment alone (`--shard 1/5` of the quick profile), in a folder of its own.
@Suite struct CacheCommandTests {
    static let saturationOnly = ["run", "--shard", "1/5", "--profile", "quick", "--quiet"]

    static func names(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// `clean --cache` from a folder of the test's own, with an output folder that does not exist.
    static func clean(_ cacheFolder: String, in root: URL) throws -> Initlab.Outcome {
        try Initlab.run(
            ["clean", "--cache", "--cache-folder", cacheFolder, "--output", root.appendingPathComponent("site").path], in: root)
    }

    /// A user's folder given as `--cache` is a usage error before any experiment runs, and
    /// nothing is written into it.
    @Test(arguments: ["build", "run"])
    func aForeignFolderIsAUsageError(_ command: String) throws {
        let scratch = try ScratchFolder("initlab-cache-command")
        defer { scratch.remove() }
        let root = scratch.url
        let folder = root.appendingPathComponent("thesis")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("chapter 1".utf8).write(to: folder.appendingPathComponent("chapter1.tex"))
        let arguments =
            command == "run"
            ? Self.saturationOnly
            : [
                "build", "--profile", "quick", "--quiet", "--output", root.appendingPathComponent("site").path,
                "--templates", Initlab.project.appendingPathComponent("templates").path,
            ]
        let outcome = try Initlab.run(arguments + ["--cache", folder.path], in: root)
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("is not initlab's result cache: it holds chapter1.tex"))
        #expect(!outcome.stderr.contains("running"))
        #expect(Self.names(folder) == ["chapter1.tex"])
        #expect(Self.names(root) == ["thesis"])
    }

    /// A file where the cache folder should be: the results are computed, one warning says they
    /// could not be cached, and the file is left as it was.
    @Test func aFileInPlaceOfTheCacheGivesOneWarning() throws {
        let scratch = try ScratchFolder("initlab-cache-command")
        defer { scratch.remove() }
        let root = scratch.url
        let file = root.appendingPathComponent("cache")
        try Data("a file".utf8).write(to: file)
        let outcome = try Initlab.run(Self.saturationOnly + ["--cache", file.path], in: root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.components(separatedBy: "warning:").count == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("cannot write the cache"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "a file")
    }

    /// A full disk, as the write of an entry sees it: the process may write at most 1 KiB per
    /// file (`ulimit -f 1`), so the tag fits and the entry does not. The build succeeds with one
    /// warning and leaves no temporary file.
    @Test func aFullDiskLeavesNoTemporaryFile() throws {
        let scratch = try ScratchFolder("initlab-cache-command")
        defer { scratch.remove() }
        let root = scratch.url
        let cache = root.appendingPathComponent("cache")
        // SIGXFSZ ignored, so the write fails with an error instead of ending the process.
        let command = "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command, Initlab.executable.path] + Self.saturationOnly + ["--cache", cache.path]
        process.currentDirectoryURL = root
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stderr.components(separatedBy: "warning:").count == 2 && stderr.contains("cannot write the cache"), "\(stderr)")
        #expect(Self.names(cache) == ["CACHEDIR.TAG"])
    }

    /// `clean --cache` on a folder that is not initlab's cache, a copy of /etc here: exit 2, and
    /// every file stays.
    @Test func cleaningAFolderThatIsNotACacheIsRefused() throws {
        let scratch = try ScratchFolder("initlab-cache-command")
        defer { scratch.remove() }
        let root = scratch.url
        let etc = root.appendingPathComponent("etc")
        try FileManager.default.createDirectory(at: etc, withIntermediateDirectories: true)
        try Data("root:x:0:0:root:/root:/bin/bash\n".utf8).write(to: etc.appendingPathComponent("passwd"))
        try Data("127.0.0.1 localhost\n".utf8).write(to: etc.appendingPathComponent("hosts"))
        let outcome = try Self.clean(etc.path, in: root)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("is not initlab's result cache"))
        #expect(Self.names(etc) == ["hosts", "passwd"])
    }

    /// The real /etc: the command refuses before it removes anything, so only the exit status
    /// and the listing are looked at.
    @Test func cleaningEtcIsRefused() throws {
        let scratch = try ScratchFolder("initlab-cache-command")
        defer { scratch.remove() }
        let root = scratch.url
        let before = Self.names(URL(fileURLWithPath: "/etc"))
        let outcome = try Self.clean("/etc", in: root)
        #expect(outcome.status == 2)
        #expect(Self.names(URL(fileURLWithPath: "/etc")) == before)
    }

    @Test func cleaningAFileIsRefused() throws {
        let scratch = try ScratchFolder("initlab-cache-command")
        defer { scratch.remove() }
        let root = scratch.url
        let file = root.appendingPathComponent("results")
        try Data("mine".utf8).write(to: file)
        let outcome = try Self.clean(file.path, in: root)
        #expect(outcome.status == 2)
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
    }

    /// A cache made by `run`: with a user's file in it, `clean --cache` removes the entries and
    /// keeps the file and the tag; without, the whole folder goes.
    @Test func cleaningACacheRemovesOnlyItsEntries() throws {
        let scratch = try ScratchFolder("initlab-cache-command")
        defer { scratch.remove() }
        let root = scratch.url
        let shared = root.appendingPathComponent("shared"), own = root.appendingPathComponent("own")
        for cache in [shared, own] {
            #expect(try Initlab.run(Self.saturationOnly + ["--cache", cache.path], in: root).status == 0)
        }
        try Data("mine".utf8).write(to: shared.appendingPathComponent("notes.txt"))
        for cache in [shared, own] {
            let outcome = try Self.clean(cache.path, in: root)
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        #expect(Self.names(shared) == ["CACHEDIR.TAG", "notes.txt"])
        #expect(!FileManager.default.fileExists(atPath: own.path))
    }

    /// A cache from before the tag: its entries are served and the folder is tagged.
    @Test func anEarlierInitlabsCacheIsUsedAndTagged() throws {
        let scratch = try ScratchFolder("initlab-cache-command")
        defer { scratch.remove() }
        let root = scratch.url
        let cache = root.appendingPathComponent("cache")
        #expect(try Initlab.run(Self.saturationOnly + ["--cache", cache.path], in: root).status == 0)
        try FileManager.default.removeItem(at: cache.appendingPathComponent("CACHEDIR.TAG"))
        let outcome = try Initlab.run(["run", "--shard", "1/5", "--profile", "quick", "--cache", cache.path], in: root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("saturation (already cached)"), "\(outcome.stderr)")
        #expect(Self.names(cache).contains("CACHEDIR.TAG"))
    }
}
