/// Text with sub- and superscripts, parsed from a small markup: `a_l` and `x^2` script one
/// character, `a_{in}` and `10^{-4}` a braced group, and a backslash escapes the next
/// character (`fan\_in`). Inside scripts an ASCII hyphen becomes a true minus sign.
struct RichText: Sendable, Hashable {
    enum Script: Sendable, Hashable { case normal, superscript, `subscript` }

    struct Run: Sendable, Hashable {
        var text: String
        var script: Script
    }

    var runs: [Run]

    /// Text taken literally, as tick labels are.
    init(plain: String) {
        runs = plain.isEmpty ? [] : [Run(text: plain, script: .normal)]
    }

    init(markup: String) {
        var runs: [Run] = []
        var current = ""
        func flush() {
            if !current.isEmpty { runs.append(Run(text: current, script: .normal)) }
            current = ""
        }
        var characters = markup[...]
        while let character = characters.popFirst() {
            switch character {
            case "\\":
                current.append(characters.popFirst() ?? "\\")
            case "_", "^":
                guard let next = characters.first else {
                    current.append(character)
                    continue
                }
                var script: Substring
                if next == "{" {
                    characters.removeFirst()
                    if let close = characters.firstIndex(of: "}") {
                        script = characters[..<close]
                        characters = characters[characters.index(after: close)...]
                    } else {
                        script = characters
                        characters = characters[characters.endIndex...]
                    }
                } else {
                    script = characters.prefix(1)
                    characters.removeFirst()
                }
                flush()
                let text = script.replacingOccurrences(of: "-", with: "\u{2212}")
                if !text.isEmpty {
                    runs.append(Run(text: text, script: character == "^" ? .superscript : .`subscript`))
                }
            default:
                current.append(character)
            }
        }
        flush()
        self.runs = runs
    }

    var isEmpty: Bool { runs.isEmpty }

    /// The same text followed by more plain text.
    func appending(_ suffix: String) -> RichText {
        var copy = self
        copy.runs.append(Run(text: suffix, script: .normal))
        return copy
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
