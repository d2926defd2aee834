import Foundation

/// Which declared numbers the prose quotes: a presenter declares only numbers someone reads.
enum QuotedNumbers {
    /// The names among `names` that no `{{number NAME}}` of the prose, captions included, quotes.
    static func unquoted(_ names: [String]) throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(at: ProseCaptions.content, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
        let prose = try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        return names.filter { !prose.contains("{{number \($0) ") && !prose.contains("{{number \($0)}}") }
    }
}
