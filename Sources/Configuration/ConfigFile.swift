import Initializers
import TextSupport
import Yams

/// Locates problems in one configuration file.
struct ConfigFile {
    let path: String

    func error(at node: Node, _ message: String, hint: String? = nil) -> LocatedError {
        LocatedError(node.mark.map { "\(path):\($0.line):\($0.column)" } ?? path, message, hint: hint)
    }

    /// Refuses keys that are not among `allowed`, suggesting the nearest.
    func checkKeys(_ mapping: Node.Mapping, allowed: [String], what: String) throws(LocatedError) {
        for key in mapping.keys {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                throw error(
                    at: key, "unknown \(what) '\(name)'",
                    hint: nearestName(to: name, in: allowed).map { "did you mean \($0)?" } ?? "known: \(allowed.joined(separator: ", "))")
            }
        }
    }

    /// The user's nodes laid over the defaults: only known keys, each value of the default's kind.
    func overlay(_ user: Node, on base: Node, path: String) throws(LocatedError) -> Node {
        switch (user, base) {
        case (.mapping(let userMapping), .mapping(let baseMapping)):
            try checkKeys(userMapping, allowed: baseMapping.keys.compactMap(\.string), what: "parameter of \(path)")
            var pairs: [(Node, Node)] = []
            for pair in baseMapping {
                let key = pair.key.string ?? ""
                if let value = userMapping[key] {
                    pairs.append((pair.key, try overlay(value, on: pair.value, path: "\(path).\(key)")))
                } else {
                    pairs.append((pair.key, pair.value))
                }
            }
            return .mapping(Node.Mapping(pairs))
        case (.sequence(let userSequence), .sequence(let baseSequence)):
            guard let example = baseSequence.first else { return user }
            var items: [Node] = []
            for (index, item) in userSequence.enumerated() {
                if case .mapping(let exampleMapping) = example {
                    // A list of records (such as rules with their parameters): each item stands
                    // for itself, so it is checked against the keys any record may have, not
                    // filled in from the first record.
                    guard case .mapping(let itemMapping) = item else {
                        throw error(at: item, "\(path)[\(index)] must be \(Self.kind(example))")
                    }
                    let known = Set(
                        baseSequence.flatMap { $0.mapping?.keys.compactMap(\.string) ?? [] } + exampleMapping.keys.compactMap(\.string))
                    try checkKeys(itemMapping, allowed: known.sorted(), what: "key of \(path)[\(index)]")
                    items.append(item)
                } else {
                    items.append(try overlay(item, on: example, path: "\(path)[\(index)]"))
                }
            }
            return .sequence(Node.Sequence(items))
        case (.scalar(let scalar), .scalar(let baseScalar)):
            try checkScalar(scalar, like: baseScalar, node: user, path: path)
            return user
        default:
            throw error(at: user, "\(path) must be \(Self.kind(base))")
        }
    }

    private func checkScalar(_ scalar: Node.Scalar, like base: Node.Scalar, node: Node, path: String) throws(LocatedError) {
        let kind = ScalarKind(scalar)
        switch ScalarKind(base) {
        case .integer, .number:
            // JSON writes 4.0 as 4, so an integer default may stand for a Double parameter:
            // any number passes here, and decoding refuses a fraction where a count belongs.
            guard kind == .integer || kind == .number, let value = Double.construct(from: scalar) else {
                throw error(at: node, "\(path) must be a number, not \(scalar.string)")
            }
            guard value.isFinite else { throw error(at: node, "\(path) must be a finite number, not \(scalar.string)") }
        case .flag:
            guard kind == .flag else { throw error(at: node, "\(path) must be true or false, not \(scalar.string)") }
        case .text, .null:
            guard kind == .text else { throw error(at: node, "\(path) must be text, not \(scalar.string)") }
        }
    }

    /// The user's numbers with a fractional part where the default is a whole number, with
    /// their paths (relative to `path`).
    static func fractions(in user: Node, over base: Node, path: String = "") -> [(node: Node, path: String)] {
        switch (user, base) {
        case (.mapping(let userMapping), .mapping(let baseMapping)):
            return userMapping.flatMap { pair -> [(node: Node, path: String)] in
                let key = pair.key.string ?? ""
                guard let baseValue = baseMapping[key] else { return [] }
                return fractions(in: pair.value, over: baseValue, path: path.isEmpty ? key : "\(path).\(key)")
            }
        case (.sequence(let userSequence), .sequence(let baseSequence)):
            guard let example = baseSequence.first else { return [] }
            return userSequence.enumerated().flatMap { fractions(in: $0.element, over: example, path: "\(path)[\($0.offset)]") }
        case (.scalar(let scalar), .scalar(let baseScalar)):
            return ScalarKind(baseScalar) == .integer && ScalarKind(scalar) == .number ? [(user, path)] : []
        default:
            return []
        }
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping of keys"
        case .sequence: "a list, written [a, b, c]"
        case .scalar(let scalar):
            switch ScalarKind(scalar) {
            case .integer, .number: "a number"
            case .flag: "true or false"
            case .text, .null: "text"
            }
        case .alias: "a value"
        }
    }

    /// The node of a key path such as `grid.batch` or `fan_ins[2]`, or the deepest of its
    /// ancestors that `node` holds.
    static func node(at keyPath: String, in node: Node) -> Node {
        var node = node
        for component in keyPath.split(separator: ".") {
            let parts = component.split(separator: "[")
            guard let name = parts.first, let child = node.mapping?[String(name)] else { return node }
            node = child
            for index in parts.dropFirst().compactMap({ Int($0.dropLast()) }) {
                guard case .sequence(let sequence) = node, sequence.indices.contains(index) else { return node }
                node = sequence[index]
            }
        }
        return node
    }

    /// A value of the right kind that the parameters still refuse, such as a setting name that
    /// does not exist, or a record without a key it needs: point at it by its coding path.
    func decodingError(_ decoding: DecodingError, in override: Node, experiment: String) -> LocatedError {
        let context: DecodingError.Context
        var missing: String?
        switch decoding {
        case .keyNotFound(let key, let c): (context, missing) = (c, Self.snakeCase(key.stringValue))
        case .dataCorrupted(let c), .typeMismatch(_, let c), .valueNotFound(_, let c): context = c
        @unknown default: return error(at: override, "the parameters of \(experiment) do not decode: \(decoding)")
        }
        var node = override
        var names: [String] = []
        for key in context.codingPath {
            let snake = Self.snakeCase(key.stringValue)
            if let index = key.intValue, case .sequence(let sequence) = node, index < sequence.count {
                node = sequence[index]
                names.append("[\(index)]")
            } else if let child = node.mapping?[snake] {
                node = child
                names.append(snake)
            }
        }
        let path = (["experiments", experiment] + names).joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        if let missing {
            return error(at: node, "\(path): missing key '\(missing)'", hint: "add \(missing) to it")
        }
        let value = node.string.map { " '\($0)'" } ?? ""
        return error(at: node, "\(path): invalid value\(value)", hint: Self.plain(context.debugDescription))
    }

    // `fanIns` → `fan_ins`, as JSONEncoder's convertToSnakeCase spells keys.
    static func snakeCase(_ key: String) -> String {
        var out = ""
        for character in key {
            if character.isUppercase {
                if !out.isEmpty { out.append("_") }
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    private static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "Cannot initialize", with: "cannot make").replacingOccurrences(
            of: " from invalid String value", with: " from")
    }
}
