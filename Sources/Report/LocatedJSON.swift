import TextSupport

/// A JSON document read with the position of every value, so that a mistake in a hand-edited
/// file such as `references.json` is reported at its line and column rather than as a coding path.
struct LocatedJSON {
    indirect enum Value {
        case string(String)
        /// The number as written; the reader of a field decides what kind of number it must be.
        case number(String)
        case bool(Bool)
        case null
        case array([LocatedJSON])
        /// Members in the order written.
        case object([(key: String, keyOffset: Int, value: LocatedJSON)])

        var kind: String {
            switch self {
            case .string: "a string"
            case .number: "a number"
            case .bool: "true or false"
            case .null: "null"
            case .array: "a list"
            case .object: "an object"
            }
        }
    }

    let value: Value
    /// Character offset of the value's first character in the document.
    let offset: Int

    /// A whole file, which locates the errors found in it.
    struct Document {
        let path: String
        let characters: [Character]
        let root: LocatedJSON

        init(path: String, text: String) throws(LocatedError) {
            self.path = path
            characters = Array(text)
            var reader = Reader(path: path, characters: characters)
            root = try reader.value()
            reader.skipSpace()
            guard reader.index == characters.count else {
                throw reader.locate(reader.index, "unexpected text after the end of the JSON document")
            }
        }

        func error(at offset: Int, _ message: String, hint: String? = nil) -> LocatedError {
            Reader(path: path, characters: characters).locate(offset, message, hint: hint)
        }
    }

    private struct Reader {
        let path: String
        let characters: [Character]
        var index = 0

        mutating func skipSpace() {
            while index < characters.count, " \n\t\r".contains(characters[index]) {
                index += 1
            }
        }

        mutating func value() throws(LocatedError) -> LocatedJSON {
            skipSpace()
            let start = index
            guard index < characters.count else { throw locate(index, "the JSON document ends where a value was expected") }
            switch characters[index] {
            case "{": return LocatedJSON(value: try object(), offset: start)
            case "[": return LocatedJSON(value: try array(), offset: start)
            case "\"": return LocatedJSON(value: .string(try string()), offset: start)
            case "t": try word("true"); return LocatedJSON(value: .bool(true), offset: start)
            case "f": try word("false"); return LocatedJSON(value: .bool(false), offset: start)
            case "n": try word("null"); return LocatedJSON(value: .null, offset: start)
            case "-", "0"..."9": return LocatedJSON(value: .number(try number()), offset: start)
            default: throw locate(index, "unexpected \(characters[index]) where a JSON value was expected")
            }
        }

        mutating func word(_ word: String) throws(LocatedError) {
            let start = index
            for c in word {
                guard index < characters.count, characters[index] == c else {
                    throw locate(start, "unexpected text where a JSON value was expected")
                }
                index += 1
            }
        }

        mutating func number() throws(LocatedError) -> String {
            let start = index
            while index < characters.count, "+-.eE0123456789".contains(characters[index]) { index += 1 }
            let text = String(characters[start..<index])
            guard Double(text) != nil else { throw locate(start, "\(text) is not a number") }
            return text
        }

        mutating func string() throws(LocatedError) -> String {
            let start = index
            index += 1
            var text = ""
            while index < characters.count {
                let c = characters[index]
                index += 1
                switch c {
                case "\"":
                    return text
                case "\n":
                    throw locate(start, "a string is not closed on its line", hint: "add the closing \"")
                case "\\":
                    guard index < characters.count else { break }
                    let escaped = characters[index]
                    index += 1
                    switch escaped {
                    case "\"", "\\", "/": text.append(escaped)
                    case "n": text.append("\n")
                    case "t": text.append("\t")
                    case "r": text.append("\r")
                    case "b": text.append("\u{8}")
                    case "f": text.append("\u{C}")
                    case "u":
                        let digits = String(characters[index..<min(index + 4, characters.count)])
                        guard digits.count == 4, let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) else {
                            throw locate(index - 2, "\\u needs four hexadecimal digits of a character")
                        }
                        text.unicodeScalars.append(scalar)
                        index += 4
                    default:
                        throw locate(index - 2, "unknown escape \\\(escaped) in a string")
                    }
                default:
                    text.append(c)
                }
            }
            throw locate(start, "a string is not closed", hint: "add the closing \"")
        }

        mutating func array() throws(LocatedError) -> Value {
            index += 1
            var items: [LocatedJSON] = []
            skipSpace()
            if index < characters.count, characters[index] == "]" { index += 1; return .array(items) }
            while true {
                items.append(try value())
                skipSpace()
                guard index < characters.count else { throw locate(index, "the list is not closed", hint: "add the closing ]") }
                if characters[index] == "]" { index += 1; return .array(items) }
                guard characters[index] == "," else { throw locate(index, "expected , or ] after an item of a list") }
                index += 1
            }
        }

        mutating func object() throws(LocatedError) -> Value {
            index += 1
            var members: [(key: String, keyOffset: Int, value: LocatedJSON)] = []
            skipSpace()
            if index < characters.count, characters[index] == "}" { index += 1; return .object(members) }
            while true {
                skipSpace()
                let keyOffset = index
                guard index < characters.count, characters[index] == "\"" else { throw locate(index, "expected a \"name\" in an object") }
                let key = try string()
                guard !members.contains(where: { $0.key == key }) else { throw locate(keyOffset, "\(key) appears twice in this object") }
                skipSpace()
                guard index < characters.count, characters[index] == ":" else { throw locate(index, "expected : after \"\(key)\"") }
                index += 1
                members.append((key, keyOffset, try value()))
                skipSpace()
                guard index < characters.count else { throw locate(index, "the object is not closed", hint: "add the closing }") }
                if characters[index] == "}" { index += 1; return .object(members) }
                guard characters[index] == "," else { throw locate(index, "expected , or } after a member of an object") }
                index += 1
            }
        }

        func locate(_ offset: Int, _ message: String, hint: String? = nil) -> LocatedError {
            let position = SourcePosition(offset: offset, in: characters)
            return LocatedError("\(path):\(position.line):\(position.column)", message, hint: hint)
        }
    }
}
