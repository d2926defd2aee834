import TextSupport

extension ProseFile {
    /// The pass that takes each `Figure:` caption out of the running text: the paragraph right
    /// after a figure's own is its caption, as Markdown made it (math and numbers still tokens,
    /// placed with the rest), kept in ``figureCaptions`` by the figure's piece.
    mutating func takeFigureCaptions() throws(LocatedError) {
        for (number, piece) in pieces.enumerated() {
            switch piece.source {
            case .figure(let id):
                let token = ContentScanner.token(number)
                guard let figure = html.range(of: "<p>\(token)</p>") else {
                    throw error(at: piece, "figure \(id) must stand in a paragraph of its own")
                }
                let rest = html[figure.upperBound...].drop { $0.isWhitespace }
                guard rest.hasPrefix("<p>" + ContentScanner.tokenPrefix), let caption = captionPiece(at: rest.dropFirst(3)),
                    case .figureCaption(let source) = pieces[caption].source,
                    let close = rest.range(of: "</p>")
                else {
                    throw error(
                        at: piece, "figure \(id) has no caption",
                        hint: "write a line starting with Figure: right after {{figure \(id)}}")
                }
                let open = rest.index(rest.startIndex, offsetBy: 3 + ContentScanner.token(caption).count)
                captionSources[id] = source
                figureCaptions[number] = rest[open..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                html.replaceSubrange(figure.upperBound..<close.upperBound, with: "")
                pieces[caption].html = ""
            case .figureCaption where pieces[number].html == nil:
                throw error(at: piece, "a figure caption must come right after its {{figure ID}}")
            default:
                continue
            }
        }
    }

    /// The number of the piece whose token starts `text`.
    private func captionPiece(at text: Substring) -> Int? {
        let digits = text.dropFirst(ContentScanner.tokenPrefix.count).prefix { $0.isNumber }
        guard let number = Int(digits), number < pieces.count,
            text.dropFirst(ContentScanner.tokenPrefix.count + digits.count).hasPrefix("X")
        else { return nil }
        return number
    }
}
