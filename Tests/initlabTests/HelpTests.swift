import Foundation
import Testing

/// What `--help` and `--version` print. ArgumentParser wraps help at the terminal's width, taken
/// from COLUMNS first, so the snapshots are made at a fixed 80 columns.
@Suite struct HelpTests {
    @Test func versionAndHelp() throws {
        #expect(try Initlab.run(["--version"]).stdout == "initlab 0.1.0\n")
        let help = try Initlab.run(["build", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--profile"))
    }

    static let commands = ["", "build", "run", "config", "sample", "rules", "gallery", "templates", "clean"]

    @Test(arguments: commands)
    func helpMatchesTheSnapshot(_ command: String) throws {
        let outcome = try Initlab.run((command.isEmpty ? [] : [command]) + ["--help"], environment: ["COLUMNS": "80"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        try Snapshot.expect(outcome.stdout, matches: "help\(command.isEmpty ? "" : "-\(command)").txt")
    }

    /// Every command has a snapshot, so a new command cannot go without one.
    @Test func everyCommandHasASnapshot() throws {
        let listed = try Initlab.run(["--help"], environment: ["COLUMNS": "80"]).stdout
        let section = listed.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        // A command starts its line after two spaces; its abstract continues further in.
        let subcommands = section.split(separator: "\n").compactMap { $0.firstMatch(of: /^  ([a-z][a-z-]*)\s/).map { String($0.1) } }
        #expect(Set(subcommands) == Set(Self.commands.dropFirst()), "\(subcommands)")
    }
}
