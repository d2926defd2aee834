import Testing
@testable import Report

@Suite struct ContentScannerTests {
    func scan(_ text: String) throws -> ContentScanner { try ContentScanner(path: "s.md", text: text) }

    @Test func mathIsTakenOutOfTheMarkdown() throws {
        let scanner = try scan("Let $w_i \\sim U$ and $$a = \\sum_i w_i x_i \\label{eq:a}$$ then \\$5.")
        #expect(scanner.pieces.map(\.piece) == [
            .inlineMath("w_i \\sim U"),
            .displayMath("a = \\sum_i w_i x_i ", label: "eq:a", numbered: true),
        ])
        #expect(scanner.markdown == "Let \(ContentScanner.token(0)) and \n\n\(ContentScanner.token(1))\n\n then $5.")
    }

    @Test func codeIsLeftAlone() throws {
        let scanner = try scan("`$x$` and\n```\n$$ {{figure x}}\n```\n")
        #expect(scanner.pieces.isEmpty)
        #expect(scanner.markdown == "`$x$` and\n```\n$$ {{figure x}}\n```\n")
    }

    @Test func directivesAndReferences() throws {
        let scanner = try scan("{{number sigmoid_prime_at_2 digits=6}} see @fig:saturation-variance, \\eqref{eq:one-third} [@glorot2010; @he2015]\n{{figure saturation-logistic}}\n$$x\\nonumber$$")
        #expect(scanner.pieces.map(\.piece) == [
            .number("sigmoid_prime_at_2", digits: 6),
            .figureReference("saturation-variance"),
            .equationReference("eq:one-third"),
            .citation(["glorot2010", "he2015"]),
            .figure("saturation-logistic"),
            .displayMath("x", label: nil, numbered: false),
        ])
    }

    @Test(arguments: [
        ("text\nmore $x^2 and\n\nnext", "s.md:2:6", "inline math opened with $ is not closed"),
        ("a\n\n  {{numbr x}}", "s.md:3:3", "unknown directive {{numbr x}}"),
        ("$$x", "s.md:1:1", "display math opened with $$ is not closed"),
        ("{{number x digits=99}}", "s.md:1:1", "expected {{number NAME}} or {{number NAME digits=N}} with N from 1 to 15"),
        ("see [@glorot2010, he]", "s.md:1:5", "a citation is written [@key] or [@key1; @key2]"),
    ])
    func errorsAreLocated(_ text: String, _ location: String, _ message: String) {
        #expect {
            _ = try scan(text)
        } throws: { error in
            guard let error = error as? ReportError else { return false }
            return error.location == location && error.message == message
        }
    }
}

@Suite struct DocumentHelpersTests {
    @Test func slugsAreReadableAndUnique() {
        #expect(Document.slug("Saturation of <em>logistic</em> units", fallback: "x", taken: []) == "saturation-of-logistic-units")
        #expect(Document.slug("How far away is 4?", fallback: "x", taken: ["how-far-away-is-4"]) == "how-far-away-is-4-2")
        #expect(Document.slug("<math><mi>σ</mi></math>", fallback: "sec-1", taken: []) == "sec-1")
    }
}
