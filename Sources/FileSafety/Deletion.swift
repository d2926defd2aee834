import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place initlab removes files and folders. A caller says why the item may go, and the
/// reason is checked here, not taken on trust; whatever the reason, a protected path (see
/// `Protection`) is refused. A symlink is removed itself, never what it points to.
public enum Deletion {
    public enum Evidence: Sendable {
        /// This process made the item through `Created` and has not handed it over.
        case createdByThisProcess
        /// The item lies inside `site`, whose marker carries initlab's signature and lists it
        /// (a folder: lists everything in it).
        case siteFile(site: URL, kind: FolderKind)
        /// A staging folder `.NAME.initlab-new-PID` or `.NAME.initlab-old-PID` beside the
        /// destination NAME, left by a process that no longer runs, carrying initlab's marker.
        case leftoverStaging(of: URL, kind: FolderKind)
        /// A file directly in `cache`, which carries initlab's CACHEDIR.TAG, whose name is one
        /// initlab gives its entries (`CacheTag.isEntryName`).
        case cacheEntry(cache: URL)
        /// A folder that carries initlab's CACHEDIR.TAG and holds nothing else.
        case emptyCache
    }

    /// Removes `url` if `evidence` holds for it and it is not protected; nothing there is no error.
    public static func delete(_ url: URL, because evidence: Evidence) throws(FileSafetyError) {
        guard let path = CanonicalPath.ofItem(url), let kind = CanonicalPath.kind(path) else { return }
        if let reason = Protection.reason(for: URL(fileURLWithPath: path)) {
            throw FileSafetyError(url.path, "refused to remove it: \(reason)")
        }
        if let reason = refusal(of: evidence, path: path, kind: kind) {
            throw FileSafetyError(url.path, "refused to remove it: \(reason)")
        }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw FileSafetyError(url.path, "cannot remove it: \(error.localizedDescription)")
        }
        Created.forget(path)
    }

    /// Why `evidence` does not hold for the item at canonical `path`, or nil when it does.
    static func refusal(of evidence: Evidence, path: String, kind: CanonicalPath.ItemKind) -> String? {
        let name = (path as NSString).lastPathComponent
        let parent = (path as NSString).deletingLastPathComponent
        switch evidence {
        case .createdByThisProcess:
            return Created.contains(path) ? nil : "this process did not create it"
        case .siteFile(let site, let folderKind):
            guard let root = CanonicalPath.resolved(site.path) else { return "the folder \(site.path) does not exist" }
            let marker: FolderMarker
            do {
                marker = try FolderMarker.read(in: URL(fileURLWithPath: root), kind: folderKind)
            } catch {
                return error.description
            }
            guard path != root, CanonicalPath.isWithin(path, root) else { return "it is not inside \(site.path)" }
            let relative = String(path.dropFirst(root == "/" ? 1 : root.count + 1))
            if relative == folderKind.markerName { return "it is the folder's marker" }
            if kind == .folder {
                guard marker.covers(relative) else { return "the \(folderKind.markerName) marker does not list it" }
                let unlisted = FolderMarker.unlisted(in: URL(fileURLWithPath: root), below: relative, marker: marker)
                return unlisted.isEmpty ? nil : "it holds \(unlisted[0]), which the \(folderKind.markerName) marker does not list"
            }
            return marker.files.contains(relative) ? nil : "the \(folderKind.markerName) marker does not list it"
        case .leftoverStaging(let destination, let folderKind):
            let target = CanonicalPath.bestEffort(destination)
            let targetName = (target as NSString).lastPathComponent
            guard parent == (target as NSString).deletingLastPathComponent else { return "it is not beside \(destination.path)" }
            let prefixes = [".\(targetName).initlab-new-", ".\(targetName).initlab-old-"]
            guard let prefix = prefixes.first(where: name.hasPrefix), let pid = Int32(name.dropFirst(prefix.count)), pid > 0 else {
                return "its name is not one of initlab's staging folders for \(targetName)"
            }
            guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { return "process \(pid), which made it, still runs" }
            guard kind == .folder else { return "it is not a folder" }
            do {
                _ = try FolderMarker.read(in: URL(fileURLWithPath: path), kind: folderKind)
            } catch {
                return error.description
            }
            return nil
        case .cacheEntry(let cache):
            guard let root = CanonicalPath.resolved(cache.path) else { return "the cache folder \(cache.path) does not exist" }
            guard CacheTag.isPresent(in: URL(fileURLWithPath: root)) else {
                return "\(cache.path) has no \(CacheTag.fileName) written by initlab, so it is not initlab's cache"
            }
            guard parent == root else { return "it is not directly inside the cache folder \(cache.path)" }
            guard CacheTag.isEntryName(name) else { return "its name is not one initlab gives a cache entry" }
            return kind == .folder ? "it is a folder, not a cache entry" : nil
        case .emptyCache:
            guard kind == .folder, CacheTag.isPresent(in: URL(fileURLWithPath: path)) else {
                return "it is not a folder tagged as initlab's cache"
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names == [CacheTag.fileName] ? nil : "it holds more than its \(CacheTag.fileName)"
        }
    }
}
