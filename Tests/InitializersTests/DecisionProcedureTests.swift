import Testing

@testable import Initializers

/// The decision procedure recommends only what a practitioner can call: every step's rule has a
/// name in each library the table shows, and each step says which section derives it.
@Suite struct DecisionProcedureTests {
    @Test(arguments: Decision.procedure)
    func everyStepHasACallInEveryLibrary(_ decision: Decision) {
        #expect(decision.calls.map(\.library) == [.pytorch, .keras, .jax, .flux])
        // A rule that needs data has no initialiser in any library: each note says what to do instead.
        #expect(
            decision.calls.allSatisfy { decision.rule.needsData ? $0.name == nil && !$0.note.isEmpty : $0.name?.isEmpty == false },
            "\(decision.network)")
        #expect(decision.calls == decision.rule.equivalents.filter { $0.library != .lasagne })
        #expect(!decision.section.isEmpty && decision.section.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(!decision.setting.isEmpty)
    }

    /// SELU networks and the data-dependent start have rows, each linked to the section that
    /// derives it.
    @Test func seluAndLSUVHaveTheirRows() {
        #expect(Decision.procedure.contains { $0.network.hasPrefix("SELU") && $0.rule == .lecunNormal && $0.section == "lsuv-selu" })
        #expect(Decision.procedure.contains { $0.rule == .lsuv && $0.section == "lsuv-selu" })
    }

    @Test func everyNetworkIsOneStep() {
        #expect(Set(Decision.procedure.map(\.network)).count == Decision.procedure.count)
    }
}
