import FileSafety
import Foundation
import Scratch
import Testing

/// What `build`, `gallery` and `clean` may replace or delete, each case in a project folder the
/// test makes under the temporary folder: every refusal exits 2 naming the path and leaves every
/// file byte for byte as it was.
@Suite struct DeletionSafetyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Arguments of the command, run in PROJECT; ROOT stands for the folder holding it.
        let arguments: [String]
        /// Text the error must contain, with the same placeholder.
        let message: String
        var testDescription: String { name }
    }

    static let build = ["build", "--profile", "quick", "--templates", "templates", "--cache", "cache", "--quiet"]

    static let refusals: [Case] = [
        Case(
            name: "templates forced", arguments: build + ["--output", "templates", "--force"],
            message: "ROOT/project/templates: refused: it is the templates folder"),
        Case(
            name: "templates forced while building from the built-in ones",
            arguments: ["build", "--profile", "quick", "--cache", "cache", "--quiet", "--output", "templates", "--force"],
            message: "ROOT/project/templates: refused: it is the templates folder"),
        Case(
            name: "cache forced", arguments: build + ["--output", "cache", "--force"],
            message: "ROOT/project/cache: refused: it is the cache folder"),
        Case(name: "working folder forced", arguments: build + ["--output", ".", "--force"], message: "it is the working folder"),
        Case(
            name: "folder holding the working folder forced", arguments: build + ["--output", "..", "--force"],
            message: "it contains the working folder"),
        Case(
            name: "folder holding the templates forced",
            arguments: build + ["--output", "inputs", "--templates", "inputs/templates", "--force"],
            message: "it contains ROOT/project/inputs/templates, the templates folder"),
        Case(
            name: "configuration folder forced", arguments: build + ["--config", "conf/course.yml", "--output", "conf", "--force"],
            message: "ROOT/project/conf: refused: it is the configuration file's folder"),
        Case(name: "empty marker in a foreign folder", arguments: build + ["--output", "ROOT/planted"], message: "initlab did not write"),
        Case(name: "a file a user added to a built site", arguments: build + ["--output", "ROOT/site"], message: "ROOT/site/notes.txt"),
        Case(name: "clean with a file a user added", arguments: ["clean", "--output", "ROOT/site"], message: "ROOT/site/notes.txt"),
        Case(
            name: "clean of a foreign folder with an empty marker", arguments: ["clean", "--output", "ROOT/planted"],
            message: "ROOT/planted"),
        Case(name: "clean of the working folder", arguments: ["clean", "--output", "."], message: "it is the working folder"),
        Case(
            name: "gallery over the working folder", arguments: ["gallery", "--output", ".", "--force"],
            message: "it is the working folder"),
        Case(name: "gallery over a built site", arguments: ["gallery", "--output", "ROOT/site"], message: "ROOT/site"),
    ]

    /// ROOT/project with templates, a cache, a configuration and inputs/templates; ROOT/planted,
    /// a foreign folder with an empty marker; ROOT/site, a built site a user added a file to.
    static func makeProject() throws -> (scratch: ScratchFolder, root: URL, project: URL) {
        let scratch = try ScratchFolder("initlab-deletion-safety")
        let root = scratch.url
        let project = root.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("inputs"), withIntermediateDirectories: true)
        for copy in ["templates", "inputs/templates"] {
            try FileManager.default.copyItem(
                at: Initlab.project.appendingPathComponent("templates"), to: project.appendingPathComponent(copy))
        }
        try write("an earlier result", project.appendingPathComponent("cache/notes.txt"))
        // A cache initlab made (a build refuses any other folder as its cache), with a user's file.
        try CacheTag.write(in: project.appendingPathComponent("cache"))
        try write("seed: 1\n", project.appendingPathComponent("conf/course.yml"))
        try write("thesis", root.appendingPathComponent("planted/thesis.tex"))
        try write("", root.appendingPathComponent("planted/.initlab-site"))
        try write("old page", root.appendingPathComponent("site/index.html"))
        try write(FolderMarker(kind: .site, files: ["index.html"]).text, root.appendingPathComponent("site/.initlab-site"))
        try write("mine", root.appendingPathComponent("site/notes.txt"))
        return (scratch, root, project)
    }

    static func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test(arguments: refusals)
    func refusedWithNothingTouched(_ refusal: Case) throws {
        let (scratch, root, project) = try Self.makeProject()
        defer { scratch.remove() }
        let before = try Initlab.files(root)
        let outcome = try Initlab.run(refusal.arguments.map { $0.replacingOccurrences(of: "ROOT", with: root.path) }, in: project)
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(refusal.message.replacingOccurrences(of: "ROOT", with: root.path)), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        let after = try Initlab.files(root)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, data) in before { #expect(after[path] == data, "\(path) changed") }
    }

    /// The output folder is checked before the experiments run: the handout profile would run
    /// for minutes, and its cache stays empty.
    @Test func aRefusedOutputCostsNoExperiment() throws {
        let (scratch, root, project) = try Self.makeProject()
        defer { scratch.remove() }
        let started = Date()
        let outcome = try Initlab.run(
            [
                "build", "--profile", "handout", "--templates", "templates", "--cache", "fresh-cache",
                "--output", root.appendingPathComponent("planted").path,
            ],
            in: project)
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("fresh-cache").path)) ?? []
        #expect(!entries.contains { $0.hasSuffix(".json") }, "\(entries)")
    }

    @Test func cleanRemovesOnlyWhatTheMarkerLists() throws {
        let (scratch, root, project) = try Self.makeProject()
        defer { scratch.remove() }
        let site = root.appendingPathComponent("site")
        try FileManager.default.removeItem(at: site.appendingPathComponent("notes.txt"))
        let outcome = try Initlab.run(["clean", "--output", site.path], in: project)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == [".initlab-site"])
    }

    /// SIGINT and SIGTERM at a known point, the new site complete beside the old one: the hook
    /// INITLAB_TEST_HOLD_BEFORE_SWAP makes the build wait there until the signal arrives. The
    /// project's cache gets the shared quick results, since the signal comes after the experiments.
    @Test func aSignalRemovesTheStagingFolderAndKeepsThePreviousSite() throws {
        let (scratch, root, project) = try Self.makeProject()
        defer { scratch.remove() }
        let shared = try QuickBuild.shared().cache
        for name in try FileManager.default.contentsOfDirectory(atPath: shared.path) where name.hasSuffix(".json") {
            try FileManager.default.copyItem(at: shared.appendingPathComponent(name), to: project.appendingPathComponent("cache/\(name)"))
        }
        let site = root.appendingPathComponent("site")
        try FileManager.default.removeItem(at: site.appendingPathComponent("notes.txt"))
        let before = try Initlab.files(site)
        for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            let process = Process()
            process.executableURL = Initlab.executable
            process.arguments = Self.build + ["--output", site.path]
            process.currentDirectoryURL = project
            process.environment = ProcessInfo.processInfo.environment.merging(["INITLAB_TEST_HOLD_BEFORE_SWAP": "1"]) { $1 }
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            var said = ""
            while !said.contains("initlab: holding") {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                said += String(decoding: chunk, as: UTF8.self)
            }
            #expect(said.contains("initlab: holding \(root.path)/.site.initlab-new-"), "\(said)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).contains { $0.hasPrefix(".site.initlab-new-") })
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == status, "signal \(signal)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["planted", "project", "site"])
            #expect(try Initlab.files(site) == before)
        }
    }
}
