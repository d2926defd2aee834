import Foundation

/// The tag of the Cache Directory Tagging Standard (https://bford.info/cachedir/), which backup
/// tools honour and which marks a folder as initlab's cache: `initlab clean --cache` and the
/// cache itself remove entries only from a folder that carries it.
public enum CacheTag {
    public static let fileName = "CACHEDIR.TAG"
    public static let signature = "Signature: 8a477f597d28d172789f06886806bc55"
    public static let text = """
        \(signature)
        # This file is a cache directory tag created by initlab for its experiment results.
        # For information about cache directory tags, see https://bford.info/cachedir/

        """

    /// Writes the tag into `folder`, creating the folder when needed.
    public static func write(in folder: URL) throws(FileSafetyError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent(fileName))
        } catch {
            throw FileSafetyError(folder.path, "cannot write its \(fileName): \(error.localizedDescription)")
        }
    }

    /// Whether `folder` carries a tag that initlab wrote: the standard's signature as the first
    /// line, then a comment naming initlab. A symlink in place of the tag does not count.
    public static func isPresent(in folder: URL) -> Bool {
        let tag = folder.appendingPathComponent(fileName)
        guard CanonicalPath.kind(tag.path) == .file, let data = FileManager.default.contents(atPath: tag.path) else { return false }
        let lines = String(decoding: data.prefix(4096), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count >= 2 && lines[0] == signature && lines[1].hasPrefix("#") && lines[1].contains("initlab")
    }

    /// Whether `name` is one initlab gives a cache entry: `<experiment-id>-<32 lowercase hex>.json`,
    /// or its temporary file while it is written, `.<entry>.<pid>.tmp`.
    public static func isEntryName(_ name: String) -> Bool {
        if isEntry(name) { return true }
        guard let match = name.wholeMatch(of: /\.(.+)\.[0-9]+\.tmp/) else { return false }
        return isEntry(match.output.1)
    }

    private static func isEntry(_ name: Substring) -> Bool {
        name.wholeMatch(of: /[a-z][a-z0-9-]*-[0-9a-f]{32}\.json/) != nil
    }

    private static func isEntry(_ name: String) -> Bool { isEntry(Substring(name)) }
}
