import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths compared by what they name on disk, so that `..`, `.` and symlinks cannot smuggle a
/// protected folder past a comparison of spellings.
enum CanonicalPath {
    /// Every symlink resolved, or nil when the path does not exist.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The folder holding the item resolved, the item's own name kept: a symlink names the link
    /// itself, which is what a removal removes. Nil when the folder holding it does not exist.
    static func ofItem(_ url: URL) -> String? {
        let components = url.standardizedFileURL.path.split(separator: "/").map(String.init)
        guard let last = components.last else { return "/" }
        if last == "." || last == ".." { return resolved(url.path) }
        guard let parent = resolved("/" + components.dropLast().joined(separator: "/")) else { return nil }
        return parent == "/" ? "/" + last : parent + "/" + last
    }

    /// What `ofItem` gives, or for a path below a missing folder the spelling without `..`.
    static func bestEffort(_ url: URL) -> String {
        ofItem(url) ?? url.standardizedFileURL.path
    }

    /// Whether `path` is `folder` or lies below it.
    static func isWithin(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// lstat's view of the item: nil when nothing is there; a symlink is not followed.
    static func kind(_ path: String) -> ItemKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        case S_IFREG: return .file
        default: return .other
        }
    }

    enum ItemKind { case file, folder, symlink, other }
}
