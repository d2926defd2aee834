import Foundation
import Testing

@testable import Experiments
@testable import Initializers
@testable import Numerics

@Suite struct ModesTests {
    static let experiment = Modes(profile: .quick)
    static let result = experiment.run(random: RandomSource(seed: 1))

    @Test func everyCheckPasses() {
        let checks = Self.experiment.checks(Self.result)
        #expect(
            checks.map(\.id) == [
                "modes/fan_in/forward", "modes/fan_in/backward", "modes/fan_out/forward", "modes/fan_out/backward",
                "modes/leaky/rule-for-the-slope/forward", "modes/leaky/relu-rule/forward",
            ])
        #expect(checks.allSatisfy { $0.passed }, "\(checks.filter { !$0.passed })")
        CheckPolicy.expectFollowed(checks)
    }

    @Test func eachModeKeepsItsPassAndTheOtherChangesByTheWidthRatio() {
        let widths = Self.experiment.parameters.widths
        let ratio = Double(widths[widths.count - 1]) / Double(widths[1])
        let (fanIn, fanOut) = (Modes.Variant(mode: .fanIn, slope: 0, ruleSlope: 0), Modes.Variant(mode: .fanOut, slope: 0, ruleSlope: 0))
        #expect(abs(Self.experiment.theoryRatio(fanIn, forward: true) - 1) < 1e-12)
        #expect(abs(Self.experiment.theoryRatio(fanIn, forward: false) - ratio) < 1e-12)
        #expect(abs(Self.experiment.theoryRatio(fanOut, forward: true) - 1 / ratio) < 1e-12)
        #expect(abs(Self.experiment.theoryRatio(fanOut, forward: false) - 1) < 1e-12)
    }

    @Test func theRuleForTheSlopeKeepsTheLeakyVarianceAndTheReLURuleDoesNot() {
        let a = 0.5
        let layers = Double(Self.experiment.parameters.widths.count - 2)
        #expect(abs(Self.experiment.theoryRatio(Modes.Variant(mode: .fanIn, slope: a, ruleSlope: a), forward: true) - 1) < 1e-12)
        #expect(
            abs(Self.experiment.theoryRatio(Modes.Variant(mode: .fanIn, slope: a, ruleSlope: 0), forward: true) - pow(1 + a * a, layers))
                < 1e-12)
    }

    @Test func theoryByHandForTwoLayers() {
        // Inputs 4, hidden 2 then 1, one output. fan_in: Var(W) = 2/4, 2/2, 2/1. Forward:
        // 4·(1/2) = 2, then 2·1·2/2 = 2. Backward: g₂ = n_out·Var(W_out)/2 = 1·2/2 = 1, and
        // g₁ = n₂·Var(W₂)·g₂/2 = 1·1·1/2 = 1/2.
        let modes = Modes(
            parameters: Modes.Parameters(widths: [4, 2, 1], outputs: 1, batch: 2, realisations: 2, leakySlope: 0.5, falseAlarmRate: 1e-5))
        let fanIn = modes.theory(Modes.Variant(mode: .fanIn, slope: 0, ruleSlope: 0))
        #expect(fanIn.forward == [2, 2])
        #expect(fanIn.backward == [0.5, 1])
        // fan_out: Var(W) = 2/2, 2/1, 2/1. Forward: 4·1 = 4, then 2·2·4/2 = 8. Backward: g₂ = 1·2/2 = 1, g₁ = 1·2·1/2 = 1.
        let fanOut = modes.theory(Modes.Variant(mode: .fanOut, slope: 0, ruleSlope: 0))
        #expect(fanOut.forward == [4, 8])
        #expect(fanOut.backward == [1, 1])
    }

    @Test func theChecksCanTellTheModesApart() throws {
        // The fan_in networks' first-layer gradient must be far from what mode fan_out predicts
        // for it (1), or the check could not fail when the modes were swapped.
        let checks = Self.experiment.checks(Self.result)
        let check = try #require(checks.first { $0.id == "modes/fan_in/backward" })
        let fanOut = try #require(Self.experiment.theory(Modes.Variant(mode: .fanOut, slope: 0, ruleSlope: 0)).backward.first)
        #expect(abs(check.measured - fanOut) > 3 * check.tolerance)
        // Likewise the leaky networks under the ReLU rule, measured against the factors of the
        // rule for their slope: each layer grows by 1 + a², not 1.
        let wrong = try #require(checks.first { $0.id == "modes/leaky/relu-rule/forward" })
        let ruleForTheSlope = Modes.Variant(mode: .fanIn, slope: 0.5, ruleSlope: 0.5)
        let reluRule = Modes.Variant(mode: .fanIn, slope: 0.5, ruleSlope: 0)
        let againstTheOtherRule = Moments(
            Self.experiment.runs(Self.result, reluRule).compactMap { Self.experiment.layerRatios(ruleForTheSlope, $0.forward) })
        #expect(abs(againstTheOtherRule.mean - 1.25) < 3 * wrong.tolerance)
        #expect(abs(againstTheOtherRule.mean - 1) > 3 * wrong.tolerance)
    }

    @Test func badParametersAreRefused() {
        var parameters = Self.experiment.parameters
        parameters.widths = [8, 4]
        #expect(Modes.problems(parameters).map(\.key) == ["widths"])
        parameters = Self.experiment.parameters
        parameters.realisations = 1
        parameters.leakySlope = 1.5
        parameters.falseAlarmRate = .nan
        #expect(Set(Modes.problems(parameters).map(\.key)) == ["realisations", "leaky_slope", "false_alarm_rate"])
        #expect(Modes.problems(Self.experiment.parameters).isEmpty)
    }
}
