import Foundation
import Scratch
import Testing

@Suite struct ConfigCommandTests {
    /// The printed defaults, fed back unchanged, are the quick profile to the last parameter: a
    /// build with them finds every result in a copy of the shared quick cache and writes the same
    /// bytes. An edit takes effect: with another seed, the results are computed anew.
    @Test func defaultsFeedBackIntoABuild() throws {
        let scratch = try ScratchFolder("initlab-config-command")
        defer { scratch.remove() }
        let root = scratch.url
        let printed = try Initlab.run(["config", "--defaults", "--profile", "quick"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("profile: quick") && printed.stdout.contains("fan_ins: [1, 4, 16, 64, 256, 1024, 4096]"))
        let file = root.appendingPathComponent("course.yml")
        try Data(printed.stdout.utf8).write(to: file)
        let cache = try QuickBuild.copyOfTheCache(at: root.appendingPathComponent("cache"))
        let site = root.appendingPathComponent("site")
        let outcome = try Initlab.run(["build", "--config", file.path, "--cache", cache.path, "--output", site.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("running"), "the build ran an experiment: \(outcome.stderr)")
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("data/manifest.json"))) as? [String: Any]
        #expect(manifest?["seed"] as? Int == 1)
        #expect(manifest?["profile"] as? String == "quick")
        #expect(try Initlab.files(site) == Initlab.files(QuickBuild.site()))

        // Saturation alone, the cheapest experiment, shows that the file's seed is the one used.
        let edited = root.appendingPathComponent("seed-5.yml")
        try Data(printed.stdout.replacingOccurrences(of: "seed: 1", with: "seed: 5").utf8).write(to: edited)
        let reseeded = try Initlab.run(["run", "--shard", "1/5", "--config", edited.path, "--cache", cache.path])
        #expect(reseeded.status == 0, "\(reseeded.stderr)")
        #expect(reseeded.stderr.contains("stored saturation (") && !reseeded.stderr.contains("already cached"), "\(reseeded.stderr)")
    }

    @Test func aBadFileStopsTheBuildBeforeAnyWork() throws {
        let scratch = try ScratchFolder("initlab-config-command")
        defer { scratch.remove() }
        let root = scratch.url
        let file = root.appendingPathComponent("course.yml")
        try Data("experiments:\n  saturation:\n    unts: 3\n".utf8).write(to: file)
        let site = root.appendingPathComponent("site")
        let outcome = try Initlab.run(["build", "--config", file.path, "--output", site.path, "--no-cache"])
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr == "initlab: error: \(file.path):3:5: unknown parameter of experiments.saturation 'unts' (did you mean units?)\n"
        )
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }

    /// A section the course may not leave out is named at its line before anything runs.
    @Test func aCoreSectionLeftOutStopsTheBuildBeforeAnyWork() throws {
        let scratch = try ScratchFolder("initlab-config-command")
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("course.yml")
        try Data("profile: quick\ncourse:\n  omit: [sec:verification, sec:relu]\n".utf8).write(to: file)
        let site = scratch.url.appendingPathComponent("site")
        let outcome = try Initlab.run(["build", "--config", file.path, "--output", site.path, "--no-cache"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("initlab: error: \(file.path):3:28: sec:relu is part of the core and cannot be left out"))
        #expect(!outcome.stderr.contains("running") && !FileManager.default.fileExists(atPath: site.path), "\(outcome.stderr)")
    }

    /// The course's settings reach the page: its title block, and the verification left out.
    @Test func theCourseShapesThePage() throws {
        let scratch = try ScratchFolder("initlab-config-command")
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("course.yml")
        let course = "profile: quick\ncourse:\n  title: Starting weights\n  author: A. Teacher\n  omit: [sec:verification]\n"
        try Data(course.utf8).write(to: file)
        let cache = try QuickBuild.copyOfTheCache(at: scratch.url.appendingPathComponent("cache"))
        let site = scratch.url.appendingPathComponent("site")
        let outcome = try Initlab.run(["build", "--config", file.path, "--cache", cache.path, "--output", site.path, "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let page = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("<title>Starting weights</title>") && page.contains("<meta name=\"author\" content=\"A. Teacher\">"))
        #expect(!page.contains("id=\"verification\"") && page.contains("id=\"colophon\""))
    }
}
