import Testing
import TextSupport

@testable import Report

@Suite struct FormulaTests {
    func locate(_ offset: Int, _ message: String, _ hint: String?) -> LocatedError {
        LocatedError("\(offset)", message, hint: hint)
    }

    @Test func numbersBecomeTeX() throws {
        let formula = try Formula("a = {{number x digits=2}} + {{y}}", numbers: ["x": 0.123456], locate: locate)
        #expect(formula.expanded == "a = {0.12} + {{y}}")
    }

    @Test func errorOffsetsPointIntoTheSourceAsWritten() throws {
        // "{{number x digits=2}}" (21 characters) becomes "{1.5}" (5): 16 fewer before \foo.
        let tex = "{{number x digits=2}} + \\foo"
        let formula = try Formula(tex, numbers: ["x": 1.5], locate: locate)
        #expect(formula.expanded == "{1.5} + \\foo")
        #expect(formula.sourceOffset(8) == 24)
        #expect(formula.sourceOffset(2) == 0, "inside the number: the directive")
        #expect {
            _ = try formula.convert(display: true, locate: locate)
        } throws: { error in
            (error as? LocatedError)?.location == "24"
        }
    }

    @Test(arguments: [
        ("a + {{number nope}}", "4", "the build has no number nope"),
        ("a + {{numbr x}}", "4", "expected {{number NAME}} or {{number NAME digits=N}} with N from 1 to 15"),
    ])
    func badDirectivesAreLocated(_ tex: String, _ location: String, _ message: String) {
        #expect {
            _ = try Formula(tex, numbers: ["x": 1], locate: locate)
        } throws: { error in
            (error as? LocatedError).map { $0.location == location && $0.message == message } ?? false
        }
    }
}
