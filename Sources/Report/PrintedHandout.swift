import Charts
import FileSafety
import Foundation
import TextSupport

/// The paper the PDF is printed on.
public enum Paper: String, CaseIterable, Sendable {
    case a4, letter

    /// The CSS page size, which Chromium's printing follows.
    var cssSize: String { self == .a4 ? "A4" : "letter" }
}

/// `output/handout.pdf`: the page printed by headless Chromium, a real browser being the faithful
/// renderer of this HTML and MathML, with an outline of the sections and metadata rewritten so
/// that two builds give the same bytes.
public enum PrintedHandout {
    public static let path = "handout.pdf"
    /// Overrides the Chromium executable looked up on PATH (tests set it to test the absence).
    static let browserVariable = "INITLAB_CHROMIUM"
    static let browserNames = ["chromium", "chromium-browser", "google-chrome"]
    static let installHint = "install Chromium (Debian: `apt-get install chromium`) or set INITLAB_CHROMIUM to its executable"

    /// The browser that will print, or an error naming how to install one: commands ask before
    /// running the experiments, so a missing browser costs nothing.
    public static func browser(environment: [String: String] = ProcessInfo.processInfo.environment) throws(LocatedError) -> String {
        if let chosen = environment[browserVariable] {
            guard FileManager.default.isExecutableFile(atPath: chosen) else {
                throw LocatedError("--pdf", "\(browserVariable)=\(chosen) is not an executable", hint: installHint)
            }
            return chosen
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in browserNames {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        let names = browserNames.joined(separator: ", ")
        throw LocatedError("--pdf", "no Chromium on PATH to print the handout with (looked for \(names))", hint: installHint)
    }

    /// Prints `index.html` of `site` (the files by path) on `paper` with `browser`.
    public static func print(_ site: [String: Data], paper: Paper, browser: String) throws(LocatedError) -> Data {
        guard let page = site["index.html"].map({ String(decoding: $0, as: UTF8.self) }) else {
            throw LocatedError("--pdf", "the site has no index.html to print")
        }
        let environment = ProcessInfo.processInfo.environment
        let temporary = URL(fileURLWithPath: environment["TMPDIR"] ?? NSTemporaryDirectory())
        let folder: URL
        do {
            folder = try Created.folder(at: temporary.appendingPathComponent("initlab-print-\(getpid())"))
        } catch {
            throw LocatedError(error, option: "--pdf")
        }
        defer { try? Deletion.delete(folder, because: .createdByThisProcess) }
        var files = site.filter { $0.key.hasPrefix("figures/") || $0.key.hasPrefix("fonts/") || $0.key.hasSuffix(".css") }
        files["index.html"] = Data(pageSized(page, paper: paper).utf8)
        do {
            for (path, data) in files {
                let url = folder.appendingPathComponent("site").appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            throw LocatedError("--pdf", "cannot write the page to print into \(folder.path): \(error.localizedDescription)")
        }
        let date = DocumentDate.current(environment: environment)
        return try agreed { () throws(LocatedError) in
            let pdf = try printOnce(folder: folder, browser: browser)
            do throws(PDFMetadata.Failure) {
                return try PDFMetadata.rewrite(pdf, title: title(of: page), author: author(of: page), date: date)
            } catch {
                throw LocatedError("--pdf", "cannot rewrite the metadata of the PDF \(browser) printed: \(error.reason)")
            }
        }
    }

    /// How many prints `agreed` makes at most before it gives up.
    static let attempts = 5

    /// The PDF two prints in a row agree on. Chromium now and then lays out a few glyphs of the
    /// same page a little differently under heavy load (1 print in about 25 measured on a loaded
    /// machine, 3 to 11 bytes of glyph positions), so one print alone would break "the same page
    /// gives the same bytes"; two that agree are what every quiet print gives. `print` must
    /// return the PDF with its metadata made independent of the run (`PDFMetadata.rewrite` does
    /// it for the real printer).
    static func agreed(_ print: () throws(LocatedError) -> Data) throws(LocatedError) -> Data {
        var previous = try print()
        for _ in 1..<attempts {
            let next = try print()
            if next == previous { return next }
            previous = next
        }
        throw LocatedError(
            "--pdf", "Chromium printed the same page differently \(attempts) times in a row",
            hint: "the machine may be too busy for a stable layout: run the build again when it is quieter")
    }

    /// One print of `folder/site/index.html` by `browser`, as Chromium wrote it.
    static func printOnce(folder: URL, browser: String) throws(LocatedError) -> Data {
        let output = folder.appendingPathComponent("handout.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            // Chromium refuses to run as root (as in a container) with its sandbox; the page it
            // opens is the one just written.
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
            // Bookmarks from the headings; Chromium before 117 ignores the switch and prints without them.
            "--generate-pdf-document-outline",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(output.path)",
            folder.appendingPathComponent("site/index.html").absoluteString,
        ]
        let log = folder.appendingPathComponent("chromium.log")
        do {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
        } catch {
            throw LocatedError("--pdf", "cannot start \(browser): \(error.localizedDescription)", hint: installHint)
        }
        // A browser that hangs (a dialog, a broken GPU stack) must not hang the build.
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(600)) { if process.isRunning { process.terminate() } }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let pdf = FileManager.default.contents(atPath: output.path), !pdf.isEmpty else {
            let said = String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self)
                .split(separator: "\n").suffix(3).joined(separator: " / ")
            throw LocatedError("--pdf", "\(browser) did not print the page (status \(process.terminationStatus)): \(said)")
        }
        return pdf
    }

    /// The page with its paper size set, as the last rule so it wins over the style sheet's.
    static func pageSized(_ page: String, paper: Paper) -> String {
        let rule = "<style>@page { size: \(paper.cssSize); }</style>\n"
        guard let head = page.range(of: "</head>") else { return rule + page }
        return page.replacingCharacters(in: head.lowerBound..<head.lowerBound, with: rule)
    }

    /// The text of the page's `<title>`, which the PDF's metadata repeats (the course's title).
    static func title(of page: String) -> String {
        page.firstMatch(of: /<title>([^<]*)<\/title>/).map { unescaped(String($0.output.1)) } ?? ""
    }

    /// The page's `<meta name="author">`, the course's author, which the PDF's metadata repeats.
    static func author(of page: String) -> String? {
        page.firstMatch(of: /<meta name="author" content="([^"]*)">/).map { unescaped(String($0.output.1)) }
    }

    private static func unescaped(_ html: String) -> String {
        let entities = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
        return entities.reduce(html) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
