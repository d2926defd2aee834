import Testing

@testable import Experiments
@testable import Networks
@testable import Numerics

@Suite struct LayerNormPlacementTests {
    static let experiment = LayerNormPlacement(profile: .quick)
    static let result = experiment.run(random: RandomSource(seed: 1))

    @Test func everyCheckPasses() {
        let checks = Self.experiment.checks(Self.result)
        #expect(
            checks.map(\.id) == [
                "layernorm/pre/branch", "layernorm/pre/final-projection", "layernorm/post-exceeds-pre-at-the-top",
            ])
        #expect(checks.allSatisfy { $0.passed }, "\(checks.filter { !$0.passed })")
        CheckPolicy.expectFollowed(checks)
        #expect(Self.experiment.problems(in: Self.result).isEmpty)
    }

    @Test func theAgreementsCanTellTheirTheoryTenPercentOff() {
        for check in Self.experiment.checks(Self.result) where check.kind == .agreement {
            for perturbation in check.perturbations { #expect(!check.passes(perturbation), "\(check.id): \(perturbation.constant)") }
        }
    }

    @Test func theoryByHandForTwoBlocks() {
        // n = 4, L = 2, r = 1: per sample n(n·3/2 + 2) = 32, kept (n − 2)/n = 1/2.
        // Pre-LN: 32·½/(1 + 1) = 8 and 32·½/(1 + 2) = 16/3. Post-LN: 32·½/2 = 8 in every block.
        let experiment = LayerNormPlacement(
            parameters: LayerNormPlacement.Parameters(width: 4, depth: 2, batch: 1, realisations: 2, falseAlarmRate: 1e-5))
        let pre = experiment.theoryGradient(.pre)
        #expect(pre.count == 2 && abs(pre[0] - 8) < 1e-12 && abs(pre[1] - 16.0 / 3) < 1e-12)
        #expect(experiment.theoryGradient(.post) == [8, 8])
        #expect(experiment.theoryForward(.pre) == [1, 2, 3])
        #expect(abs(experiment.topRatioTheory - 1.5) < 1e-12)
    }

    @Test func postLNKeepsTheStreamAtUnitScaleAndPreLNGrowsIt() {
        for run in Self.experiment.runs(Self.result, .post) {
            // LN's ε lowers the mean square below 1 by ε/σ² at most.
            #expect(run.forward.dropFirst().allSatisfy { abs($0 - 1) < 1e-4 })
        }
        let depth = Self.experiment.parameters.depth
        let last = Moments(Self.experiment.runs(Self.result, .pre).map { $0.forward[depth] }).mean
        #expect(last > Double(depth) / 2 && last < Double(depth) * 2)
    }
}
