import FileSafety
import Foundation
import Testing

@testable import Experiments

/// A cache that cannot be written costs the build its caching, not its result: one warning,
/// every report, no temporary file left. (Tests run as root too, which writes into read-only
/// folders, so the failures are a file in the folder's place and a temporary file's path taken.)
@Suite struct CacheWriteFailureTests {
    typealias Scratch = ResultCacheTests.Scratch

    /// Two experiments, so that a second failure would show as a second warning.
    static let plan = Plan(seed: 1, profile: .quick, experiments: [ResultCacheTests.saturation, ResultCacheTests.saturation.withOneFanIn])

    @Test func aFileInPlaceOfTheCacheGivesOneWarning() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.folder, withIntermediateDirectories: true)
        let file = scratch.folder.appendingPathComponent("cache")
        try Data("not a folder".utf8).write(to: file)
        let outcome = Runner(plan: Self.plan, cache: ResultCache(folder: file, identity: { _ in ResultCacheTests.code })).run()
        #expect(outcome.results.count == 2)
        #expect(outcome.warnings.count == 1 && outcome.warnings[0].contains("cannot write the cache"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "not a folder")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path) == ["cache"])
    }

    /// The temporary file cannot be made (its path is taken by a folder): one warning, and
    /// nothing of initlab's left in the cache but its tag.
    @Test func anEntryThatCannotBeWrittenLeavesNoTemporaryFile() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let cache = ResultCache(folder: scratch.folder, identity: { _ in ResultCacheTests.code })
        try CacheTag.write(in: scratch.folder)
        let entry = try #require(cache.entry(for: ResultCacheTests.saturation, seed: 1))
        let taken = scratch.folder.appendingPathComponent(".\(entry.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
        let outcome = Runner(plan: Self.plan, cache: cache).run()
        #expect(outcome.results.count == 2)
        #expect(outcome.warnings.count == 1 && outcome.warnings[0].contains("cannot write the cache"))
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).sorted()
        #expect(names == [taken.lastPathComponent, "CACHEDIR.TAG"].sorted())
    }
}

extension Saturation {
    /// The same experiment at one fan-in: another entry of the same id.
    var withOneFanIn: Saturation {
        var parameters = parameters
        parameters.fanIns = [1]
        return Saturation(parameters: parameters)
    }
}
