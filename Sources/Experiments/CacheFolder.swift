import FileSafety
import Foundation

/// What a folder given as the result cache is, and what initlab may do with it. initlab writes
/// into, and removes from, only a folder that is its cache: one carrying the CACHEDIR.TAG that
/// initlab wrote, or an untagged cache of an earlier initlab, recognised by its entries and
/// tagged on first use. A user's folder given by mistake is refused before any work.
public enum CacheFolder {
    public enum Standing: Equatable, Sendable {
        case absent
        case tagged
        /// Untagged, and every item is a file initlab names (an entry starting with the cache
        /// header, or a temporary file); an empty folder is one too.
        case legacy
        /// A file, or anything else that is not a folder.
        case notAFolder
        /// A folder with something initlab did not write; the reason names it.
        case foreign(String)
    }

    public static func standing(of folder: URL) -> Standing {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return .absent }
        guard isFolder.boolValue else { return .notAFolder }
        if CacheTag.isPresent(in: folder) { return .tagged }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return .foreign("its contents cannot be read")
        }
        for name in names.sorted() {
            if let reason = foreignness(of: name, in: folder) { return .foreign(reason) }
        }
        return .legacy
    }

    /// Why the item `name` was not written by initlab into its cache, or nil when it was.
    static func foreignness(of name: String, in folder: URL) -> String? {
        let url = folder.appendingPathComponent(name)
        let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        guard CacheTag.isEntryName(name), values?.isRegularFile == true, values?.isSymbolicLink != true else {
            return "it holds \(name), which initlab did not write"
        }
        // A temporary file may have been cut short; an entry starts with the cache header.
        guard name.hasSuffix(".json") else { return nil }
        let header = Data("\(ResultCache.magic) ".utf8)
        let handle = try? FileHandle(forReadingFrom: url)
        defer { try? handle?.close() }
        let start = (try? handle?.read(upToCount: header.count)) ?? nil
        return start == header ? nil : "it holds \(name), which does not start with initlab's cache header"
    }

    /// The refusal of a folder initlab must not use as its cache, for `build` and `run`, before
    /// any experiment runs; an untagged cache of an earlier initlab is tagged. A file in its
    /// place is no refusal: the cache then cannot be written, which the build says once.
    public static func claim(_ folder: URL) throws(FileSafetyError) {
        switch standing(of: folder) {
        case .absent, .tagged, .notAFolder:
            return
        case .legacy:
            // A tag that cannot be written (a read-only folder) leaves the cache readable; the
            // first entry that cannot be stored says so.
            try? CacheTag.write(in: folder)
        case .foreign(let reason):
            throw refusal(folder, reason)
        }
    }

    /// Makes the folder ready for an entry: created with its tag when absent, tagged when an
    /// earlier initlab's, refused otherwise.
    static func prepareForWriting(_ folder: URL) throws(FileSafetyError) {
        switch standing(of: folder) {
        case .tagged:
            return
        case .absent, .legacy:
            try CacheTag.write(in: folder)
        case .notAFolder:
            throw FileSafetyError(folder.path, "is not a folder")
        case .foreign(let reason):
            throw refusal(folder, reason)
        }
    }

    /// The refusal of a folder `clean --cache` must not touch: a file, or a folder that is not
    /// initlab's cache. Returns what the folder is when it may be cleaned.
    @discardableResult
    public static func checkCleanable(_ folder: URL) throws(FileSafetyError) -> Standing {
        let standing = standing(of: folder)
        switch standing {
        case .notAFolder:
            throw FileSafetyError(
                folder.path, "is not a folder, so not a cache", hint: "give --cache-folder the folder initlab caches its results in")
        case .foreign(let reason):
            throw refusal(folder, reason)
        case .absent, .tagged, .legacy:
            return standing
        }
    }

    /// Removes the entries and temporary files of the cache `folder` and nothing else; the tag
    /// and the folder go too when nothing else remains. Refuses, touching nothing, a folder that
    /// is not initlab's cache. Returns how many entries were removed.
    @discardableResult
    public static func clean(_ folder: URL) throws(FileSafetyError) -> Int {
        switch try checkCleanable(folder) {
        case .absent:
            return 0
        case .legacy:
            // Removal trusts the tag alone, so an earlier initlab's cache is tagged first.
            try CacheTag.write(in: folder)
        default:
            break
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let entries = names.filter(CacheTag.isEntryName).sorted()
        for name in entries {
            try Deletion.delete(folder.appendingPathComponent(name), because: .cacheEntry(cache: folder))
        }
        // The folder itself may be protected (the working folder): then it stays, empty but tagged.
        if (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) == [CacheTag.fileName] {
            try? Deletion.delete(folder, because: .emptyCache)
        }
        return entries.count
    }

    static func refusal(_ folder: URL, _ reason: String) -> FileSafetyError {
        FileSafetyError(
            folder.path, "is not initlab's result cache: \(reason)",
            hint: "give a new or empty folder, or one initlab made (it carries \(CacheTag.fileName))")
    }
}
