import Foundation
import Initializers
import TextSupport

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

    /// `text`: the contents of the file at `path`.
    public init(path: String, text: String) throws(LocatedError) {
        self.path = path
        let document = try LocatedJSON.Document(path: path, text: text)
        guard case .array(let items) = document.root.value else {
            throw document.error(
                at: document.root.offset, "expected a list of references, found \(document.root.value.kind)",
                hint: "the file is [ {\"key\": …}, … ]")
        }
        var entries: [String: Entry] = [:]
        for item in items {
            let entry = try Self.entry(item, in: document)
            guard entries[entry.key] == nil else { throw document.error(at: item.offset, "the key \(entry.key) appears twice") }
            entries[entry.key] = entry
        }
        self.entries = entries
    }

    private static let fields = ["key", "authors", "title", "venue", "year", "doi", "arxiv", "url"]
    /// The characters a citation `[@key]` may hold.
    static let keyCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:-.")

    private static func entry(_ item: LocatedJSON, in document: LocatedJSON.Document) throws(LocatedError) -> Entry {
        guard case .object(let members) = item.value else {
            throw document.error(at: item.offset, "expected a reference {\"key\": …}, found \(item.value.kind)")
        }
        for member in members where !fields.contains(member.key) {
            throw document.error(
                at: member.keyOffset, "unknown field \(member.key) in a reference",
                hint: nearestName(to: member.key, in: fields).map { "did you mean \($0)?" }
                    ?? "the fields are \(fields.joined(separator: ", "))")
        }
        func text(_ name: String) throws(LocatedError) -> String? {
            guard let member = members.first(where: { $0.key == name }) else { return nil }
            guard case .string(let value) = member.value.value else {
                throw document.error(at: member.value.offset, "\(name) is \(member.value.value.kind); it must be a string")
            }
            return value
        }
        func required(_ name: String) throws(LocatedError) -> String {
            guard let value = try text(name) else {
                throw document.error(
                    at: item.offset, "this reference has no \(name)",
                    hint: "each reference needs key, authors, title, venue and year")
            }
            return value
        }
        let key = try required("key")
        guard !key.isEmpty, key.allSatisfy(keyCharacters.contains) else {
            throw document.error(
                at: members.first { $0.key == "key" }?.value.offset ?? item.offset, "the key \(key) cannot be cited",
                hint: "a key is letters, digits and _ : - .")
        }
        guard let yearMember = members.first(where: { $0.key == "year" }) else {
            throw document.error(
                at: item.offset, "this reference has no year",
                hint: "each reference needs key, authors, title, venue and year")
        }
        guard case .number(let written) = yearMember.value.value, let year = Int(written) else {
            throw document.error(
                at: yearMember.value.offset, "year is \(yearMember.value.value.kind); it must be a whole number such as 2010")
        }
        let entry = Entry(
            key: key, authors: try required("authors"), title: try required("title"), venue: try required("venue"), year: year,
            doi: try text("doi"), arxiv: try text("arxiv"), url: try text("url"))
        if let link = entry.link, let problem = LinkAddress.problem(link) {
            // The field the link is made from, in the order `link` prefers them.
            let field = ["doi", "arxiv", "url"].lazy.compactMap { name in members.first { $0.key == name } }.first
            throw document.error(at: field?.value.offset ?? item.offset, problem, hint: "a reference links to a web page")
        }
        return entry
    }
}
