import Foundation
import Initializers
import Mustache
import TextSupport

/// The Mustache templates of a template folder, each checked against the context it is rendered
/// with before it is rendered: a name that the context does not provide, or a partial that does
/// not exist, is an error at its line and column instead of an empty string in the page.
struct PageTemplates: Sendable {
    /// What a context holds, merged over every element of its lists, so that a section over a
    /// list is checked against every field any element has.
    indirect enum Shape: Sendable {
        case value
        case flag
        case object([String: Shape])
        /// A list and what its elements hold; nil when it is empty.
        case list(Shape?)
        /// Different kinds in different places: names under it are not checked.
        case anything

        init(_ value: Any) {
            if let object = value as? [String: Any] {
                self = .object(object.mapValues(Shape.init))
            } else if let list = value as? [Any] {
                self = .list(list.map(Shape.init).reduce(nil) { merged, next in merged?.merged(with: next) ?? next })
            } else if value is Bool {
                self = .flag
            } else {
                self = .value
            }
        }

        func merged(with other: Shape) -> Shape {
            switch (self, other) {
            case (.value, .value): .value
            case (.flag, .flag): .flag
            case (.object(let a), .object(let b)): .object(a.merging(b) { $0.merged(with: $1) })
            case (.list(let a), .list(let b)): .list(a.map { first in b.map { first.merged(with: $0) } ?? first } ?? b)
            default: .anything
            }
        }

        func child(_ name: String) -> Shape? {
            switch self {
            case .object(let members): members[name]
            case .anything: .anything
            default: nil
            }
        }
    }

    private let library: MustacheLibrary
    private let tags: [String: MustacheTags]
    private let paths: [String: String]
    private let texts: [String: [Character]]

    /// `templates` and `paths`: the text and the file of each template, by name.
    init(templates: [String: String], paths: [String: String], folder: String) throws(LocatedError) {
        var compiled: [String: MustacheTemplate] = [:]
        var tags: [String: MustacheTags] = [:]
        var texts: [String: [Character]] = [:]
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            let path = paths[name] ?? "\(folder)/\(name).mustache"
            let characters = Array(text)
            texts[name] = characters
            tags[name] = try MustacheTags(text) { offset, message, hint in
                Self.error(path: path, characters: characters, at: offset, message, hint: hint)
            }
            do {
                compiled[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                let position = "\(error.context.lineNumber):\(error.context.columnNumber)"
                throw LocatedError("\(path):\(position)", "template syntax error: \(error.error)")
            } catch {
                throw LocatedError(path, "template syntax error: \(error)")
            }
        }
        library = MustacheLibrary(templates: compiled)
        self.tags = tags
        self.texts = texts
        self.paths = paths
        for name in tags.keys.sorted() {
            try checkPartials(tags[name]?.nodes ?? [], in: name)
        }
    }

    /// Partials do not depend on the context, so a missing one is found before anything runs.
    private func checkPartials(_ nodes: [MustacheTags.Node], in template: String) throws(LocatedError) {
        for node in nodes {
            switch node {
            case .partial(let name, let offset) where tags[name] == nil:
                let near = nearestName(to: name, in: Array(tags.keys))
                throw error(
                    in: template, at: offset, "no partial \(name)",
                    hint: near.map { "did you mean \($0)?" } ?? "partials are partials/NAME.mustache")
            case .section(_, _, _, let body):
                try checkPartials(body, in: template)
            default:
                break
            }
        }
    }

    /// The template `name` rendered with `context`, once every tag it and its partials use has
    /// been found in the context.
    func render(_ name: String, _ context: [String: Any]) throws(LocatedError) -> String {
        guard let template = tags[name] else {
            throw LocatedError(
                paths[name] ?? "\(name).mustache", "the \(name) template is missing",
                hint: "the handout needs \(name).mustache")
        }
        try check(template.nodes, in: name, frames: [Shape(context)], partials: [name])
        return library.render(context, withTemplate: name) ?? ""
    }

    /// `partials`: the partials being checked on the way here, which a recursive one stops at.
    private func check(_ nodes: [MustacheTags.Node], in template: String, frames: [Shape], partials: Set<String>) throws(LocatedError) {
        for node in nodes {
            switch node {
            case .variable(let name, let offset):
                let shape = try resolve(name, frames: frames, in: template, at: offset)
                switch shape {
                case .list, .object:
                    throw error(
                        in: template, at: offset, "\(name) is a list or a group of fields, which prints as Swift's dump",
                        hint: "open it with {{#\(name)}}…{{/\(name)}}")
                default:
                    break
                }
            case .section(let name, let inverted, let offset, let body):
                let shape = try resolve(name, frames: frames, in: template, at: offset)
                let inner: Shape?
                switch shape {
                case _ where inverted: inner = .value
                case .list(let element): inner = element ?? .anything
                case .flag: inner = nil
                default: inner = shape
                }
                try check(body, in: template, frames: frames + (inner.map { [$0] } ?? []), partials: partials)
            case .partial(let name, _):
                // Every partial exists: the initialiser checked.
                guard let partial = tags[name], !partials.contains(name) else { continue }
                try check(partial.nodes, in: name, frames: frames, partials: partials.union([name]))
            }
        }
    }

    /// What `name` stands for where it is used, looked up from the innermost context outwards as
    /// Mustache does.
    private func resolve(_ name: String, frames: [Shape], in template: String, at offset: Int) throws(LocatedError) -> Shape {
        if name == ".", let top = frames.last { return top }
        let parts = name.split(separator: ".").map(String.init)
        var found: Shape?
        if let first = parts.first {
            found = name.hasPrefix(".") ? frames.last?.child(first) : frames.reversed().lazy.compactMap { $0.child(first) }.first
        }
        for part in parts.dropFirst() { found = found?.child(part) }
        guard let found else {
            var known: [String] = []
            for case .object(let members) in frames { known += members.keys }
            let hint =
                name.hasPrefix(".")
                ? "a name that starts with . is looked up in the innermost section only"
                : nearestName(to: name, in: known).map { "did you mean \($0)?" }
            throw error(in: template, at: offset, "the template uses \(name), which this page does not provide", hint: hint)
        }
        return found
    }

    private func error(in template: String, at offset: Int, _ message: String, hint: String? = nil) -> LocatedError {
        Self.error(path: paths[template] ?? "\(template).mustache", characters: texts[template] ?? [], at: offset, message, hint: hint)
    }

    private static func error(path: String, characters: [Character], at offset: Int, _ message: String, hint: String?) -> LocatedError {
        let position = SourcePosition(offset: offset, in: characters)
        return LocatedError("\(path):\(position.line):\(position.column)", message, hint: hint)
    }
}
