import TextSupport

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
            output += " \(attribute.name)=\"\(XMLText.escape(attribute.value))\""
        }
        // mspace never has content; everything else is written in full so HTML parsers agree.
        if name == "mspace", children.isEmpty, text == nil {
            output += "/>"
            return
        }
        output += ">"
        if let text {
            output += XMLText.escape(text)
        }
        for child in children {
            child.write(to: &output)
        }
        output += "</\(name)>"
    }
}
