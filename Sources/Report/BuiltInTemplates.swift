import FileSafety
import Foundation
import TextSupport

/// The project's `templates/` folder as built into the executable (by the BuiltInTemplates
/// plugin), and its export to a folder a course can edit and pass back with `--templates`.
public enum BuiltInTemplates {
    /// How errors and messages name the built-in files.
    public static let label = "built-in templates"

    /// Every file by its path inside the folder.
    static let files: [String: Data] = BuiltInTemplateFiles.base64.compactMapValues { Data(base64Encoded: $0) }

    /// An exported folder is written whole with a marker, like the site: a second export
    /// replaces only a folder the first one wrote, and never one holding other files.
    static let kind = FolderKind(name: "templates", markerName: ".initlab-templates", command: "initlab templates --export")

    /// Writes the built-in templates into `destination`, which must be new, empty or an earlier
    /// export (or anything, with `force`); the folder appears whole or not at all.
    public static func export(to destination: String, force: Bool) throws(LocatedError) {
        do {
            try MarkedFolder.write(files, to: URL(fileURLWithPath: destination), kind: kind, force: force)
        } catch {
            throw LocatedError(error, option: "--export")
        }
    }

    /// The paths of the built-in files, sorted.
    public static var paths: [String] { files.keys.sorted() }
}
