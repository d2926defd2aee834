import Foundation
import Testing

/// Runs the real `initlab` executable the way a user does.
struct Initlab {
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        // `swift build --build-tests` puts the command beside the test bundle.
        let candidates = [
            project.appendingPathComponent(".build/debug/initlab"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("initlab"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in directory: URL = project) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file below `folder`, by relative path.
    static func files(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}

@Suite(.serialized) struct BuildCommandTests {
    @Test func buildWritesTheWholeSite() throws {
        let root = try Initlab.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let outcome = try Initlab.run(["build", "--profile", "quick", "--output", site.path, "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        let files = try Initlab.files(site)
        let figureIDs = [
            "saturation-logistic", "saturation-variance", "saturation-outside", "saturation-derivative",
            "propagation-forward", "propagation-backward", "propagation-batchnorm", "propagation-glorot-activations",
            "propagation-glorot-gradients", "propagation-relu-scale", "propagation-relu-distributions", "modes-tapering",
            "isometry-variance", "isometry-spectra", "isometry-qr-signs",
            "convergence-deep-relu", "convergence-tanh", "convergence-sigmoid", "convergence-deep-tanh", "convergence-symmetry",
            "convergence-bad-scale", "convergence-distance",
        ]
        for id in figureIDs {
            for file in ["figures/\(id).svg", "figures/\(id).png", "figures/\(id).pdf", "figures/\(id).dark.svg", "figures/\(id).dark.png", "data/\(id).csv"] {
                #expect(files[file].map { !$0.isEmpty } == true, "\(file)")
            }
        }
        #expect(files["data/saturation.csv"] != nil && files["data/propagation.csv"] != nil && files["data/propagation-histograms.csv"] != nil && files["data/convergence.csv"] != nil)
        #expect(files["style.css"] != nil)

        let page = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("<math"))
        #expect(page.contains("id=\"fig-saturation-variance\""))
        #expect(!page.contains("INITLABPIECE"))
        #expect(page.contains("href=\"figures/saturation-variance.pdf\""))

        let manifest = try JSONSerialization.jsonObject(with: files["data/manifest.json"] ?? Data()) as? [String: Any]
        let numbers = manifest?["numbers"] as? [String: Double] ?? [:]
        // σ′(x) = e^{−x}/(1 + e^{−x})², written out here independently of the program.
        #expect(abs((numbers["sigmoid_prime_at_2"] ?? 0) - exp(-2) / pow(1 + exp(-2), 2)) < 1e-15)
        #expect(abs((numbers["sigmoid_prime_at_10"] ?? 0) - exp(-10) / pow(1 + exp(-10), 2)) < 1e-19)
        let checks = manifest?["checks"] as? [[String: Any]] ?? []
        #expect(checks.count > 20)
        #expect(checks.allSatisfy { $0["passed"] as? Bool == true })
        #expect(checks.contains { ($0["id"] as? String)?.hasPrefix("saturation/variance/standardised") == true })
        let figures = manifest?["figures"] as? [[String: Any]] ?? []
        #expect(Set(figures.compactMap { $0["id"] as? String }) == Set(figureIDs))
        #expect(manifest?["generator"] as? String == "initlab 0.1.0")
        #expect(manifest?["seed"] as? Int == 1)
    }

    @Test func sameSeedSameBytes() throws {
        let root = try Initlab.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        #expect(try Initlab.run(["build", "--profile", "quick", "--output", a.path, "--quiet"]).status == 0)
        #expect(try Initlab.run(["build", "--profile", "quick", "--output", b.path, "--quiet"]).status == 0)
        let first = try Initlab.files(a), second = try Initlab.files(b)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs between two builds") }
    }

    @Test(arguments: [
        (["build", "--profile", "huge"], "huge"),
        (["build", "--seed", "minus"], "seed"),
        (["bild"], "bild"),
        (["build", "--templates", "/nonexistent/templates"], "/nonexistent/templates"),
    ])
    func badInputIsAUsageError(_ arguments: [String], _ mentioned: String) throws {
        let outcome = try Initlab.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(mentioned), "\(outcome.stderr)")
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let root = try Initlab.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let precious = root.appendingPathComponent("notes.txt")
        try Data("keep".utf8).write(to: precious)
        let outcome = try Initlab.run(["build", "--profile", "quick", "--output", root.path, "--quiet"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(root.path))
        #expect(try Initlab.files(root) == ["notes.txt": Data("keep".utf8)])
        #expect(outcome.stderr.contains("--force"))
        // Told to, it replaces the folder.
        let forced = try Initlab.run(["build", "--profile", "quick", "--output", root.path, "--quiet", "--force"])
        #expect(forced.status == 0)
        #expect(try Initlab.files(root)["notes.txt"] == nil)
        #expect(try Initlab.files(root)["index.html"] != nil)
    }

    @Test func versionAndHelp() throws {
        #expect(try Initlab.run(["--version"]).stdout == "initlab 0.1.0\n")
        let help = try Initlab.run(["build", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--profile"))
    }
}
