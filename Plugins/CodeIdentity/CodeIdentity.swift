import Foundation
import PackagePlugin

/// Gives the Experiments module the digests of the code its results come from, so a cache entry
/// computed by other code is a miss. Every source file of the digest is an input of the command,
/// so editing one re-runs it; the experiments' folders and the modules they compute with are
/// read, never Charts, Report or the templates, whose edits must keep the cached results.
@main
struct CodeIdentity: BuildToolPlugin {
    /// The modules whose code computes results, besides the experiments' own folders.
    static let computingModules = ["Numerics", "Initializers", "Networks"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let experiments = target as? SourceModuleTarget else { return [] }
        let modules = context.package.targets.compactMap { $0 as? SourceModuleTarget }.filter { Self.computingModules.contains($0.name) }
        let files = experiments.sourceFiles.map(\.url) + modules.flatMap { $0.sourceFiles.map(\.url) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedCodeDigest.swift")
        return [
            .buildCommand(
                displayName: "Digesting the code of the experiments",
                executable: try context.tool(named: "CodeDigest").url,
                arguments: [output.path, context.package.directoryURL.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
