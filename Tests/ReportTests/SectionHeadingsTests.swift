import Testing
import TextSupport

@testable import Report

@Suite struct SectionHeadingsTests {
    @Test func slugsAreReadableAndUnique() {
        #expect(SectionHeadings.slug("Saturation of <em>logistic</em> units", fallback: "x", taken: []) == "saturation-of-logistic-units")
        #expect(SectionHeadings.slug("How far away is 4?", fallback: "x", taken: ["how-far-away-is-4"]) == "how-far-away-is-4-2")
        #expect(SectionHeadings.slug("<math><mi>σ</mi></math>", fallback: "sec-1", taken: []) == "sec-1")
    }

    @Test func numbersAcrossSectionsAndTakesLabels() throws {
        var headings = SectionHeadings(reserved: ["verification"])
        let first = try ContentScanner(path: "a.md", text: "## Verification\n\n### Why $x$ {#sec:why}\n")
        let html = try headings.number(
            "<h2>Verification</h2><h3>Why \(ContentScanner.token(0)) \(ContentScanner.token(1))</h3>", section: "a", scanner: first)
        #expect(
            html
                == "<h2 id=\"verification-2\"><span class=\"section-number\">1</span> Verification</h2><h3 id=\"why\"><span class=\"section-number\">1.1</span> Why \(ContentScanner.token(0))</h3>"
        )
        let second = try ContentScanner(path: "b.md", text: "## Next\n")
        _ = try headings.number("<h2>Next</h2><h4>Not numbered</h4>", section: "b", scanner: second)
        #expect(headings.headings.map(\.number) == ["1", "1.1", "2"])
        #expect(headings.headings.map(\.section) == ["a", "a", "b"])
    }

    @Test func aLabelUsedTwiceIsLocated() throws {
        var headings = SectionHeadings(reserved: [])
        let scanner = try ContentScanner(path: "a.md", text: "## One {#sec:x}\n\n## Two {#sec:x}\n")
        #expect {
            _ = try headings.number(
                "<h2>One \(ContentScanner.token(0))</h2><h2>Two \(ContentScanner.token(1))</h2>", section: "a", scanner: scanner)
        } throws: { error in
            (error as? LocatedError)?.location == "a.md:3:8"
        }
    }

    @Test func appendicesAreLetteredInASeriesOfTheirOwn() throws {
        var headings = SectionHeadings(reserved: [])
        let core = try ContentScanner(path: "a.md", text: "## Core\n")
        _ = try headings.number("<h2>Core</h2><h3>Part</h3>", section: "a", scanner: core)
        let appendix = try ContentScanner(path: "b.md", text: "## Proof\n")
        _ = try headings.number("<h2>Proof</h2><h3>Step</h3><h3>Step</h3>", section: "b", part: .appendix, scanner: appendix)
        let verification = headings.appendTemplateAppendix(id: "verification", html: "Verification")
        #expect(headings.headings.map(\.number) == ["1", "1.1", "A", "A.1", "A.2", "B"])
        #expect(verification.name == "Appendix&nbsp;B" && headings.headings[3].name == "Section&nbsp;A.1")
        #expect([1, 26, 27, 52, 703].map(SectionHeadings.letters) == ["A", "Z", "AA", "AZ", "AAA"])
    }
}
