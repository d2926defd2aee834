import FileSafety
import Foundation
import TextSupport

/// The site is a marked folder (see `MarkedFolder`): written beside its destination, swapped in
/// whole, and replaced or cleaned only as far as its marker says initlab wrote it.
enum SiteWriter {
    static let kind = FolderKind.site

    /// `force` replaces a folder with files initlab did not write: the user has said they may go.
    static func write(_ files: [String: Data], to destination: String, force: Bool = false) throws(LocatedError) {
        do {
            try MarkedFolder.write(files, to: URL(fileURLWithPath: destination), kind: kind, force: force)
        } catch {
            throw LocatedError(error, option: "--output")
        }
    }
}

/// What commands may do to a site folder before and after a build.
public enum SiteFolder {
    /// Throws when a build could not write its site to `path`, before anything runs.
    public static func checkDestination(_ path: String, force: Bool) throws(LocatedError) {
        do {
            try MarkedFolder.check(URL(fileURLWithPath: path), kind: SiteWriter.kind, force: force)
        } catch {
            throw LocatedError(error, option: "--output")
        }
    }

    /// Removes what a build wrote, keeping the folder, its README and its marker, so the
    /// project's `output/` goes back to what a fresh clone has. A folder initlab did not write,
    /// or one holding files the marker does not list, is left alone with an error naming why.
    public static func clean(_ path: String) throws(LocatedError) {
        do {
            try MarkedFolder.clean(URL(fileURLWithPath: path), kind: SiteWriter.kind, keeping: ["README.md"])
        } catch {
            throw LocatedError(error, option: "--output")
        }
    }
}

extension LocatedError {
    /// A refusal of FileSafety, located at the path it names and the option that gave it.
    public init(_ error: FileSafetyError, option: String) {
        self.init("\(option) \(error.path)", error.reason, hint: error.hint)
    }
}
