import Foundation

/// Rewrites the document information of a PDF that Chromium printed, so the same page gives the
/// same bytes. Chromium writes the time of printing and its own version (`/Creator`, `/Producer`)
/// into the information dictionary, which is replaced, the offsets of the objects after it
/// shifted; and it names the elements of the structure tree by the browser's DOM node numbers
/// (`/ID (node00000258)`), which start elsewhere from run to run but keep their order. Nothing
/// else varies, and streams are left untouched.
enum PDFMetadata {
    struct Failure: Error {
        let reason: String
    }

    /// `date` is ISO 8601 in UTC (`DocumentDate`); the PDF gets it as `D:YYYYMMDDHHmmSSZ`.
    static func rewrite(_ pdf: Data, title: String, author: String? = nil, date: String) throws(Failure) -> Data {
        let bytes = renumberingNodes([UInt8](pdf))
        guard let startxrefAt = lastIndex(of: "startxref", in: bytes),
            let xrefAt = Int(text(bytes, from: startxrefAt + 9, upTo: "%%EOF").trimmingCharacters(in: .whitespacesAndNewlines)),
            xrefAt < bytes.count, text(bytes, from: xrefAt, count: 4) == "xref"
        else { throw Failure(reason: "no classic cross-reference table") }
        guard let trailerAt = firstIndex(of: "trailer", in: bytes, from: xrefAt),
            let info = text(bytes, from: trailerAt, upTo: "startxref").firstMatch(of: /\/Info (\d+) 0 R/).flatMap({ Int($0.output.1) })
        else { throw Failure(reason: "no /Info in the trailer") }

        // The table: "xref", then sections "FIRST COUNT" each followed by COUNT 20-byte entries.
        var entries: [(number: Int, at: Int)] = []
        var cursor = xrefAt + 4
        func skipSpace() {
            while cursor < trailerAt, [0x20, 0x0A, 0x0D].contains(bytes[cursor]) { cursor += 1 }
        }
        skipSpace()
        while cursor < trailerAt {
            let header = text(bytes, from: cursor, upTo: "\n").split(separator: " ").compactMap { Int($0) }
            guard header.count == 2 else { throw Failure(reason: "a cross-reference section header is unreadable") }
            cursor += text(bytes, from: cursor, upTo: "\n").utf8.count + 1
            for number in header[0]..<(header[0] + header[1]) {
                guard cursor + 20 <= trailerAt else { throw Failure(reason: "the cross-reference table is cut short") }
                entries.append((number, cursor))
                cursor += 20
            }
            skipSpace()
        }
        func offset(of entry: Int) -> Int? { Int(text(bytes, from: entry, count: 10)) }

        guard let infoEntry = entries.first(where: { $0.number == info }), let infoAt = offset(of: infoEntry.at),
            let endAt = firstIndex(of: "endobj", in: bytes, from: infoAt)
        else { throw Failure(reason: "the information dictionary is not where the table says") }
        let pdfDate = "D:" + date.filter { $0.isNumber } + "Z"
        let authorEntry = author.map { "\n/Author \(textString($0))" } ?? ""
        let object = Array(
            "\(info) 0 obj\n<</Title \(textString(title))\(authorEntry)\n/CreationDate (\(pdfDate))\n/ModDate (\(pdfDate))>>\n".utf8)
        let delta = object.count - (endAt - infoAt)

        var output = Array(bytes[..<infoAt]) + object + Array(bytes[endAt..<xrefAt])
        output += bytes[xrefAt..<(xrefAt + 4)]
        var copied = xrefAt + 4
        for entry in entries {
            guard let old = offset(of: entry.at), bytes[entry.at + 17] == UInt8(ascii: "n"), old > infoAt else { continue }
            output += bytes[copied..<entry.at]
            output += Array(String(format: "%010d", old + delta).utf8)
            copied = entry.at + 10
        }
        output += bytes[copied..<startxrefAt]
        output += Array("startxref\n\(xrefAt + delta)\n%%EOF\n".utf8)
        return Data(output)
    }

    /// Each `(nodeDIGITS)` replaced by the rank of its number among all of them, with as many
    /// digits: the file keeps its length, and the ID tree, sorted by these names, its order.
    static func renumberingNodes(_ bytes: [UInt8]) -> [UInt8] {
        let open = Array("(node".utf8)
        var found: [(at: Range<Int>, number: Int)] = []
        var i = 0
        while i + open.count < bytes.count {
            guard bytes[i] == open[0], bytes[i...].starts(with: open) else {
                i += 1
                continue
            }
            var end = i + open.count
            while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
            let digits = (i + open.count)..<end
            if end < bytes.count, bytes[end] == UInt8(ascii: ")"), !digits.isEmpty, digits.count <= 18,
                let number = Int(String(decoding: bytes[digits], as: UTF8.self))
            {
                found.append((digits, number))
            }
            i = end
        }
        let ranks = Dictionary(uniqueKeysWithValues: Set(found.map(\.number)).sorted().enumerated().map { ($1, $0 + 1) })
        var output = bytes
        for (digits, number) in found {
            let text = Array(String(ranks[number] ?? 0).utf8)
            guard text.count <= digits.count else { continue }
            output.replaceSubrange(digits, with: Array(repeating: UInt8(ascii: "0"), count: digits.count - text.count) + text)
        }
        return output
    }

    /// A PDF text string: UTF-16BE with its byte-order mark, in hex, which holds any title.
    static func textString(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    private static func text(_ bytes: [UInt8], from start: Int, count: Int) -> String {
        String(decoding: bytes[min(start, bytes.count)..<min(start + count, bytes.count)], as: UTF8.self)
    }

    private static func text(_ bytes: [UInt8], from start: Int, upTo marker: String) -> String {
        let end = firstIndex(of: marker, in: bytes, from: start) ?? bytes.count
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func firstIndex(of marker: String, in bytes: [UInt8], from start: Int) -> Int? {
        let pattern = Array(marker.utf8)
        guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        return (start...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }

    private static func lastIndex(of marker: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array(marker.utf8)
        guard bytes.count >= pattern.count else { return nil }
        return (0...(bytes.count - pattern.count)).reversed().first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
