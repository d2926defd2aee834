/// A MathML element under construction; serialising it escapes all text and attributes.
struct MathMLElement: Equatable, Sendable {
    struct Attribute: Equatable, Sendable {
        var name: String
        var value: String
    }

    var name: String
    var attributes: [Attribute] = []
    var children: [MathMLElement] = []
    /// Character content of token elements (`mi`, `mo`, ...); nil for containers.
    var text: String?

    init(_ name: String, _ attributes: [(String, String)] = [], children: [MathMLElement] = []) {
        self.name = name
        self.attributes = attributes.map { Attribute(name: $0.0, value: $0.1) }
        self.children = children
    }

    init(_ name: String, text: String, _ attributes: [(String, String)] = []) {
        self.init(name, attributes)
        self.text = text
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    mutating func setAttribute(_ name: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].value = value
        } else {
            attributes.append(Attribute(name: name, value: value))
        }
    }

    var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        output += "<" + name
        for attribute in attributes {
            output += " \(attribute.name)=\"\(Self.escape(attribute.value))\""
        }
        // mspace never has content; everything else is written in full so HTML parsers agree.
        if name == "mspace", children.isEmpty, text == nil {
            output += "/>"
            return
        }
        output += ">"
        if let text {
            output += Self.escape(text)
        }
        for child in children {
            child.write(to: &output)
        }
        output += "</\(name)>"
    }

    /// Works on scalars, not characters: `&` followed by a combining mark is one
    /// `Character` but still an ampersand to an XML parser.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
