import ArgumentParser
import Foundation
import Report

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the templates built into initlab, or write them out for a course to edit.",
        discussion: """
            initlab carries its page layout, style sheet, math font, prose and bibliography inside the executable, so \
            `initlab build` runs from any folder. --export DIR writes them out (report.mustache, partials/, style.css, \
            fonts/, content/*.md, content/further/*.md, content/appendix/*.md, references.json, output-README.md); edit them \
            and build with \
            --templates DIR. DIR must be new, empty, or a \
            folder an earlier export wrote (it carries the .initlab-templates marker and no other file); it is written \
            beside its place and swapped in whole.
            """)

    @Option(help: ArgumentHelp("Write the built-in templates into this folder.", valueName: "dir"))
    var export: String?

    @Flag(help: "With --export, replace the folder even if it holds files initlab did not write (they are lost).")
    var force = false

    func validate() throws {
        if force && export == nil { throw ValidationError("--force replaces the folder of --export, which is missing") }
    }

    func run() throws {
        guard let export else {
            print(BuiltInTemplates.paths.joined(separator: "\n"))
            return
        }
        try BuiltInTemplates.export(to: export, force: force)
        let message = "initlab: wrote \(BuiltInTemplates.paths.count) files to \(export); build with --templates \(export)\n"
        FileHandle.standardError.write(Data(message.utf8))
    }
}
