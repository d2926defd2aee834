import Configuration
import Experiments
import Foundation
import Initializers
import Ink
import Presentation
import TextSupport

/// The prose of the handout turned into HTML: math to MathML, figures and check tables placed,
/// figures, tables, sections and equations numbered and referred to by label, numbers quoted
/// from the build, citations resolved, headings numbered for the contents.
struct Document {
    /// How the page's partials draw a figure (spec, number, caption HTML) and a table of checks.
    struct Partials {
        let figure: (FigureSpec, Int, String) throws(LocatedError) -> String
        let checks: ([Check]) throws(LocatedError) -> String
        /// The summary table of the rule catalogue, drawn once.
        let rules: String
        /// The names of some rules in the libraries, with what differs.
        let libraries: ([RuleID]) throws(LocatedError) -> String
        /// A table an experiment's presenter made.
        let table: (PageTable) throws(LocatedError) -> String
        /// The decision procedure, given the HTML of each row's link to its section.
        let decisions: ([String]) throws(LocatedError) -> String
    }

    struct RenderedSection {
        let id: String
        let html: String
        let part: TemplateFolder.Part
    }

    /// What the course keeps of the prose and of the appendices the page template writes.
    struct Selection {
        var further = true
        var appendices = true
        var omissions: [CourseSettings.Omission] = []
        /// The appendices the page template writes after those of the prose, by element id.
        var templateAppendices: [(id: String, title: String)] = []
    }

    let sections: [RenderedSection]
    let headings: [SectionHeadings.Heading]
    let numbering: Numbering
    /// Each figure's caption as the prose writes it, by figure id.
    let captionSources: [String: String]
    /// The appendices the page template writes that the course keeps, lettered, in order.
    let templateAppendices: [SectionHeadings.Heading]

    /// The prose through its passes, each over every content file in reading order: Markdown
    /// rendered; figures, citations and checks numbered; block tables drawn and put in place;
    /// tables and sections numbered; math converted and equations numbered; the other pieces
    /// resolved against the numbers; and every piece put in its place in one pass.
    /// `reservedIDs`: element ids the page template uses, which headings must not take.
    init(
        templates: TemplateFolder, figures: [String: FigureSpec], numbers: [String: Double], checks: [Check],
        tables: [String: PageTable] = [:], reservedIDs: Set<String>, partials: Partials, selection: Selection = Selection()
    ) throws(LocatedError) {
        let chosen = try SectionSelection(
            templates.sections.map(ProseFile.init(rendering:)), templateAppendices: selection.templateAppendices.map(\.id),
            further: selection.further, appendices: selection.appendices, omissions: selection.omissions)
        var files = chosen.kept
        var numbering = Numbering()
        numbering.omitted = chosen.omittedLabels
        try numbering.numberFigures(in: files, known: figures)
        for index in files.indices { try files[index].takeFigureCaptions() }
        try numbering.numberCitations(in: files, bibliography: templates.bibliography)
        try numbering.assignChecks(in: files, checks: checks)
        for index in files.indices { try files[index].placeBlocks(checks: checks, tables: tables, partials: partials) }
        try numbering.numberTables(in: &files)
        var sectionHeadings = SectionHeadings(reserved: reservedIDs)
        try numbering.numberSections(
            in: &files, headings: &sectionHeadings,
            templateAppendices: selection.templateAppendices.filter { chosen.keptTemplateAppendices.contains($0.id) })
        for file in files { try file.checkDecisionSections(numbering.sections) }
        let boxes = try ProseBoxes(numbering: &files, sections: numbering.sectionNumbers, names: numbering.sections)
        for index in files.indices { try files[index].convertMath(numbers: numbers, numbering: &numbering) }
        for index in files.indices {
            try files[index].resolvePieces(figures: figures, numbers: numbers, numbering: numbering, partials: partials)
        }
        boxes.collectAnswers(in: &files)
        self.numbering = numbering
        captionSources = files.reduce(into: [:]) { all, file in all.merge(file.captionSources) { first, _ in first } }
        sections = files.map { RenderedSection(id: $0.section.id, html: $0.placingPieces(in: $0.html), part: $0.section.part) }
        let filesByID = Dictionary(files.map { ($0.section.id, $0) }, uniquingKeysWith: { first, _ in first })
        headings = sectionHeadings.headings.map { heading in
            let html = filesByID[heading.section].map { $0.placingPieces(in: heading.html) } ?? heading.html
            return SectionHeadings.Heading(
                id: heading.id, level: heading.level, number: heading.number, html: html, section: heading.section,
                part: heading.part)
        }
        templateAppendices = headings.filter { $0.isAppendix && $0.section.isEmpty }
    }
}
