import Foundation
import Testing

@Suite struct ConfigCommandTests {
    @Test func defaultsFeedBackIntoABuild() throws {
        let root = try Initlab.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let printed = try Initlab.run(["config", "--defaults", "--profile", "quick"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("profile: quick") && printed.stdout.contains("fan_ins: [1, 4, 16, 64, 256, 1024, 4096]"))
        let edited = printed.stdout.replacingOccurrences(of: "seed: 1", with: "seed: 5")
        let file = root.appendingPathComponent("course.yml")
        try Data(edited.utf8).write(to: file)
        let site = root.appendingPathComponent("site")
        let outcome = try Initlab.run(["build", "--config", file.path, "--output", site.path, "--no-cache", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("data/manifest.json"))) as? [String: Any]
        #expect(manifest?["seed"] as? Int == 5)
        #expect(manifest?["profile"] as? String == "quick")
    }

    @Test func aBadFileStopsTheBuildBeforeAnyWork() throws {
        let root = try Initlab.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("course.yml")
        try Data("experiments:\n  saturation:\n    unts: 3\n".utf8).write(to: file)
        let site = root.appendingPathComponent("site")
        let outcome = try Initlab.run(["build", "--config", file.path, "--output", site.path, "--no-cache"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "initlab: error: \(file.path):3:5: unknown parameter of experiments.saturation 'unts' (did you mean units?)\n")
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }
}
