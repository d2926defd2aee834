import Foundation
import Scratch
import Testing

/// Text the command prints, compared with a file committed under Tests/initlabTests/Snapshots,
/// so that a change to what users read shows up in review as a diff of that file.
/// `INITLAB_UPDATE_SNAPSHOTS=1 swift test --skip-build --filter initlabTests` rewrites the files
/// from the current output instead of comparing.
enum Snapshot {
    static let folder = Initlab.project.appendingPathComponent("Tests/initlabTests/Snapshots")
    static let updateVariable = "INITLAB_UPDATE_SNAPSHOTS"

    /// Expects `text` to be the snapshot `name`, or records it when asked to.
    static func expect(_ text: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment[updateVariable] == "1" {
            try Data(text.utf8).write(to: file)
            return
        }
        let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        guard text != expected else { return }
        let difference = try unifiedDiff(expected: file, actual: text)
        Issue.record(
            """
            \(file.path) differs from what the command prints now (- snapshot, + now):
            \(difference)
            If the change is meant, rewrite the snapshots and review their diff:
              \(updateVariable)=1 swift test --skip-build --filter initlabTests
            """,
            sourceLocation: sourceLocation)
    }

    /// `diff -u` of the snapshot file against `actual`.
    static func unifiedDiff(expected: URL, actual: String) throws -> String {
        let scratch = try ScratchFolder("initlab-snapshot")
        defer { scratch.remove() }
        let now = scratch.url.appendingPathComponent("now")
        try Data(actual.utf8).write(to: now)
        let missing = !FileManager.default.fileExists(atPath: expected.path)
        let outcome = try TestTools.run("diff", ["-u", missing ? "/dev/null" : expected.path, now.path])
        return outcome.stdout
    }
}
