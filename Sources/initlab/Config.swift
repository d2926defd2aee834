import ArgumentParser
import Configuration
import Experiments
import TextSupport

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the complete build configuration as YAML that can be edited and fed back with `initlab build --config FILE`.",
        discussion:
            "Without --config, prints the built-in configuration of the profile; with --config, the file as it resolves (every key, defaults filled in), or the error that a build with it would stop on."
    )

    @Flag(help: "Print the built-in defaults (the default action).")
    var defaults = false

    @Option(help: "The profile whose sizes to print: quick, handout or paper.")
    var profile: Profile = .handout

    @Option(help: "A configuration file to check and print resolved.")
    var config: String?

    func run() throws {
        let resolved =
            try config.map { path throws(LocatedError) in try BuildConfiguration(path: path) } ?? BuildConfiguration(profile: profile)
        print(resolved.yaml(), terminator: "")
    }
}
