import Testing
import TextSupport

/// Every error a user can fix prints as one line: where, what, and what to do.
@Suite struct LocatedErrorTests {
    @Test func printsLocationMessageAndHint() {
        #expect("\(LocatedError("course.yml:3:7", "seed must be a whole number"))" == "course.yml:3:7: seed must be a whole number")
        #expect(
            "\(LocatedError("--shape", "'x' is not a list", hint: "such as 256,784"))" == "--shape: 'x' is not a list (such as 256,784)")
    }

    /// Lines and columns count from 1 and in characters, so a column is what an editor shows
    /// even after a multi-scalar character.
    @Test(arguments: [(0, 1, 1), (3, 1, 4), (4, 2, 1), (7, 2, 4), (8, 3, 1)])
    func positionsAreOneBasedInCharacters(offset: Int, line: Int, column: Int) {
        let position = SourcePosition(offset: offset, in: Array("ab🇫🇷\ne\u{301}é!\n"))
        #expect(position.line == line && position.column == column)
    }
}
