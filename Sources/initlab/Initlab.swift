import ArgumentParser
import Configuration
import FileSafety
import Foundation
import Report
import TextSupport

@main
struct Initlab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "initlab",
        abstract:
            "Writes a handout on neural-network weight initialisation: runs the experiments, draws the figures, assembles the report.",
        version: "initlab \(InitlabVersion.current)",
        subcommands: [Build.self, Run.self, Config.self, Sample.self, Rules.self, Gallery.self, Templates.self, Clean.self],
        defaultSubcommand: nil)

    /// Exit statuses: 0 success, 1 a failure during the build, 2 a usage error (bad option or
    /// bad input the user can fix), as in the project's conventions; ArgumentParser's own
    /// default for usage errors (64) is mapped to 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as LocatedError {
            FileHandle.standardError.write(Data("initlab: error: \(error)\n".utf8))
            Foundation.exit(2)
        } catch let error as FileSafetyError {
            FileHandle.standardError.write(Data("initlab: error: \(error)\n".utf8))
            Foundation.exit(2)
        } catch let error as BuildFailure {
            FileHandle.standardError.write(Data("initlab: error: \(error.message)\n".utf8))
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// A build that ran but did not succeed, such as a failed check.
struct BuildFailure: Error {
    let message: String
}
