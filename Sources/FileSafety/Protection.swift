import Foundation

/// Folders no removal and no replacement may touch, nor any folder that contains them: `/`, the
/// home folder, the working folder, and what a command registers for its run (a build's
/// templates, its cache, the folder of its configuration file).
public enum Protection {
    private static let registry = Registry()

    /// Protects `url` and every folder containing it for the rest of this process.
    public static func protect(_ url: URL) {
        let path = CanonicalPath.resolved(url.path) ?? url.standardizedFileURL.path
        registry.insert(path)
    }

    /// Why `url` must not be removed or replaced, or nil when it may.
    public static func reason(for url: URL) -> String? {
        let path = CanonicalPath.bestEffort(url)
        if path == "/" { return "it is the root folder" }
        var named: [(String, String)] = [(FileManager.default.currentDirectoryPath, "the working folder")]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { named.append((home, "the home folder")) }
        named.append((NSHomeDirectory(), "the home folder"))
        for (folder, name) in named {
            let resolved = CanonicalPath.resolved(folder) ?? folder
            if path == resolved { return "it is \(name)" }
            if CanonicalPath.isWithin(resolved, path) { return "it contains \(name) \(resolved)" }
        }
        for protected in registry.paths.sorted() {
            if path == protected { return "it is protected during this run (an input of the command)" }
            if CanonicalPath.isWithin(protected, path) { return "it contains \(protected), an input of the command" }
        }
        return nil
    }

    /// Throws the refusal when `url` is protected.
    public static func check(_ url: URL, hint: String? = nil) throws(FileSafetyError) {
        if let reason = reason(for: url) {
            throw FileSafetyError(url.path, "refused: \(reason)", hint: hint ?? "choose a path inside a folder of its own")
        }
    }
}

/// A set of paths shared by every thread of the process.
final class Registry: @unchecked Sendable {
    private let lock = NSLock()
    private var members: Set<String> = []

    func insert(_ path: String) { lock.withLock { _ = members.insert(path) } }
    func contains(_ path: String) -> Bool { lock.withLock { members.contains(path) } }
    func forget(_ path: String) { lock.withLock { members = members.subtracting([path]) } }
    var paths: Set<String> { lock.withLock { members } }
}
