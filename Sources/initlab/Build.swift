import ArgumentParser
import Configuration
import Experiments
import FileSafety
import Foundation
import Presentation
import Report
import TextSupport

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the experiments and write the handout into the output folder.",
        discussion: """
            Writes index.html, style.css, figures/ (SVG, PNG at 2x, PDF; light and dark), \
            data/ (one CSV per figure and result table) and data/manifest.json. The new site is \
            written beside the output folder and swapped in only when everything succeeded. \
            Experiment results are cached in .initlab-cache/, keyed by their parameters, the \
            seed and the code and BLAS that compute them, so editing prose or templates \
            re-renders the page without running anything. The templates are built into initlab; \
            --templates DIR builds from a folder instead (`initlab templates --export DIR` writes one to start from). \
            --pdf also prints the page to handout.pdf with headless Chromium, and --single-file also writes \
            handout-single.html, the page with its style and figures inside.
            """)

    @Option(name: .shortAndLong, help: "The folder the site is written to (replaced whole).")
    var output = "output"

    @OptionGroup var planOptions: PlanOptions

    @Option(
        help: ArgumentHelp(
            "A folder with report.mustache, partials/, style.css, content/*.md, references.json and output-README.md "
                + "to build from instead of the built-in templates.",
            valueName: "dir"))
    var templates: String?

    @Flag(
        help: """
            Also write handout.pdf, the page printed by headless Chromium (with an outline of the sections), the same bytes \
            for the same build: its dates come from SOURCE_DATE_EPOCH or are fixed.
            """)
    var pdf = false

    @Option(help: "The paper size of handout.pdf, with --pdf (default: a4).")
    var paper: Paper?

    @Flag(help: "Also write handout-single.html: the page with its style sheet and figures (SVG) inside, linking to no other file.")
    var singleFile = false

    @Flag(
        help: """
            Replace the output folder even if it holds files initlab did not write (they are lost). Never replaces the \
            working folder, the home folder, the templates, the cache, the configuration file's folder or a folder holding them.
            """)
    var force = false

    @Flag(help: "Write the site even when a check of the theory against the measurements fails.")
    var allowFailedChecks = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if paper != nil && !pdf { throw ValidationError("--paper sets the paper of handout.pdf, which only --pdf writes") }
    }

    func run() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let configuration = try planOptions.configuration()
        let plan = configuration.plan
        let folder = try templates.map { path throws(LocatedError) in try TemplateFolder(path: path) } ?? TemplateFolder.builtIn()
        // Before anything runs, so a missing browser costs nothing.
        let browser = pdf ? try PrintedHandout.browser() : nil
        // The build's inputs: neither --force nor a marker lets the site replace them or a
        // folder holding them.
        // Without --templates, ./templates is still protected: in the project it is the folder
        // the built-in templates are made from, and --force must not take it.
        Protection.protect(URL(fileURLWithPath: templates ?? "templates"), as: "the templates folder")
        Protection.protect(URL(fileURLWithPath: planOptions.cache), as: "the cache folder")
        if let config = planOptions.config {
            Protection.protect(URL(fileURLWithPath: config).deletingLastPathComponent(), as: "the configuration file's folder")
        }
        // Before the experiments, which can take minutes, so a refusal or a misspelt number
        // costs nothing.
        try SiteFolder.checkDestination(output, force: force)
        try folder.checkNumberNames(Presenters.declaredNumberNames)
        let builder = ReportBuilder(
            templates: folder, profile: plan.profile, seed: plan.seed, course: configuration.course,
            dataDate: ReportBuilder.dataDate(environment: ProcessInfo.processInfo.environment))
        try builder.checkCourse()
        Interrupts.removeCreatedItemsOnSignal()
        let runner = Runner(plan: plan, cache: try planOptions.resultCache())
        let quiet = quiet
        let display = ProgressDisplay(quiet: quiet)
        let outcome = runner.run(
            log: { message in
                if !quiet && !display.enabled { FileHandle.standardError.write(Data("initlab: \(message)\n".utf8)) }
            }, watch: display.watch)
        display.finish()
        for warning in outcome.warnings { FileHandle.standardError.write(Data("initlab: warning: \(warning)\n".utf8)) }
        let (siteFiles, summary) = try builder.files(for: try Presenters.reports(outcome.results))
        var files = siteFiles
        if !summary.failedChecks.isEmpty && !allowFailedChecks {
            let list = summary.failedChecks.map { "  \($0.id): expected \($0.expected) ± \($0.tolerance), measured \($0.measured)" }.joined(
                separator: "\n")
            throw BuildFailure(
                message:
                    "\(summary.failedChecks.count) of \(summary.checksTotal) checks failed; the previous site in \(output) is left as it was:\n\(list)\n(--allow-failed-checks writes the site anyway)"
            )
        }
        if singleFile { files[SingleFilePage.path] = SingleFilePage.make(from: files) }
        if let browser { files[PrintedHandout.path] = try PrintedHandout.print(files, paper: paper ?? .a4, browser: browser) }
        try builder.writeSite(files, to: output, force: force)
        for timing in outcome.timings {
            log(String(format: "  %@: %@ in %.2f s", timing.experiment, timing.cached ? "from the cache" : "ran", timing.seconds))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        log(
            "wrote \(output)/index.html: \(summary.figures) figures, \(summary.checksPassed)/\(summary.checksTotal) checks passed, \(String(format: "%.1f", seconds)) s"
        )
    }

    func log(_ message: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("initlab: \(message)\n".utf8))
    }
}

extension Paper: ExpressibleByArgument {}
