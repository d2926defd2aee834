import Foundation

/// The handout's prose as the build reads it, for tests that hold presenters to it.
enum ProseCaptions {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates/content")

    /// The text of every prose file: the core's, the further chapters' and the appendices'.
    static func files() throws -> [String] {
        try [content, content.appendingPathComponent("further"), content.appendingPathComponent("appendix")].flatMap { folder in
            try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "md" }
                .map { try String(contentsOf: $0, encoding: .utf8) }
        }
    }

    /// The figure ids among `ids` that no `{{figure ID}}` followed by a `Figure:` line places.
    static func uncaptioned(_ ids: [String]) throws -> [String] {
        let lines = try files().flatMap { $0.components(separatedBy: "\n") }
        let captioned = zip(lines, lines.dropFirst()).filter { $0.1.hasPrefix("Figure: ") }.map(\.0)
        return ids.filter { !captioned.contains("{{figure \($0)}}") }
    }
}
