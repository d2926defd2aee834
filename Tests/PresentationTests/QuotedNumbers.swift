import Foundation

/// Which declared numbers the prose quotes: a presenter declares only numbers someone reads.
enum QuotedNumbers {
    /// The names among `names` that no `{{number NAME}}` of the prose, captions included, quotes.
    static func unquoted(_ names: [String]) throws -> [String] {
        let prose = try ProseCaptions.files().joined(separator: "\n")
        return names.filter { !prose.contains("{{number \($0) ") && !prose.contains("{{number \($0)}}") }
    }
}
