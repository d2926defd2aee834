import Foundation

/// A kind of folder initlab writes and replaces whole: the site of `initlab build`, the chart
/// gallery of `initlab gallery`. Each has its own marker file name, in the one marker format.
public struct FolderKind: Sendable, Hashable {
    /// The word on the marker's signature line.
    public let name: String
    /// The marker's file name inside the folder.
    public let markerName: String
    /// The command that writes the folder, as the marker tells a reader.
    public let command: String

    /// The whole text of the marker earlier versions wrote, before markers were signed and
    /// listed files: a folder carrying it is replaced whole once, as those versions promised.
    public let legacyMarkerText: String?

    public init(name: String, markerName: String, command: String, legacyMarkerText: String? = nil) {
        self.name = name
        self.markerName = markerName
        self.command = command
        self.legacyMarkerText = legacyMarkerText
    }

    public static let site = FolderKind(
        name: "site", markerName: ".initlab-site", command: "initlab build",
        legacyMarkerText: "This folder is written by `initlab build`, which replaces it whole on every build.\n")
}

/// The file that says a folder is initlab's and which of its files initlab wrote. The first
/// line is the signature; comment lines start with `#`; every other line is a file the command
/// wrote, relative to the folder. A folder whose marker lacks the signature (an empty marker
/// planted in a foreign folder) is not initlab's; a file the marker does not list is the user's.
public struct FolderMarker: Sendable, Hashable {
    public let kind: FolderKind
    /// The files written, relative paths with `/`, sorted; the marker itself is not listed.
    public let files: [String]

    public init(kind: FolderKind, files: some Sequence<String>) {
        self.kind = kind
        self.files = Set(files).subtracting([kind.markerName]).sorted()
    }

    public static func signature(of kind: FolderKind) -> String { "initlab-folder-marker 1 \(kind.name)" }

    public var text: String {
        ([
            Self.signature(of: kind),
            "# This folder is written by `\(kind.command)`, which replaces it whole; the next run and",
            "# `initlab clean` remove only the files listed below, and stop at any other file.",
        ] + files).joined(separator: "\n") + "\n"
    }

    /// The marker of `folder`, or a refusal saying why the folder does not count as initlab's.
    public static func read(in folder: URL, kind: FolderKind) throws(FileSafetyError) -> FolderMarker {
        let url = folder.appendingPathComponent(kind.markerName)
        guard CanonicalPath.kind(url.path) == .file, let data = FileManager.default.contents(atPath: url.path) else {
            throw FileSafetyError(folder.path, "it has no \(kind.markerName) marker")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.first == signature(of: kind) else {
            throw FileSafetyError(
                folder.path, "its \(kind.markerName) lacks initlab's signature line `\(signature(of: kind))`")
        }
        let files = lines.dropFirst().filter { !$0.hasPrefix("#") }
        if let bad = files.first(where: { !isRelativePath($0) }) {
            throw FileSafetyError(url.path, "lists `\(bad)`, which is not a path inside the folder")
        }
        return FolderMarker(kind: kind, files: files)
    }

    /// A path that stays inside the folder: relative, no empty, `.` or `..` component.
    static func isRelativePath(_ path: String) -> Bool {
        !path.hasPrefix("/") && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !["", ".", ".."].contains($0) }
    }

    /// Whether `relative` is a listed file, or a folder holding listed files.
    func covers(_ relative: String) -> Bool {
        files.contains(relative) || files.contains { $0.hasPrefix(relative + "/") }
    }
}

extension FolderMarker {
    /// The files and folders below `relative` (empty: the whole folder) that the marker does not
    /// list, relative to `folder`, sorted; a folder ends in `/`. Symlinks are not followed.
    public static func unlisted(in folder: URL, below relative: String = "", marker: FolderMarker) -> [String] {
        let base = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []).sorted()
        return names.flatMap { name -> [String] in
            let path = relative.isEmpty ? name : relative + "/" + name
            if path == marker.kind.markerName { return [] }
            if marker.files.contains(path) { return [] }
            let isFolder = CanonicalPath.kind(folder.appendingPathComponent(path).path) == .folder
            guard isFolder, marker.covers(path) else { return [isFolder ? path + "/" : path] }
            return unlisted(in: folder, below: path, marker: marker)
        }
    }
}
