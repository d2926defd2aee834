import TextSupport

/// The boxes of the prose: key points, and exercises numbered per top-level section
/// ("Exercise 3.1") whose worked answers `{{answers}}` collects.
///
/// An answer is in the page twice. Under its question it is folded in `<details class="exercise">`
/// for the reader on screen, who unfolds it when ready. Print hides that copy: a closed
/// `<details>` prints as its summary alone, and opened ones would set every answer beside its
/// question and lengthen the core. The collected answers, where the prose puts `{{answers}}` (an
/// appendix), print with the rest; each links to its exercise, and each exercise to it.
struct ProseBoxes {
    private struct Exercise {
        let number: String
        let file: Int
        /// The pieces of its `{{exercise}}`, `{{answer}}` and `{{/exercise}}`.
        let open: Int
        var answer = 0
        var close = 0

        var anchor: String { "exercise-" + number.replacingOccurrences(of: ".", with: "-") }
        var answerAnchor: String { "answer-" + number.replacingOccurrences(of: ".", with: "-") }
        var label: String { "Exercise&nbsp;\(number)" }
    }

    private var exercises: [Exercise] = []
    /// The `{{answers}}` piece: its file and its index there.
    private var answers: (file: Int, piece: Int)?

    /// Numbers the exercises once the headings are numbered, and makes the HTML of every box
    /// piece but the collected answers. `sections`: the number of each heading ("3", "A"), and
    /// `names`: what a reference calls it ("Section 3", "Appendix A"), by its id.
    init(numbering files: inout [ProseFile], sections: [String: String], names: [String: String]) throws(LocatedError) {
        var section = ""
        var answersName = ""
        var counts: [String: Int] = [:]
        for fileIndex in files.indices {
            let file = files[fileIndex]
            // The numbered `##` headings, by the ids the headings pass gave them.
            let headings = file.html.matches(of: /<h2[^>]*\sid="([^"]*)"/).compactMap { match in
                let id = String(match.output.1)
                return sections[id].map { (end: match.range.upperBound, number: $0, name: names[id] ?? $0) }
            }
            // The `##` section a piece is in; the scanner's tokens are in the HTML in the order of
            // the prose, and a file without a heading before it continues the last.
            let headingOf = { (piece: Int) in
                file.html.range(of: ContentScanner.token(piece)).flatMap { position in
                    headings.last { $0.end <= position.lowerBound }
                }
            }
            let sectionOf = { (piece: Int) -> String? in headingOf(piece)?.number }
            let sectionNameOf = { (piece: Int) -> String? in headingOf(piece)?.name }
            for (index, piece) in file.pieces.enumerated() {
                switch piece.source {
                case .open(.keypoints):
                    files[fileIndex].pieces[index].html = "<aside class=\"keypoints\"><p class=\"box-title\">Key points</p>"
                case .close(.keypoints):
                    files[fileIndex].pieces[index].html = "</aside>"
                case .open(.exercise):
                    section = sectionOf(index) ?? section
                    counts[section, default: 0] += 1
                    let number = section.isEmpty ? "\(counts[section, default: 0])" : "\(section).\(counts[section, default: 0])"
                    let exercise = Exercise(number: number, file: fileIndex, open: index)
                    guard sections[exercise.anchor] == nil, sections[exercise.answerAnchor] == nil else {
                        throw file.error(at: piece, "a heading already has the id \(exercise.anchor) or \(exercise.answerAnchor)")
                    }
                    exercises.append(exercise)
                case .answer:
                    // The scanner lets an answer stand only in an exercise, and an exercise close only after its answer.
                    exercises[exercises.count - 1].answer = index
                    files[fileIndex].pieces[index].html = "<details class=\"exercise\"><summary>Answer</summary>"
                case .close(.exercise):
                    exercises[exercises.count - 1].close = index
                    files[fileIndex].pieces[index].html = "</details></div>"
                case .answers:
                    if let answers {
                        let first = files[answers.file].error(at: files[answers.file].pieces[answers.piece], "").location
                        throw file.error(at: piece, "a second {{answers}}", hint: "the answers are collected once, at \(first)")
                    }
                    answers = (fileIndex, index)
                    section = sectionOf(index) ?? section
                    answersName = sectionNameOf(index) ?? answersName
                default:
                    continue
                }
            }
        }
        if let first = exercises.first, answers == nil {
            throw files[first.file].error(
                at: files[first.file].pieces[first.open], "the exercises' answers are collected nowhere",
                hint: "put {{answers}} where the answers print, such as an appendix")
        }
        if let answers, exercises.isEmpty {
            throw files[answers.file].error(
                at: files[answers.file].pieces[answers.piece], "{{answers}} collects the answers of the exercises, and there are none",
                hint: "write {{exercise}} … {{answer}} … {{/exercise}}, or remove {{answers}}")
        }
        // Named by where the answers are, for the reader of the printed page, who cannot unfold.
        let linkText = answersName.isEmpty ? "Answer at the end" : "Answer in \(answersName)"
        for exercise in exercises {
            files[exercise.file].pieces[exercise.open].html =
                "<div class=\"exercise\" id=\"\(exercise.anchor)\"><p class=\"box-title\">\(exercise.label) "
                + "<a class=\"answer-link\" href=\"#\(exercise.answerAnchor)\">\(linkText)</a></p>"
        }
    }

    /// Puts every exercise's answer, as made by the passes, where `{{answers}}` is. The copy
    /// carries no element ids, which belong to the folded answer.
    func collectAnswers(in files: inout [ProseFile]) {
        guard let answers else { return }
        var html = "<div class=\"answers\">"
        for exercise in exercises {
            let file = files[exercise.file]
            guard let start = file.html.range(of: ContentScanner.token(exercise.answer))?.upperBound,
                let end = file.html.range(of: ContentScanner.token(exercise.close), range: start..<file.html.endIndex)?.lowerBound
            else { continue }
            // The tokens of block pieces stand in paragraphs of their own, which the answer leaves behind.
            var fragment = Substring(file.html[start..<end]).trimmingPrefix("</p>")
            if fragment.hasSuffix("<p>") { fragment = fragment.dropLast(3) }
            let placed = file.placingPieces(in: String(fragment)).replacing(#/ id="[^"]*"/#, with: "")
            html +=
                "<div class=\"answer\" id=\"\(exercise.answerAnchor)\"><p class=\"box-title\">"
                + "<a href=\"#\(exercise.anchor)\">\(exercise.label)</a></p>\(placed)</div>"
        }
        files[answers.file].pieces[answers.piece].html = html + "</div>"
    }
}
