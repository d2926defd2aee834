import Experiments
import Foundation
import Yams

/// Parameters as YAML nodes, in the snake-case spelling of the configuration file. Parameters
/// become JSON (whose encoder knows snake case), JSON is YAML, and composing it gives nodes
/// whose scalars carry their types; a user's file is laid over those nodes; the result goes
/// back to parameters the same way round.
enum ParameterTree {
    /// The nodes of encodable parameters, keys sorted.
    static func node<Value: Encodable>(encoding value: Value) throws -> Node {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        if let key = Convergence.Dataset.withoutContentHash { encoder.userInfo[key] = true }
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        return try Yams.compose(yaml: json) ?? Node.mapping(Node.Mapping([]))
    }

    /// Decodes parameters from nodes.
    static func decode<Value: Decodable>(_ type: Value.Type, from node: Node) throws -> Value {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: Data(json(node).utf8))
    }

    static func json(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            switch ScalarKind(scalar) {
            case .integer: return Int.construct(from: scalar).map(String.init) ?? quoted(scalar.string)
            case .number: return Double.construct(from: scalar).map { $0.isFinite ? "\($0)" : "null" } ?? quoted(scalar.string)
            case .flag: return Bool.construct(from: scalar).map { $0 ? "true" : "false" } ?? quoted(scalar.string)
            case .null: return "null"
            case .text: return quoted(scalar.string)
            }
        case .sequence(let sequence):
            return "[" + sequence.map(json).joined(separator: ",") + "]"
        case .mapping(let mapping):
            return "{" + mapping.map { quoted($0.key.string ?? "") + ":" + json($0.value) }.joined(separator: ",") + "}"
        case .alias:
            return "null"
        }
    }

    private static func quoted(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    /// The nodes as YAML, indented by `depth` levels: mappings in block style, sequences of
    /// scalars in flow style, so that a sweep reads as one line.
    static func yaml(_ node: Node, depth: Int = 0) -> String {
        let indent = String(repeating: "  ", count: depth)
        guard case .mapping(let mapping) = node else { return indent + inline(node) + "\n" }
        return mapping.map { pair in
            let key = pair.key.string ?? ""
            if case .mapping = pair.value { return "\(indent)\(key):\n" + yaml(pair.value, depth: depth + 1) }
            if case .sequence(let items) = pair.value, !items.isEmpty, items.allSatisfy({ $0.mapping != nil }) {
                // A list of records reads best one record per block, one key per line.
                return "\(indent)\(key):\n"
                    + items.map { item in
                        let fields = item.mapping.map { Array($0) } ?? []
                        return fields.enumerated().map { index, field in
                            "\(indent)  \(index == 0 ? "- " : "  ")\(field.key.string ?? ""): \(inline(field.value))\n"
                        }.joined()
                    }.joined()
            }
            return "\(indent)\(key): \(inline(pair.value))\n"
        }.joined()
    }

    private static func inline(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            guard ScalarKind(scalar) == .text else { return scalar.string }
            // Plain when YAML reads it back as the same text, quoted otherwise.
            let value = scalar.string
            let plain =
                !value.contains(where: { ":#{}[],&*?|<>=!%@`'\"\\".contains($0) })
                && ScalarKind(Node.Scalar(value)) == .text
            return plain ? value : quoted(value)
        case .sequence(let sequence):
            return "[" + sequence.map(inline).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "{" + mapping.map { "\($0.key.string ?? ""): \(inline($0.value))" }.joined(separator: ", ") + "}"
        case .alias:
            return "null"
        }
    }
}

/// What a scalar holds, as YAML 1.1's core schema reads a plain scalar; a quoted one is text.
enum ScalarKind {
    case integer, number, flag, null, text

    init(_ scalar: Node.Scalar) {
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted || scalar.style == .literal || scalar.style == .folded {
            self = .text
        } else if Int.construct(from: scalar) != nil {
            self = .integer
        } else if Double.construct(from: scalar) != nil {
            self = .number
        } else if Bool.construct(from: scalar) != nil {
            self = .flag
        } else if ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            self = .null
        } else {
            self = .text
        }
    }
}
