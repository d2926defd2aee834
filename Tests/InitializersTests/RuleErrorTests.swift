import Testing

@testable import Initializers

@Suite struct RuleErrorTests {
    @Test func misspeltRuleSuggestsTheNearestID() {
        #expect(throws: RuleError.unknownRule("he-norml", suggestion: .heNormal)) { try RuleID(name: "he-norml") }
        #expect(throws: RuleError.unknownRule("glorot_uniform", suggestion: .glorotUniform)) { try RuleID(name: "glorot_uniform") }
        #expect(throws: RuleError.unknownRule("xavier", suggestion: nil)) { try RuleID(name: "xavier") }
        #expect(RuleError.unknownRule("he-norml", suggestion: .heNormal).description.contains("did you mean he-normal?"))
    }

    @Test func everyIDParsesBack() throws {
        for id in RuleID.allCases { #expect(try RuleID(name: id.rawValue) == id) }
    }

    @Test func requiredParametersAreRequired() {
        #expect(throws: RuleError.missingParameter(.bound, rule: .uniform)) { try Rule(.uniform) }
        #expect(throws: RuleError.missingParameter(.value, rule: .constant)) { try Rule(.constant) }
    }

    @Test func parametersARuleDoesNotTakeAreRefused() {
        #expect(throws: RuleError.parameterDoesNotApply(.std, to: "glorot-normal")) { try Rule(.glorotNormal, std: 0.1) }
        #expect(throws: RuleError.parameterDoesNotApply(.distribution, to: "he-uniform")) {
            try Rule(.heUniform, normalKind: .truncatedNormal)
        }
        #expect(throws: RuleError.parameterDoesNotApply(.k, to: "normal")) { try Rule(.normal, sparsity: .count(3)) }
        #expect(throws: RuleError.parameterDoesNotApply(.slope, to: "tanh")) { try Nonlinearity(name: "tanh", slope: 0.1) }
    }

    @Test func valuesOutOfRangeAreRefused() {
        #expect(throws: RuleError.outOfRange(.gain, value: 0, requirement: "a positive finite number")) { try Rule(.lecunNormal, gain: 0) }
        #expect(throws: RuleError.self) { try Rule(.normal, std: -1) }
        #expect(throws: RuleError.self) { try Rule(.uniform, bound: .infinity) }
        #expect(throws: RuleError.self) { try Rule(.sparse, sparsity: .count(0)) }
        #expect(throws: RuleError.self) { try Rule(.sparse, sparsity: .fraction(1.5)) }
        #expect(RuleError.outOfRange(.k, value: 0, requirement: "at least 1").description == "k is 0, but must be at least 1")
    }

    @Test func kumarNeedsAnActivationDifferentiableAtZero() {
        #expect(throws: RuleError.notDifferentiableAtZero(.relu)) { try Rule(.kumar, activation: .relu) }
        #expect(throws: RuleError.notDifferentiableAtZero(.selu)) { try Rule(.kumar, activation: .selu) }
    }

    @Test func misspeltNonlinearitySuggestsTheNearestName() {
        #expect(throws: RuleError.unknownNonlinearity("rleu", suggestion: "relu")) { try Nonlinearity(name: "rleu") }
        #expect(RuleError.unknownNonlinearity("rleu", suggestion: "relu").parameter == .nonlinearity)
    }
}
