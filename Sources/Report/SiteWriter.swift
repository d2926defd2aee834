import CSystem
import Foundation

/// Writes the site next to its destination and swaps it into place in one step, so a failed or
/// interrupted build leaves the previous site as it was.
enum SiteWriter {
    /// The file that marks a folder as written by initlab, and so safe to replace whole.
    static let marker = ".initlab-site"
    static let markerText = "This folder is written by `initlab build`, which replaces it whole on every build.\n"

    /// `force` replaces a non-empty folder that lacks the marker: the user has said it may go.
    static func write(_ files: [String: Data], to destination: String, force: Bool = false) throws(ReportError) {
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        if !force { try checkReplaceable(target) }
        let parent = target.deletingLastPathComponent()
        removeLeftovers(of: target)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).initlab-new-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).initlab-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            var all = files
            all[marker] = Data(markerText.utf8)
            for (path, data) in all.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw ReportError("--output \(destination)", "cannot write the site: \(error.localizedDescription)", hint: "check that the folder's parent is writable")
        }
        do {
            if !fileManager.fileExists(atPath: target.path) {
                try fileManager.moveItem(at: staging, to: target)
            } else if initlab_exchange_paths(staging.path, target.path) == 0 {
                // One step: an interrupted build leaves the old site or the new one, never none.
                try? fileManager.removeItem(at: staging)
            } else {
                // No exchange on this file system: two renames, the old site kept until the end.
                try fileManager.moveItem(at: target, to: retired)
                try fileManager.moveItem(at: staging, to: target)
                try? fileManager.removeItem(at: retired)
            }
        } catch {
            // Put the previous site back if the swap failed half-way.
            if !fileManager.fileExists(atPath: target.path) { try? fileManager.moveItem(at: retired, to: target) }
            try? fileManager.removeItem(at: staging)
            throw ReportError("--output \(destination)", "cannot move the new site into place: \(error.localizedDescription)")
        }
    }

    /// Removes what an interrupted build left beside the destination: staging folders of
    /// processes that no longer run.
    static func removeLeftovers(of target: URL) {
        let parent = target.deletingLastPathComponent()
        let prefixes = [".\(target.lastPathComponent).initlab-new-", ".\(target.lastPathComponent).initlab-old-"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }), let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            // kill(pid, 0) probes whether the process still exists without signalling it.
            if pid != ProcessInfo.processInfo.processIdentifier && kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }

    /// A destination may be replaced when it does not exist, is empty, or carries the marker.
    static func checkReplaceable(_ target: URL) throws(ReportError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw ReportError("--output \(target.path)", "is a file, not a folder", hint: "choose a folder for the site")
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: target.path)) ?? []
        guard entries.isEmpty || entries.contains(marker) else {
            throw ReportError("--output \(target.path)", "this folder holds files initlab did not write, and a build replaces the whole folder", hint: "choose an empty or new folder, or pass --force to replace it")
        }
    }
}

/// What users may do to a site folder from the command line.
public enum SiteFolder {
    /// Removes what a build wrote, keeping the folder, its README and its marker, so the
    /// project's `output/` goes back to what a fresh clone has. A folder without the marker
    /// is left alone.
    public static func clean(_ path: String) throws(ReportError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        guard FileManager.default.fileExists(atPath: target.path) else { return }
        try SiteWriter.checkReplaceable(target)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        for entry in entries where entry != SiteWriter.marker && entry != "README.md" {
            do {
                try FileManager.default.removeItem(at: target.appendingPathComponent(entry))
            } catch {
                throw ReportError(target.appendingPathComponent(entry).path, "cannot remove it: \(error.localizedDescription)")
            }
        }
    }
}
