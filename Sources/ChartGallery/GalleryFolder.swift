import Charts
import FileSafety
import Foundation

/// The gallery is a marked folder (see `MarkedFolder`), like the site, with its own marker.
extension ChartGallery {
    public static let folderKind = FolderKind(
        name: "gallery", markerName: ".initlab-gallery", command: "initlab gallery",
        legacyMarkerText: "This folder is written by `initlab gallery`, which replaces it whole every time.\n")
    public static var marker: String { folderKind.markerName }

    /// Replaces `folder` with `files` (relative paths) plus the marker, in one step. A folder
    /// holding files the gallery did not write is refused unless `force`, as is a file in its
    /// place: the gallery never overwrites what it did not write.
    public static func write(_ files: [String: [UInt8]], to folder: URL, force: Bool = false) throws(FileSafetyError) {
        try MarkedFolder.write(files.mapValues { Data($0) }, to: folder, kind: folderKind, force: force)
    }
}
