import Ink
import TextSupport

/// One content file as the passes of ``Document`` see it: the HTML Ink made of its Markdown,
/// with a token where each piece the scanner took out goes, and the pieces, each filled in with
/// its HTML by the pass that knows it. The last pass puts the pieces into the HTML.
struct ProseFile {
    /// One piece of the prose that Markdown must not see (math, a figure, a reference, …).
    struct Piece {
        /// What the prose says, as the scanner read it.
        let source: ContentScanner.Piece
        /// Character offset in the file's text, for errors.
        let offset: Int
        /// What the piece becomes; nil until a pass has made it.
        var html: String?
    }

    let section: TemplateFolder.Section
    var html: String
    var pieces: [Piece]
    /// The HTML of each figure's caption, by the figure's piece.
    var figureCaptions: [Int: String] = [:]
    /// Each figure's caption as the prose writes it, by figure id, for the manifest.
    var captionSources: [String: String] = [:]

    /// The pass that renders the Markdown: Ink's HTML, pieces still to be made.
    init(rendering section: TemplateFolder.Section) {
        self.section = section
        html = MarkdownParser().html(from: section.scanner.markdown)
        pieces = section.scanner.pieces.map { Piece(source: $0.piece, offset: $0.offset) }
    }

    var scanner: ContentScanner { section.scanner }

    func error(at piece: Piece, _ message: String, hint: String? = nil) -> LocatedError {
        scanner.error(at: piece.offset, message, hint: hint)
    }

    /// `html` with the token of every piece that has its HTML replaced by it; the tokens of the
    /// others stay. Puts the pieces in one pass over the HTML (a search per piece is quadratic,
    /// and the handout has thousands): a block piece replaces the paragraph Markdown wrapped it
    /// in, and inline math keeps a following punctuation mark on its line.
    func placingPieces(in html: String) -> String {
        let source = Array(html.utf8)
        let marker = Array(ContentScanner.tokenPrefix.utf8)
        let (open, close) = (Array("<p>".utf8), Array("</p>".utf8))
        let marks = Set(".,;:?!)".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(source.count * 2)
        var index = 0
        while index < source.count {
            guard source[index] == marker[0], source[index...].starts(with: marker) else {
                output.append(source[index])
                index += 1
                continue
            }
            var end = index + marker.count
            var number = 0
            while end < source.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(source[end]) {
                number = number * 10 + Int(source[end] - UInt8(ascii: "0"))
                end += 1
            }
            guard end > index + marker.count, end < source.count, source[end] == UInt8(ascii: "X"), number < pieces.count,
                let placed = pieces[number].html
            else {
                output.append(source[index])
                index += 1
                continue
            }
            end += 1
            let replacement = Array(placed.utf8)
            let piece = pieces[number].source
            let paragraphOpen = output.count >= open.count && output.suffix(open.count).elementsEqual(open)
            if piece.isBlock, paragraphOpen, source[end...].starts(with: close) {
                output.removeLast(open.count)
                output += replacement
                end += close.count
            } else if case .inlineMath = piece, end < source.count, marks.contains(source[end]) {
                output += Array("<span class=\"nowrap\">".utf8) + replacement + [source[end]] + Array("</span>".utf8)
                end += 1
            } else {
                output += replacement
            }
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }
}
