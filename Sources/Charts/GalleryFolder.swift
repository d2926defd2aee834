import Foundation

/// Writing the gallery into a folder without ever destroying files it did not write.
extension ChartGallery {
    /// The file that marks a folder as written by the gallery, and so safe to replace.
    public static let marker = ".initlab-gallery"
    static let markerText = "This folder is written by `initlab gallery`, which replaces it whole every time.\n"

    /// Replaces the contents of `folder` with `files` (relative paths) plus the marker,
    /// creating the folder when needed. A folder that exists, is not empty and lacks the
    /// marker is refused, as is a file in its place: the gallery never overwrites what it did
    /// not write. The marker is written first, so an interrupted run can be repeated.
    public static func write(_ files: [String: [UInt8]], to folder: URL) throws(ChartError) {
        let fileManager = FileManager.default
        let path = folder.path
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ChartError(.output, "\(path) is a file, not a folder; choose a folder for the gallery")
            }
            let entries: [String]
            do {
                entries = try fileManager.contentsOfDirectory(atPath: path)
            } catch {
                throw ChartError(.output, "cannot read \(path): \(error.localizedDescription)")
            }
            guard entries.isEmpty || entries.contains(marker) else {
                throw ChartError(.output, "\(path) holds files the gallery did not write (it has no \(marker)); choose an empty or new folder")
            }
            for entry in entries.sorted() {
                do {
                    try fileManager.removeItem(at: folder.appendingPathComponent(entry))
                } catch {
                    throw ChartError(.output, "cannot remove the previous gallery's \(entry) in \(path): \(error.localizedDescription)")
                }
            }
        }
        let all = [(marker, Array(markerText.utf8))] + files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (relative, bytes) in all {
            let url = folder.appendingPathComponent(relative)
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            } catch {
                throw ChartError(.output, "cannot write \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
