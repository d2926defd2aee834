import Foundation
import Testing
import TextSupport

@testable import Report

/// A misspelt number is found from the declared names alone, before any experiment runs, in
/// the text and inside math.
@Suite struct ProseNumberNamesTests {
    @Test(
        arguments: [
            ("## A\n\nThe width is {{number widht}}.\n", "3:14", "did you mean width?"),
            ("## A\n\n$$n = {{number widht digits=2}}$$\n", "3:7", "did you mean width?"),
            ("## A\n\n{{figure f}}\nFigure: At {{number dpth}}.\n", "4:12", "did you mean depth?"),
        ] as [(String, String, String?)])
    func unknownNamesAreLocated(_ text: String, _ position: String, _ hint: String?) throws {
        let scratch = try ScratchTemplates(["content/01-a.md": text])
        defer { scratch.remove() }
        let folder = try scratch.folder()
        #expect {
            try folder.checkNumberNames(["width", "depth"])
        } throws: { error in
            guard let error = error as? LocatedError else { return false }
            return error.location.hasSuffix("content/01-a.md:\(position)") && error.message.hasPrefix("the build has no number")
                && error.hint == hint
        }
    }

    @Test func declaredNamesPass() throws {
        let scratch = try ScratchTemplates(["content/01-a.md": "## A\n\n{{number width}} and $n = {{number depth digits=2}}$.\n"])
        defer { scratch.remove() }
        try scratch.folder().checkNumberNames(["width", "depth"])
    }
}
