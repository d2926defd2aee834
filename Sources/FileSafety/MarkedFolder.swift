import CSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder initlab writes whole (the site, the chart gallery): written beside its destination,
/// with a marker that signs it and lists its files, and swapped into place in one step, so an
/// interrupted or failed run leaves the previous folder as it was.
///
/// A destination may be replaced when it does not exist, is empty, or carries the kind's signed
/// marker and holds no file the marker does not list. `force` also replaces a folder with foreign
/// or unlisted files. Nothing replaces a protected folder (see `Protection`), force or not.
public enum MarkedFolder {
    /// Set by the interrupt tests: the writer waits, with the new folder complete beside the
    /// destination, until a signal ends the process, so the test can interrupt it at that point.
    static let holdBeforeSwapVariable = "INITLAB_TEST_HOLD_BEFORE_SWAP"

    /// Throws when writing `destination` would be refused, without touching anything: commands
    /// call it before doing the work that produces the files.
    public static func check(_ destination: URL, kind: FolderKind, force: Bool) throws(FileSafetyError) {
        try Protection.check(destination, hint: "--force never replaces it; choose a new folder for the \(kind.name)")
        let path = destination.standardizedFileURL.path
        switch CanonicalPath.kind(path) {
        case nil:
            var ancestor = destination.standardizedFileURL.deletingLastPathComponent()
            while CanonicalPath.kind(ancestor.path) == nil && ancestor.path != "/" { ancestor.deleteLastPathComponent() }
            guard CanonicalPath.kind(CanonicalPath.resolved(ancestor.path) ?? ancestor.path) == .folder else {
                throw FileSafetyError(destination.path, "cannot be created: \(ancestor.path) is not a folder")
            }
            guard access(ancestor.path, W_OK | X_OK) == 0 else {
                throw FileSafetyError(destination.path, "cannot be created: \(ancestor.path) is not writable")
            }
        case .folder:
            guard access(destination.deletingLastPathComponent().path, W_OK | X_OK) == 0 else {
                throw FileSafetyError(destination.path, "cannot be replaced: the folder holding it is not writable")
            }
            if force { return }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if entries.isEmpty || isLegacy(destination, kind: kind) { return }
            let marker: FolderMarker
            do {
                marker = try FolderMarker.read(in: destination, kind: kind)
            } catch {
                throw FileSafetyError(
                    destination.path,
                    "this folder holds files initlab did not write (\(error.reason)), and a run replaces the whole folder",
                    hint: "choose an empty or new folder, or pass --force to replace it")
            }
            let unlisted = FolderMarker.unlisted(in: destination, marker: marker)
            if let first = unlisted.first {
                let more = unlisted.count > 1 ? " and \(unlisted.count - 1) more" : ""
                throw FileSafetyError(
                    destination.appendingPathComponent(first).path,
                    "was not written by `\(kind.command)`\(more), and a run replaces the whole folder",
                    hint: "move it out of \(destination.path), or pass --force to let it be deleted")
            }
        case .symlink:
            throw FileSafetyError(destination.path, "is a symlink", hint: "give the folder it points to")
        case .file, .other:
            throw FileSafetyError(destination.path, "is a file, not a folder", hint: "choose a folder for the \(kind.name)")
        }
    }

    /// Whether `folder` carries exactly the marker an earlier version wrote (see `FolderKind`).
    static func isLegacy(_ folder: URL, kind: FolderKind) -> Bool {
        let marker = folder.appendingPathComponent(kind.markerName)
        guard let legacy = kind.legacyMarkerText, CanonicalPath.kind(marker.path) == .file else { return false }
        return FileManager.default.contents(atPath: marker.path) == Data(legacy.utf8)
    }

    /// Writes `files` (relative paths) and the marker listing them into a new folder beside
    /// `destination`, then swaps it into place; the previous folder goes only after the swap.
    public static func write(_ files: [String: Data], to destination: URL, kind: FolderKind, force: Bool) throws(FileSafetyError) {
        if let bad = files.keys.first(where: { !FolderMarker.isRelativePath($0) || $0 == kind.markerName }) {
            throw FileSafetyError(bad, "is not a path a \(kind.name) may hold")
        }
        try check(destination, kind: kind, force: force)
        let target = destination.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw FileSafetyError(parent.path, "cannot create the folder: \(error.localizedDescription)")
        }
        removeLeftovers(of: target, kind: kind)
        let pid = getpid()
        let staging = try Created.folder(at: parent.appendingPathComponent(".\(target.lastPathComponent).initlab-new-\(pid)"))
        do {
            // The marker goes first, so a staging folder left by a killed process is recognised.
            let marker = FolderMarker(kind: kind, files: files.keys)
            try writeFile(Data(marker.text.utf8), at: kind.markerName, in: staging)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) { try writeFile(data, at: path, in: staging) }
            if ProcessInfo.processInfo.environment[holdBeforeSwapVariable] != nil {
                FileHandle.standardError.write(Data("initlab: holding \(staging.path) for a test\n".utf8))
                while true { sleep(3600) }
            }
            try swap(staging, into: target)
        } catch {
            try? Deletion.delete(staging, because: .createdByThisProcess)
            throw error
        }
    }

    private static func writeFile(_ data: Data, at relative: String, in folder: URL) throws(FileSafetyError) {
        let url = folder.appendingPathComponent(relative)
        try Interrupts.uninterrupted { () throws(FileSafetyError) in
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            } catch {
                throw FileSafetyError(
                    url.path, "cannot write it: \(error.localizedDescription)", hint: "check the space and permissions there")
            }
        }
    }

    /// Puts `staging` in place of `target`: one exchange where the file system can, else two
    /// renames with the old folder kept aside until the new one is in place.
    private static func swap(_ staging: URL, into target: URL) throws(FileSafetyError) {
        guard CanonicalPath.kind(target.path) != nil else {
            try Created.moveIntoPlace(staging, to: target)
            return
        }
        if initlab_exchange_paths(staging.path, target.path) == 0 {
            // The staging path now holds the previous folder, which this process may remove.
            try Deletion.delete(staging, because: .createdByThisProcess)
            return
        }
        let retired = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).initlab-old-\(getpid())")
        try Created.moveAside(target, to: retired)
        do {
            try Created.moveIntoPlace(staging, to: target)
        } catch {
            try? Created.moveIntoPlace(retired, to: target)
            throw error
        }
        try Deletion.delete(retired, because: .createdByThisProcess)
    }

    /// Removes staging folders that runs which no longer exist left beside `target`.
    static func removeLeftovers(of target: URL, kind: FolderKind) {
        let parent = target.deletingLastPathComponent()
        let prefixes = [".\(target.lastPathComponent).initlab-new-", ".\(target.lastPathComponent).initlab-old-"]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where prefixes.contains(where: name.hasPrefix) {
            try? Deletion.delete(parent.appendingPathComponent(name), because: .leftoverStaging(of: target, kind: kind))
        }
    }

    /// Removes what a run wrote into `folder`, keeping the folder, its marker and the files in
    /// `keeping`; the marker then lists only what is left. Refused when the folder is not
    /// initlab's or holds a file the marker does not list (named in the message).
    public static func clean(_ folder: URL, kind: FolderKind, keeping: Set<String>) throws(FileSafetyError) {
        try Protection.check(folder, hint: "clean never empties it")
        switch CanonicalPath.kind(folder.path) {
        case nil: return
        case .folder: break
        default: throw FileSafetyError(folder.path, "is not a folder")
        }
        let marker: FolderMarker
        do {
            marker = try FolderMarker.read(in: folder, kind: kind)
        } catch {
            throw FileSafetyError(folder.path, "\(error.reason), so initlab did not write it; nothing was removed")
        }
        let unlisted = FolderMarker.unlisted(in: folder, marker: marker).filter { !keeping.contains($0) }
        if let first = unlisted.first {
            let more = unlisted.count > 1 ? " and \(unlisted.count - 1) more" : ""
            throw FileSafetyError(
                folder.appendingPathComponent(first).path, "was not written by `\(kind.command)`\(more); nothing was removed",
                hint: "move it out of \(folder.path) first")
        }
        let tops = Set(marker.files.map { String($0.split(separator: "/")[0]) }).subtracting(keeping)
        for top in tops.sorted() {
            try Deletion.delete(folder.appendingPathComponent(top), because: .siteFile(site: folder, kind: kind))
        }
        let left = marker.files.filter { keeping.contains($0) && CanonicalPath.kind(folder.appendingPathComponent($0).path) != nil }
        let url = folder.appendingPathComponent(kind.markerName)
        do {
            try Data(FolderMarker(kind: kind, files: left).text.utf8).write(to: url)
        } catch {
            throw FileSafetyError(url.path, "cannot rewrite the marker: \(error.localizedDescription)")
        }
    }
}
