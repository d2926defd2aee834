import Foundation
import Testing

@testable import TeXMath

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed MathML element, simplified for assertions.
struct Markup: CustomStringConvertible {
    var name: String
    var attributes: [String: String] = [:]
    var children: [Markup] = []
    /// All character content below this element.
    var text = ""

    /// This element and its descendants in document order.
    var all: [Markup] {
        [self] + children.flatMap(\.all)
    }

    func all(_ name: String) -> [Markup] {
        all.filter { $0.name == name }
    }

    func first(_ name: String) -> Markup? {
        all.first { $0.name == name }
    }

    var childNames: [String] {
        children.map(\.name)
    }

    var description: String {
        let attributeText = attributes.keys.sorted().map { " \($0)=\"\(attributes[$0] ?? "")\"" }.joined()
        if children.isEmpty {
            return "<\(name)\(attributeText)>\(text)</\(name)>"
        }
        return "<\(name)\(attributeText)>" + children.map(\.description).joined() + "</\(name)>"
    }
}

struct NotWellFormed: Error, CustomStringConvertible {
    var xml: String
    var reason: String

    var description: String { "not well-formed XML (\(reason)): \(xml)" }
}

/// Builds ``Markup`` from SAX events. XMLParser is used rather than XMLDocument because
/// on Linux XMLDocument recovers from malformed input instead of reporting it.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [Markup] = [Markup(name: "#document")]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        stack.append(Markup(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in stack.indices {
            stack[index].text += string
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        guard stack.count > 1, let element = stack.popLast() else { return }
        stack[stack.count - 1].children.append(element)
    }
}

/// Parses MathML output as XML; any parse error is a well-formedness failure.
func parseXML(_ xml: String) throws -> Markup {
    let parser = XMLParser(data: Data(xml.utf8))
    let builder = TreeBuilder()
    parser.delegate = builder
    let succeeded = parser.parse()
    guard succeeded, parser.parserError == nil, builder.stack.count == 1,
        let root = builder.stack[0].children.first, builder.stack[0].children.count == 1
    else {
        throw NotWellFormed(xml: xml, reason: parser.parserError.map { "\($0)" } ?? "unbalanced")
    }
    return root
}

/// Converts and parses; returns the whole `<math>` element.
func math(_ tex: String, display: Bool = true) throws -> Markup {
    try parseXML(TeXMath.mathML(tex, display: display))
}

/// Converts and returns the presentation part: the first child of `<semantics>`.
func body(_ tex: String, display: Bool = true) throws -> Markup {
    let root = try math(tex, display: display)
    let semantics = try #require(root.children.first)
    #expect(semantics.name == "semantics")
    return try #require(semantics.children.first)
}

/// The children of the top-level row (a single element counts as a row of one).
func items(_ tex: String, display: Bool = true) throws -> [Markup] {
    let presentation = try body(tex, display: display)
    return presentation.name == "mrow" ? presentation.children : [presentation]
}

/// The error a conversion throws, or nil if it succeeds.
func conversionError(_ tex: String, display: Bool = true) -> TeXError? {
    do {
        _ = try TeXMath.mathML(tex, display: display)
        return nil
    } catch {
        return error
    }
}
