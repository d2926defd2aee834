import Foundation
import Testing

@Suite struct RulesCommandTests {
    @Test func rulesListsTheWholeCatalogue() throws {
        let outcome = try Initlab.run(["rules"])
        #expect(outcome.status == 0)
        for id in [
            "zeros", "constant", "normal", "uniform", "fan-in-uniform", "lecun-normal", "lecun-uniform", "glorot-normal",
            "glorot-uniform", "glorot-uniform-sigmoid", "he-normal", "he-uniform", "kumar", "orthogonal", "sparse", "identity",
            "lsuv",
        ] {
            #expect(outcome.stdout.contains("\n\(id): ") || outcome.stdout.hasPrefix("\(id): "), "\(id)")
        }
    }

    /// LSUV is documented like a rule: its algorithm, its source, and that no library has it.
    @Test func lsuvIsDocumentedWithoutALibraryCall() throws {
        let outcome = try Initlab.run(["rules", "lsuv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("lsuv: LSUV") && outcome.stdout.contains("[mishkin2016]"))
        #expect(outcome.stdout.contains("Var(XWᵀ + b)") && outcome.stdout.contains("ducha-aiki/LSUVinit"))
        #expect(outcome.stdout.contains("none: `initlab sample` refuses it"))
    }

    /// The listing as a reader sees it, in plain text and in TeX, word for word.
    @Test(arguments: [(["rules"], "rules.txt"), (["rules", "--tex"], "rules-tex.txt")])
    func listingMatchesTheSnapshot(_ arguments: [String], _ snapshot: String) throws {
        let outcome = try Initlab.run(arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        try Snapshot.expect(outcome.stdout, matches: snapshot)
    }
}
