import Foundation
import Scratch
import Testing

/// Every kind of bad input a user can give, each with the message it must produce, its exit
/// status, and the check that the previous site is still there, byte for byte.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The configuration file's text, when the case passes one.
        let config: String?
        /// Arguments after `build`; CONFIG, SITE and ROOT stand for the paths of the case.
        let arguments: [String]
        let status: Int32
        /// Text the error must contain, with the same placeholders.
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "malformed YAML", config: "seed: [1\n", arguments: ["--config", "CONFIG"], status: 2,
            message: "CONFIG:2:1: YAML syntax error"),
        Case(
            name: "wrong type", config: "seed: twelve\n", arguments: ["--config", "CONFIG"], status: 2,
            message: "CONFIG:1:7: seed must be a whole number"),
        Case(
            name: "unknown key", config: "experiments:\n  saturation:\n    unts: 3\n", arguments: ["--config", "CONFIG"], status: 2,
            message: "CONFIG:3:5: unknown parameter of experiments.saturation 'unts' (did you mean units?)"),
        Case(
            name: "misspelt experiment", config: "experiments:\n  propagaton: {}\n", arguments: ["--config", "CONFIG"], status: 2,
            message: "CONFIG:2:3: unknown experiment 'propagaton' (did you mean propagation?)"),
        Case(
            name: "misspelt rule", config: "experiments:\n  propagation:\n    grid:\n      rules: [{rule: he-norml}]\n",
            arguments: ["--config", "CONFIG"], status: 2, message: "invalid value 'he-norml'"),
        Case(
            name: "misspelt activation", config: "experiments:\n  propagation:\n    grid:\n      activations: [tanhh]\n",
            arguments: ["--config", "CONFIG"], status: 2, message: "invalid value 'tanhh'"),
        Case(
            name: "zero width", config: "experiments:\n  propagation:\n    grid:\n      width: 0\n", arguments: ["--config", "CONFIG"],
            status: 2, message: "CONFIG:4:14: experiments.propagation.grid.width: 0 is outside 1 to 8192"),
        Case(
            name: "NaN", config: "experiments:\n  saturation:\n    false_alarm_rate: .nan\n", arguments: ["--config", "CONFIG"], status: 2,
            message: "must be a finite number, not .nan"),
        Case(
            name: "absurd size", config: "experiments:\n  saturation:\n    fan_ins: [1048576]\n    units: 4096\n",
            arguments: ["--config", "CONFIG"], status: 2, message: "MiB per layer; keep it under 1 GiB"),
        Case(
            name: "missing configuration", config: nil, arguments: ["--config", "ROOT/nowhere.yml"], status: 2,
            message: "ROOT/nowhere.yml: cannot read the configuration file"),
        Case(
            name: "missing templates", config: nil, arguments: ["--templates", "ROOT/no-templates"], status: 2,
            message: "no template folder here"),
        Case(name: "bad profile", config: nil, arguments: ["--profile", "huge"], status: 2, message: "huge"),
        Case(name: "negative seed", config: nil, arguments: ["--seed", "-3"], status: 2, message: "seed"),
        Case(
            name: "output under a file", config: nil, arguments: ["--output", "ROOT/a-file/site"], status: 2,
            message: "--output ROOT/a-file/site"),
        Case(name: "output is a file", config: nil, arguments: ["--output", "ROOT/a-file"], status: 2, message: "is a file, not a folder"),
        Case(
            name: "output is a folder initlab did not write", config: nil, arguments: ["--output", "ROOT/home"], status: 2,
            message: "this folder holds files initlab did not write"),
    ]

    /// Each case in ROOT, beside an empty cache folder: the previous site is a copy of the shared
    /// quick build's, and the case fails before any experiment would run.
    @Test(arguments: cases)
    func refusedWithNothingLost(_ bad: Case) throws {
        let scratch = try ScratchFolder("initlab-bad-input")
        defer { scratch.remove() }
        let root = scratch.url.appendingPathComponent("root"), cache = scratch.url.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false)
        let site = try QuickBuild.copyOfTheSite(at: root.appendingPathComponent("site"))
        try Data("not a folder".utf8).write(to: root.appendingPathComponent("a-file"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("home"), withIntermediateDirectories: true)
        try Data("thesis".utf8).write(to: root.appendingPathComponent("home/thesis.tex"))
        let before = try Initlab.files(root)

        let config = root.appendingPathComponent("course.yml")
        if let text = bad.config { try Data(text.utf8).write(to: config) }
        let substitute = { (text: String) in
            text.replacingOccurrences(of: "CONFIG", with: config.path).replacingOccurrences(of: "SITE", with: site.path)
                .replacingOccurrences(of: "ROOT", with: root.path)
        }
        var arguments = ["build", "--profile", "quick", "--cache", cache.path]
        if !bad.arguments.contains("--output") { arguments += ["--output", site.path] }
        let outcome = try Initlab.run(arguments + bad.arguments.map(substitute))
        #expect(outcome.status == bad.status, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(substitute(bad.message)), "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("initlab: error: ") || outcome.stderr.contains("Error: "), "\(outcome.stderr)")

        var after = try Initlab.files(root)
        after["course.yml"] = nil
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, data) in before { #expect(after[path] == data, "\(path) changed") }
    }

    /// A truncated entry (saturation's, the cheapest to recompute) is recomputed with a warning,
    /// the other entries are served, and the site is the one the experiments first gave.
    @Test func corruptedCacheIsRecomputedWithAWarning() throws {
        let scratch = try ScratchFolder("initlab-corrupted-cache")
        defer { scratch.remove() }
        let cache = try QuickBuild.copyOfTheCache(at: scratch.url.appendingPathComponent("cache"))
        let second = scratch.url.appendingPathComponent("second")
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".json") }
        #expect(entries.contains { $0.hasPrefix("saturation-") }, "\(entries)")
        for name in entries where name.hasPrefix("saturation-") {
            let entry = cache.appendingPathComponent(name)
            let data = try Data(contentsOf: entry)
            try data.prefix(data.count / 2).write(to: entry)
        }
        let outcome = try Initlab.run(["build", "--profile", "quick", "--output", second.path, "--cache", cache.path])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("fails its checksum (truncated or edited)"))
        #expect(outcome.stderr.components(separatedBy: "warning:").count == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("saturation: ran"), "\(outcome.stderr)")
        #expect(outcome.stderr.components(separatedBy: ": from the cache").count - 1 == entries.count - 1, "\(outcome.stderr)")
        #expect(try Initlab.files(QuickBuild.site()) == Initlab.files(second))
    }
}
