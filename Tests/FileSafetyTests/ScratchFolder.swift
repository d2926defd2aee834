import Foundation

/// Runs `body` in a new folder that mkdtemp makes under the temporary folder, and removes the
/// folder afterwards whatever happens, so that a test leaves nothing behind.
func withScratchFolder<T>(_ body: (URL) throws -> T) throws -> T {
    var template = Array((FileManager.default.temporaryDirectory.path + "/filesafety-tests-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
    let folder = URL(fileURLWithPath: String(cString: made))
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}
