import Foundation
import TextSupport

/// The tags of a Mustache template as a tree, each with its position, so that a template can be
/// checked against the context it is rendered with before it is rendered. swift-mustache keeps its
/// own tree to itself and renders an unknown name as an empty string.
///
/// Only plain Mustache is accepted: variables, sections, inverted sections, partials, comments and
/// delimiter changes. The library's extensions (transforms such as `{{uppercased(x)}}`, dynamic
/// partials, inheritance, `{{% CONTENT_TYPE}}`, which turns escaping off) are refused, so that
/// every name a template uses is one this check understands.
struct MustacheTags: Sendable {
    indirect enum Node: Sendable {
        case variable(String, offset: Int)
        case section(String, inverted: Bool, offset: Int, body: [Node])
        case partial(String, offset: Int)
    }

    let nodes: [Node]

    init(_ text: String, error: (Int, String, String?) -> LocatedError) throws(LocatedError) {
        let characters = Array(text)
        var (open, close) = (Array("{{"), Array("}}"))
        // The sections being read, innermost last, with the nodes before each.
        var stack: [(name: String, inverted: Bool, offset: Int, outer: [Node])] = []
        var nodes: [Node] = []
        var index = 0

        func starts(_ pattern: [Character], at position: Int) -> Bool {
            position + pattern.count <= characters.count && Array(characters[position..<(position + pattern.count)]) == pattern
        }
        func find(_ pattern: [Character], from position: Int) -> Int? {
            var i = position
            while i + pattern.count <= characters.count {
                if starts(pattern, at: i) { return i }
                i += 1
            }
            return nil
        }

        while let start = find(open, from: index) {
            var bodyStart = start + open.count
            let triple = bodyStart < characters.count && characters[bodyStart] == "{"
            let closing = triple ? ["}"] + close : close
            guard let end = find(closing, from: bodyStart) else {
                throw error(start, "this tag is not closed", "add \(String(closing))")
            }
            index = end + closing.count
            let sigil: Character? = bodyStart < end ? characters[bodyStart] : nil
            if triple || (sigil.map { "#^/!>&=<$%".contains($0) } ?? false) { bodyStart += 1 }
            let body = String(characters[bodyStart..<end])
            let name = body.trimmingCharacters(in: .whitespaces)
            if sigil == "!" { continue }
            if sigil == "=" && !triple {
                let words = body.dropLast(body.hasSuffix("=") ? 1 : 0).split(separator: " ")
                guard body.hasSuffix("="), words.count == 2 else { throw error(start, "a delimiter change is written {{=<% %>=}}", nil) }
                (open, close) = (Array(words[0]), Array(words[1]))
                continue
            }
            if !triple, let sigil, "<$%".contains(sigil) {
                throw error(
                    start, "{{\(sigil)…}} is not plain Mustache, which is all the handout's templates may use",
                    "use variables, sections and partials")
            }
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-?".contains($0)) }) else {
                throw error(
                    start, "\(String(characters[start..<index])) is not a tag this check understands",
                    "a name is letters, digits and . _ - ?, without transforms or *")
            }
            switch triple ? "{" : sigil {
            case "#", "^":
                stack.append((name, sigil == "^", start, nodes))
                nodes = []
            case "/":
                guard let section = stack.popLast() else { throw error(start, "{{/\(name)}} closes no section", nil) }
                guard section.name == name else {
                    let opened = "{{\(section.inverted ? "^" : "#")\(section.name)}}"
                    throw error(start, "{{/\(name)}} closes the section \(opened)", "close it with {{/\(section.name)}}")
                }
                nodes = section.outer + [.section(name, inverted: section.inverted, offset: section.offset, body: nodes)]
            case ">":
                nodes.append(.partial(name, offset: start))
            default:
                nodes.append(.variable(name, offset: start))
            }
        }
        if let section = stack.last {
            let opened = "{{\(section.inverted ? "^" : "#")\(section.name)}}"
            throw error(section.offset, "the section \(opened) is not closed", "add {{/\(section.name)}}")
        }
        self.nodes = nodes
    }
}
