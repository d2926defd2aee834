import Foundation
import PackagePlugin

/// Gives the Report module the project's `templates/` folder as Swift source, so the executable
/// needs no resource bundle beside it and a copied binary still builds the handout. Every file of
/// the folder is an input of the command, so editing one re-runs it; the folder is listed afresh
/// on every build, so a new file is picked up too.
@main
struct BuiltInTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appendingPathComponent("templates")
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            // Hidden files (an editor's swap file, .DS_Store) are not templates.
            let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
            guard isFile, !url.lastPathComponent.hasPrefix(".") else { continue }
            files.append(url)
        }
        files.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedBuiltInTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding the templates",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [output.path, folder.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
