import Yams

/// Where a repeated key appears again. Yams refuses a mapping with a repeated key but marks the
/// key's first appearance, which is the line the user meant to keep; the error belongs on the
/// repetition. Yams composes no mapping with a repeated key, so the first appearance is renamed
/// (a private-use character no configuration contains is put before it) and the text composed
/// again; the first key of that name after the renamed one, in the same mapping, is the
/// repetition. Repeated keys elsewhere in the file are renamed in turn until the text composes.
enum DuplicateKey {
    /// Put before the first appearance of the key looked for.
    private static let first: Unicode.Scalar = "\u{E001}"
    /// Put before the other repeated keys found on the way.
    private static let other: Unicode.Scalar = "\u{E000}"
    /// Renaming stops after this many keys, and the first appearance is reported instead.
    private static let rounds = 100

    /// The mark of the second appearance of `key`, whose first appearance is at `mark`, or nil
    /// when it cannot be told (a key written with a tag or an anchor).
    static func repetition(of key: String, firstAt mark: Mark, in text: String) -> Mark? {
        guard var text = renaming(at: mark, in: text, with: first) else { return nil }
        for _ in 0..<rounds {
            do {
                guard let root = try Yams.compose(yaml: text) else { return nil }
                return find(key, in: root)
            } catch YamlError.duplicatedKeysInMapping(_, let context) {
                guard let renamed = renaming(at: context.mark, in: text, with: other) else { return nil }
                text = renamed
            } catch {
                return nil
            }
        }
        return nil
    }

    /// The key after the renamed first appearance whose name, without the marks, is `key`.
    private static func find(_ key: String, in node: Node) -> Mark? {
        switch node {
        case .mapping(let mapping):
            let keys = Array(mapping.keys)
            if let start = keys.firstIndex(where: { $0.string?.unicodeScalars.first == first }) {
                let repeated = keys[(start + 1)...].first { plain($0.string ?? "") == key }
                return repeated?.mark
            }
            return mapping.values.lazy.compactMap { find(key, in: $0) }.first
        case .sequence(let sequence):
            return sequence.lazy.compactMap { find(key, in: $0) }.first
        case .scalar, .alias:
            return nil
        }
    }

    private static func plain(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.filter { $0 != first && $0 != other }))
    }

    /// The text with `mark` put at the start of the key at `mark` (inside its quotes, if any),
    /// or nil when the key there starts with a tag or an anchor, where a mark would change its
    /// meaning.
    private static func renaming(at position: Mark, in text: String, with mark: Unicode.Scalar) -> String? {
        var scalars = Array(text.unicodeScalars)
        var (line, column, index) = (1, 1, 0)
        while index < scalars.count && (line, column) < (position.line, position.column) {
            if scalars[index] == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
            index += 1
        }
        guard index < scalars.count, !["!", "&", "*"].contains(scalars[index]) else { return nil }
        scalars.insert(mark, at: scalars[index] == "\"" || scalars[index] == "'" ? index + 1 : index)
        return String(String.UnicodeScalarView(scalars))
    }
}
