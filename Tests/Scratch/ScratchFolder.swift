import Foundation

/// A folder of one test's own, made by mkdtemp under the temporary folder. The test removes it
/// when done (`defer { scratch.remove() }`), so the suite leaves nothing behind.
public struct ScratchFolder: Sendable {
    public let url: URL

    /// `label` starts the folder's name, so a leftover says which tests made it.
    public init(_ label: String) throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/\(label)-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: FileManager.default.temporaryDirectory.path])
        }
        url = URL(fileURLWithPath: String(cString: made))
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Runs `body` in a new scratch folder and removes the folder afterwards, whatever happens.
public func withScratchFolder<T>(_ label: String, _ body: (URL) throws -> T) throws -> T {
    let scratch = try ScratchFolder(label)
    defer { scratch.remove() }
    return try body(scratch.url)
}
