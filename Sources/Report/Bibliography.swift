import Foundation

/// The works the handout cites, read from `references.json`, and numbered in the order they
/// are first cited.
public struct Bibliography: Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        public var key: String
        public var authors: String
        public var title: String
        public var venue: String
        public var year: Int
        public var doi: String?
        public var arxiv: String?
        public var url: String?

        /// Where a reader finds the work: the DOI, else arXiv, else the given URL.
        public var link: String? {
            if let doi { return "https://doi.org/\(doi)" }
            if let arxiv { return "https://arxiv.org/abs/\(arxiv)" }
            return url
        }
    }

    public let path: String
    public let entries: [String: Entry]

    public init(path: String) throws(ReportError) {
        self.path = path
        let text = try TemplateFolder.read(URL(fileURLWithPath: path))
        let list: [Entry]
        do {
            list = try JSONDecoder().decode([Entry].self, from: Data(text.utf8))
        } catch {
            throw ReportError(path, "not a list of references: \(error)", hint: "each entry needs key, authors, title, venue and year")
        }
        var entries: [String: Entry] = [:]
        for entry in list {
            guard entries[entry.key] == nil else { throw ReportError(path, "the key \(entry.key) appears twice") }
            entries[entry.key] = entry
        }
        self.entries = entries
    }
}
