import Testing

@testable import Initializers

/// The decision procedure recommends only what a practitioner can call: every step's rule has a
/// name in each library the table shows, and each step says which section derives it.
@Suite struct DecisionProcedureTests {
    @Test(arguments: Decision.procedure)
    func everyStepHasACallInEveryLibrary(_ decision: Decision) {
        #expect(decision.calls.map(\.library) == [.pytorch, .keras, .jax, .flux])
        #expect(decision.calls.allSatisfy { $0.name?.isEmpty == false }, "\(decision.network)")
        #expect(decision.calls == decision.rule.equivalents.filter { $0.library != .lasagne })
        #expect(!decision.section.isEmpty && decision.section.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(!decision.setting.isEmpty)
    }

    @Test func everyNetworkIsOneStep() {
        #expect(Set(Decision.procedure.map(\.network)).count == Decision.procedure.count)
    }
}
