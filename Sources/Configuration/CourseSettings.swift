import Foundation
import TextSupport
import Yams

/// How a course presents the handout: the title block, and which optional sections it keeps.
/// Read from the `course:` key of the configuration; nothing here changes what is computed.
public struct CourseSettings: Sendable, Equatable {
    /// A section the course leaves out: its label (`spectra` of `sec:spectra`) and where the
    /// configuration names it (`file:line:column`), which an error about it points to.
    public struct Omission: Sendable, Equatable {
        public let label: String
        public let location: String

        public init(label: String, location: String) {
            self.label = label
            self.location = location
        }
    }

    public static let defaultTitle = "Initialising the weights of a neural network"
    public static let defaultSubtitle =
        "Why the rules are what they are: each one derived, and every figure and number recomputed by the experiments "
        + "when this page was built."

    public var title = defaultTitle
    /// Nil leaves the subtitle out.
    public var subtitle: String? = defaultSubtitle
    public var author: String?
    public var institution: String?
    /// The date the title block shows, as the course writes it ("Winter term 2026").
    public var date: String?
    /// Whether the further chapters (`content/further/`) are in.
    public var further = true
    /// Whether the appendices (the prose's and the verification) are in.
    public var appendices = true
    public var omit: [Omission] = []

    static let keys = ["title", "subtitle", "author", "institution", "date", "further", "appendices", "omit"]

    public init() {}

    /// The settings of a `course:` mapping; every mistake located to its node.
    init(_ node: Node, file: ConfigFile) throws(LocatedError) {
        guard case .mapping(let mapping) = node else {
            throw file.error(at: node, "course must be a mapping of keys (\(Self.keys.joined(separator: ", ")))")
        }
        try file.checkKeys(mapping, allowed: Self.keys, what: "key of course")
        if let node = mapping["title"] {
            guard let title = try Self.text(node, key: "title", file: file) else {
                throw file.error(at: node, "course.title must not be empty", hint: "leave the key out for the default title")
            }
            self.title = title
        }
        if let node = mapping["subtitle"] { subtitle = try Self.text(node, key: "subtitle", file: file) }
        if let node = mapping["author"] { author = try Self.text(node, key: "author", file: file) }
        if let node = mapping["institution"] { institution = try Self.text(node, key: "institution", file: file) }
        if let node = mapping["date"] { date = try Self.text(node, key: "date", file: file) }
        if let node = mapping["further"] { further = try Self.flag(node, key: "further", file: file) }
        if let node = mapping["appendices"] { appendices = try Self.flag(node, key: "appendices", file: file) }
        if let node = mapping["omit"] {
            guard case .sequence(let items) = node else {
                throw file.error(at: node, "course.omit must be a list of section labels, written [sec:spectra, sec:verification]")
            }
            omit = try items.map { item throws(LocatedError) in
                let written = item.scalar?.string ?? ""
                let label = written.hasPrefix("sec:") ? String(written.dropFirst(4)) : ""
                guard item.scalar != nil, !label.isEmpty else {
                    throw file.error(
                        at: item, "course.omit lists sections by label, as sec:spectra; not \(written.isEmpty ? "this" : written)",
                        hint: written.isEmpty || written.contains(":") ? nil : "did you mean sec:\(written)?")
                }
                let location = item.mark.map { "\(file.path):\($0.line):\($0.column)" } ?? file.path
                return Omission(label: label, location: location)
            }
        }
    }

    private static func flag(_ node: Node, key: String, file: ConfigFile) throws(LocatedError) -> Bool {
        guard let scalar = node.scalar, ScalarKind(scalar) == .flag, let value = Bool.construct(from: scalar) else {
            throw file.error(at: node, "course.\(key) must be true or false, not \(node.string ?? "a list or a mapping")")
        }
        return value
    }

    /// A text key's value: any scalar (a date may read as a number), nil when empty.
    private static func text(_ node: Node, key: String, file: ConfigFile) throws(LocatedError) -> String? {
        guard let scalar = node.scalar else { throw file.error(at: node, "course.\(key) must be text") }
        guard ScalarKind(scalar) != .null else { return nil }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The settings as YAML under `course:`, for `initlab config`.
    func yaml() -> String {
        func quoted(_ text: String?) -> String {
            guard let text else { return "\"\"" }
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return """
            course:
              title: \(quoted(title))
              subtitle: \(quoted(subtitle))
              author: \(quoted(author))
              institution: \(quoted(institution))
              date: \(quoted(date))
              further: \(further)
              appendices: \(appendices)
              omit: [\(omit.map { "sec:\($0.label)" }.joined(separator: ", "))]

            """
    }
}
