import Charts
import Configuration
import Experiments
import Foundation
import Presentation
import TextSupport

/// The version written into every page and manifest.
public enum InitlabVersion {
    public static let current = "0.1.0"
}

/// Assembles the site from the experiments' reports: figures, data, manifest and the page.
public struct ReportBuilder {
    public struct Summary: Sendable {
        public let files: Int
        public let figures: Int
        public let checksPassed: Int
        public let checksTotal: Int
        public let failedChecks: [Check]
    }

    public let templates: TemplateFolder
    public let profile: Profile
    public let seed: UInt64
    public let course: CourseSettings
    /// The day the colophon gives for the data (YYYY-MM-DD), nil to give none.
    public let dataDate: String?

    public init(
        templates: TemplateFolder, profile: Profile, seed: UInt64, course: CourseSettings = CourseSettings(), dataDate: String? = nil
    ) {
        self.templates = templates
        self.profile = profile
        self.seed = seed
        self.course = course
        self.dataDate = dataDate
    }

    /// The day of SOURCE_DATE_EPOCH, which also dates the PDFs; nil without it, since the fixed
    /// date the PDFs then carry is no date of the data.
    public static func dataDate(environment: [String: String]) -> String? {
        guard environment["SOURCE_DATE_EPOCH"] != nil else { return nil }
        let date = DocumentDate.current(environment: environment)
        return date == DocumentDate.current(environment: [:]) ? nil : String(date.prefix(10))
    }

    /// The sections the course leaves out exist and may be left out: checked before the
    /// experiments run, so a mistake there costs nothing.
    public func checkCourse() throws(LocatedError) {
        _ = try SectionSelection(
            templates.sections.map(ProseFile.init(rendering:)), templateAppendices: Self.templateAppendices.map(\.id),
            further: course.further, appendices: course.appendices, omissions: course.omit)
    }

    /// The appendices the page template writes after those of the prose.
    static let templateAppendices = [(id: "verification", title: "Verification")]

    /// Every file of the site, by path relative to the output folder.
    public func files(for reports: [ExperimentReport]) throws(LocatedError) -> (files: [String: Data], summary: Summary) {
        var numbers: [String: Double] = [:]
        var figures: [FigureSpec] = []
        var checks: [Check] = []
        var pageTables: [String: PageTable] = [:]
        var files: [String: Data] = [:]
        for report in reports {
            for (name, value) in report.numbers {
                guard numbers[name] == nil else {
                    throw LocatedError("experiment \(report.experiment)", "the number \(name) is also defined by another experiment")
                }
                numbers[name] = value
            }
            figures += report.figures
            checks += report.checks
            for (name, table) in report.tables {
                files[FigureFiles.csvPath(name)] = Data(table.csv.utf8)
            }
            for table in report.pageTables {
                guard pageTables[table.id] == nil, files[FigureFiles.csvPath(table.id)] == nil else {
                    throw LocatedError("experiment \(report.experiment)", "the table \(table.id) is also made elsewhere")
                }
                pageTables[table.id] = table
                files[FigureFiles.csvPath(table.id)] = Data(table.data.csv.utf8)
            }
        }
        let figuresByID = Dictionary(figures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard figuresByID.count == figures.count else { throw LocatedError("experiments", "two figures share an id") }

        for (path, data) in try FigureFiles.render(figures) {
            guard files[path] == nil else {
                throw LocatedError("experiments", "\(path) is written twice: a figure and a result table share a name")
            }
            files[path] = data
        }

        let pages = templates.pages
        let partials = Document.Partials(
            figure: { figure, number, caption throws(LocatedError) in
                try pages.render("figure", FigureFiles.context(figure, number: number, captionHTML: caption))
            },
            checks: { checks throws(LocatedError) in try pages.render("check-table", CheckTable.context(checks)) },
            rules: try pages.render("rule-table", try RuleTable.context()),
            libraries: { rules throws(LocatedError) in try pages.render("library-table", LibraryTable.context(rules)) },
            table: { table throws(LocatedError) in try pages.render("data-table", PageTableView.context(table)) },
            decisions: { links throws(LocatedError) in try pages.render("decision-table", DecisionTable.context(sectionLinks: links)) })
        let selection = Document.Selection(
            further: course.further, appendices: course.appendices, omissions: course.omit, templateAppendices: Self.templateAppendices)
        let document = try Document(
            templates: templates, figures: figuresByID, numbers: numbers, checks: checks, tables: pageTables,
            reservedIDs: templateIDs, partials: partials, selection: selection)
        // A figure of a section the course left out is made, but placed nowhere.
        let unplaced = figures.map(\.id).filter { document.numbering.figures[$0] == nil && document.numbering.omitted["fig:\($0)"] == nil }
        guard unplaced.isEmpty else {
            throw LocatedError(
                templates.path + "/content", "figures not placed in the prose: \(unplaced.joined(separator: ", "))",
                hint: "add {{figure ID}} where each belongs")
        }
        let orderedFigures = figures.sorted { (document.numbering.figures[$0.id] ?? 0) < (document.numbering.figures[$1.id] ?? 0) }

        let passed = checks.filter(\.passed).count
        let verification = document.templateAppendices.first { $0.id == "verification" }
        let groups = reports.filter { !$0.checks.isEmpty }
        let toc = { (part: TemplateFolder.Part) in
            document.headings.filter { $0.part == part }.map { heading -> [String: Any] in
                ["id": heading.id, "number": heading.number, "title": heading.html, "sub": heading.level == 3]
            }
        }
        let sections = { (part: TemplateFolder.Part) in
            document.sections.filter { $0.part == part }.map { ["id": $0.id, "html": $0.html] }
        }
        let context: [String: Any] = [
            "generator": "initlab \(InitlabVersion.current)",
            "profile": profile.rawValue,
            "seed": "\(seed)",
            "title": course.title,
            // Lists of one or none: Mustache counts an empty string as present.
            "subtitle": [course.subtitle].compactMap { $0 },
            "author": [course.author].compactMap { $0 },
            "byline": [[course.author, course.institution, course.date].compactMap { $0 }.joined(separator: " · ")].filter { !$0.isEmpty },
            "dataDate": [dataDate].compactMap { $0 },
            "toc": toc(.core),
            "furtherToc": toc(.further),
            "hasFurther": document.headings.contains { $0.part == .further },
            "appendixToc": toc(.appendix),
            "hasAppendices": document.headings.contains { $0.isAppendix },
            "sections": sections(.core),
            "further": sections(.further),
            "appendices": sections(.appendix),
            "verification": verification.map { [["number": $0.number]] } ?? [],
            "experiments": groups.enumerated().map { index, group in
                var context = CheckTable.context(group.checks)
                context["experiment"] = group.experiment
                context["title"] = group.title
                context["number"] = "\(verification?.number ?? "").\(index + 1)"
                context["passed"] = group.checks.filter(\.passed).count
                context["total"] = group.checks.count
                // Where the prose shows these checks: the top-level sections of their tables.
                let files = group.checks.compactMap { document.numbering.checkSections[$0.id] }
                let headings = document.headings.filter { $0.level == 2 && files.contains($0.section) }
                if !headings.isEmpty { context["discussedHTML"] = Self.sectionList(headings) }
                return context
            },
            "checksPassed": passed,
            "checksTotal": checks.count,
            "allPassed": passed == checks.count,
            "hasReferences": !document.numbering.citationOrder.isEmpty,
            "references": document.numbering.citationOrder.compactMap { key -> [String: Any]? in
                guard let entry = templates.bibliography.entries[key], let number = document.numbering.citations[key] else { return nil }
                var reference: [String: Any] = [
                    "key": key, "number": number, "authors": entry.authors, "title": entry.title, "venue": entry.venue, "year": entry.year,
                ]
                // Left out when there is none: Mustache counts an empty string as present, which made an empty link.
                if let link = entry.link { reference["link"] = link }
                return reference
            },
        ]
        let page = try pages.render("report", context)
        files["index.html"] = Data(page.utf8)
        files["style.css"] = Data(templates.styleSheet.utf8)
        for (name, data) in templates.fonts { files["fonts/\(name)"] = data }
        files["README.md"] = Data(templates.outputReadme.utf8)
        let manifest = Manifest(
            generator: "initlab \(InitlabVersion.current)", profile: profile.rawValue, seed: seed,
            figures: orderedFigures.map { FigureFiles.manifestEntry($0, caption: document.captionSources[$0.id] ?? "") }, numbers: numbers,
            checks: checks)
        files["data/manifest.json"] = try manifest.json()
        let summary = Summary(
            files: files.count + 1, figures: figures.count, checksPassed: passed, checksTotal: checks.count,
            failedChecks: checks.filter { !$0.passed })
        return (files, summary)
    }

    /// Writes the site's files into `output`, swapping the whole folder in one step.
    public func writeSite(_ files: [String: Data], to output: String, force: Bool = false) throws(LocatedError) {
        try SiteWriter.write(files, to: output, force: force)
    }

    /// Element ids written out in the templates (`id="verification"`), which no heading may take.
    private var templateIDs: Set<String> {
        Set(templates.templates.values.flatMap { text in text.matches(of: /id="([A-Za-z0-9_-]+)"/).map { String($0.output.1) } })
    }

    /// "Section 4", "Section 4 and Appendix A", "Section 4, Section 5 and Section 8", each a
    /// cross-reference like those of the prose.
    static func sectionList(_ headings: [SectionHeadings.Heading]) -> String {
        proseList(headings.map { "<a class=\"xref\" href=\"#\($0.id)\">\($0.name)</a>" })
    }
}
