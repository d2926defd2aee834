import Experiments
import Presentation
import TeXMath
import TextSupport

extension Document {
    /// Numbers assigned in reading order before any piece is made, so that a reference may
    /// point forward. Each kind is numbered by a pass of its own over every content file.
    struct Numbering {
        var figures: [String: Int] = [:]
        /// The content file each figure is placed in.
        var figureSections: [String: String] = [:]
        /// The content file whose table first shows each check, by check id.
        var checkSections: [String: String] = [:]
        var tables: [String: Int] = [:]
        /// What a reference to the section shows: "Section 2.1", "Appendix A".
        var sections: [String: String] = [:]
        /// The section's number alone: "2.1", "A".
        var sectionNumbers: [String: String] = [:]
        /// The labels of the files a course left out, and the title of each one's file.
        var omitted: [String: String] = [:]
        /// What a reference to the equation shows: its number, or its `\tag`.
        var equations: [String: String] = [:]
        var citations: [String: Int] = [:]
        var citationOrder: [String] = []
        private var numberedEquations = 0

        /// Each figure of the build is placed once, and numbered where it is.
        mutating func numberFigures(in files: [ProseFile], known: [String: FigureSpec]) throws(LocatedError) {
            for file in files {
                for piece in file.pieces {
                    guard case .figure(let id) = piece.source else { continue }
                    guard known[id] != nil else {
                        let hint = nearestName(to: id, in: Array(known.keys)).map { "did you mean \($0)?" }
                        let known = known.keys.sorted().joined(separator: ", ")
                        throw file.error(at: piece, "no figure \(id)", hint: hint ?? "known figures: \(known)")
                    }
                    guard figures[id] == nil else { throw file.error(at: piece, "figure \(id) is placed twice") }
                    figures[id] = figures.count + 1
                    figureSections[id] = file.section.id
                }
            }
        }

        /// Works are numbered in the order they are first cited.
        mutating func numberCitations(in files: [ProseFile], bibliography: Bibliography) throws(LocatedError) {
            for file in files {
                for piece in file.pieces {
                    guard case .citation(let keys) = piece.source else { continue }
                    for key in keys where citations[key] == nil {
                        guard bibliography.entries[key] != nil else {
                            let near = nearestName(to: key, in: Array(bibliography.entries.keys))
                            let hint = near.map { "did you mean \($0)?" }
                            throw file.error(at: piece, "no reference \(key) in \(bibliography.path)", hint: hint)
                        }
                        citationOrder.append(key)
                        citations[key] = citationOrder.count
                    }
                }
            }
        }

        /// Every prefix of a `{{checks}}` names some check; each check is discussed in the file
        /// whose table shows it first.
        mutating func assignChecks(in files: [ProseFile], checks: [Check]) throws(LocatedError) {
            for file in files {
                for piece in file.pieces {
                    guard case .checks(let prefixes) = piece.source else { continue }
                    for prefix in prefixes where CheckTable.matching([prefix], in: checks).isEmpty {
                        let near = nearestName(to: prefix, in: CheckTable.prefixes(checks))
                        let hint = near.map { "did you mean \($0)?" } ?? "the ids are listed in data/manifest.json"
                        throw file.error(at: piece, "no check id starts with \(prefix)", hint: hint)
                    }
                    for check in CheckTable.matching(prefixes, in: checks) where checkSections[check.id] == nil {
                        checkSections[check.id] = file.section.id
                    }
                }
            }
        }

        /// Attaches each `Table:` caption to its table and numbers it; the caption's piece
        /// becomes "Table N.".
        mutating func numberTables(in files: inout [ProseFile]) throws(LocatedError) {
            var count = 0
            for index in files.indices {
                let arranged = try ProseTables.arrange(files[index].html, scanner: files[index].scanner, firstNumber: count + 1)
                count += arranged.captions.count
                files[index].html = arranged.html
                for caption in arranged.captions {
                    let piece = files[index].pieces[caption.piece]
                    files[index].pieces[caption.piece].html = "<span class=\"table-label\">Table&nbsp;\(caption.number).</span>"
                    guard let label = caption.label else { continue }
                    guard tables[label] == nil else { throw files[index].error(at: piece, "table label \(label) is used twice") }
                    tables[label] = caption.number
                }
            }
        }

        /// Numbers and anchors the `##` and `###` headings, then letters the appendices the page
        /// template writes after those of the prose; a `{#sec:…}` label must end a heading.
        mutating func numberSections(
            in files: inout [ProseFile], headings: inout SectionHeadings, templateAppendices: [(id: String, title: String)]
        ) throws(LocatedError) {
            for index in files.indices {
                let file = files[index]
                let html = try headings.number(
                    file.html, section: file.section.id, part: file.section.part, scanner: file.scanner)
                for (number, piece) in file.pieces.enumerated() {
                    guard case .label(.section, _) = piece.source, html.contains(ContentScanner.token(number)) else { continue }
                    throw file.error(at: piece, "{#sec:…} labels a ## or ### heading; this line is not one")
                }
                files[index].html = html
            }
            for appendix in templateAppendices { _ = headings.appendTemplateAppendix(id: appendix.id, html: appendix.title) }
            for heading in headings.headings {
                sections[heading.id] = heading.name
                sectionNumbers[heading.id] = heading.number
            }
        }

        /// What a displayed equation shows: its `\tag`, else the next number unless it has
        /// `\nonumber`. Its label, if it has one, refers to that.
        mutating func numberEquation(
            _ conversion: TeXMath.Conversion, in file: ProseFile, at piece: ProseFile.Piece
        ) throws(LocatedError) -> String? {
            var shown = conversion.tag
            if shown == nil && !conversion.isNumberSuppressed {
                numberedEquations += 1
                shown = "\(numberedEquations)"
            }
            guard let label = conversion.labels.first else { return shown }
            guard let shown else {
                throw file.error(at: piece, "\\label{\(label)} is on an unnumbered equation", hint: "remove \\nonumber or the label")
            }
            guard equations[label] == nil else { throw file.error(at: piece, "equation label \(label) is used twice") }
            equations[label] = shown
            return shown
        }
    }
}
