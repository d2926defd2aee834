import Foundation
import Scratch
import Testing

@Suite struct ShardCommandTests {
    /// The quick profile with its two slow experiments cut down: the test is about splitting
    /// and merging, which any size shows, and it runs every experiment twice.
    static let smallConfiguration = """
        profile: quick
        experiments:
          modes:
            realisations: 4
          convergence:
            seeds: 1
            training_samples: 200
            held_out_samples: 100
            evaluations: 2

        """

    /// Three shards as separate processes, each with its own cache; the caches copied into one;
    /// a build from it runs nothing and gives the same bytes as a build on one machine.
    @Test func mergedShardsBuildTheSameSite() throws {
        let scratch = try ScratchFolder("initlab-shard-command")
        defer { scratch.remove() }
        let root = scratch.url
        let config = root.appendingPathComponent("small.yml")
        try Data(Self.smallConfiguration.utf8).write(to: config)
        let merged = root.appendingPathComponent("merged-cache")
        try FileManager.default.createDirectory(at: merged, withIntermediateDirectories: true)
        for index in 1...3 {
            let cache = root.appendingPathComponent("cache-\(index)")
            let outcome = try Initlab.run(
                ["run", "--shard", "\(index)/3", "--config", config.path, "--seed", "9", "--cache", cache.path, "--quiet"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            // Every shard's cache carries the same tag; `cp` would overwrite it, copyItem refuses.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []
            where !FileManager.default.fileExists(atPath: merged.appendingPathComponent(name).path) {
                try FileManager.default.copyItem(at: cache.appendingPathComponent(name), to: merged.appendingPathComponent(name))
            }
        }
        // Whether the small sizes pass every check is no concern of this test.
        let build = ["build", "--config", config.path, "--seed", "9", "--allow-failed-checks"]
        let sharded = root.appendingPathComponent("sharded"), single = root.appendingPathComponent("single")
        let assembled = try Initlab.run(build + ["--cache", merged.path, "--output", sharded.path])
        #expect(assembled.status == 0, "\(assembled.stderr)")
        #expect(!assembled.stderr.contains("running"), "the build ran an experiment: \(assembled.stderr)")
        #expect(assembled.stderr.contains("from the cache"))
        #expect(try Initlab.run(build + ["--no-cache", "--output", single.path, "--quiet"]).status == 0)
        let a = try Initlab.files(sharded), b = try Initlab.files(single)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs") }
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "x"])
    func badShardIsAUsageError(_ shard: String) throws {
        let outcome = try Initlab.run(["run", "--shard", shard, "--profile", "quick", "--no-cache"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--shard"))
    }
}
