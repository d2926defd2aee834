import Foundation
import Testing

@testable import Experiments
@testable import Networks
@testable import Numerics

@Suite struct OrderAndChaosTests {
    static let parameters = OrderAndChaos.Parameters(
        phaseColumns: 4, phaseRows: 3, maxWeightVariance: 4, maxBiasVariance: 2, biasVariance: 0.05, orderedWeightVariance: 1,
        chaoticWeightVariance: 4, width: 300, depth: 12, networks: 6, pairs: 4, inputCorrelation: 0.5, dataset: .mnist5k,
        trainWeightVariances: [1, 4], trainDepths: [1, 48], trainWidth: 8, trainSeeds: 1, steps: 20, batch: 16, learningRate: 0.01,
        momentum: 0.9, heldOutSamples: 100, falseAlarmRate: 1e-5)
    static let experiment = OrderAndChaos(parameters: parameters)
    static let result = experiment.run(random: RandomSource(seed: 3))

    @Test func theResultHasItsShape() {
        #expect(Self.experiment.problems(in: Self.result).isEmpty, "\(Self.experiment.problems(in: Self.result))")
        var broken = Self.result
        broken.runs.removeLast()
        #expect(!Self.experiment.problems(in: broken).isEmpty)
        #expect(OrderAndChaos.problems(Self.parameters).isEmpty)
        var bad = Self.parameters
        bad.biasVariance = 0
        bad.inputCorrelation = 1
        #expect(Set(OrderAndChaos.problems(bad).map(\.key)) == ["bias_variance", "input_correlation"])
    }

    /// The pair has exactly the asked mean square and correlation.
    @Test func inputPairsHaveTheirCorrelation() {
        var random = RandomSource(seed: 1)
        let (x, y) = OrderAndChaos.inputPair(width: 50, correlation: 0.3, scale: 2, random: &random)
        let dot = { (a: [Double], b: [Double]) in zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } / 50 }
        #expect(abs(dot(x, x) - 4) < 1e-12 && abs(dot(y, y) - 4) < 1e-12)
        #expect(abs(dot(x, y) / 4 - 0.3) < 1e-12)
    }

    /// The inputs start at q*, so the first layer's theory is c₁ = (σ_w² s² c₀ + σ_b²)/q*; the
    /// measured correlation at layer 1 averages to it within its spread over networks (Student t
    /// at 10⁻⁵: 6.2 standard errors with 5 d.f.).
    @Test func theFirstLayerStartsWhereTheTheoryDoes() {
        for phase in OrderAndChaos.Phase.allCases {
            let first = Self.experiment.runs(Self.result, phase).map { $0.correlations[0] }
            let moments = Moments(first)
            let theory = Self.experiment.theory(phase)[0]
            #expect(abs(moments.mean - theory) < 6.2 * moments.standardError + 1e-3, "\(phase): \(moments.mean) vs \(theory)")
        }
    }

    /// The correlation checks pass at these small sizes; their perturbations move the expected
    /// value the way σ_w² does in chaos (a larger σ_w², a lower c*). Whether they are rejected
    /// at the profiles' sizes is what the seed sweep measures.
    @Test func theCorrelationChecksPassAndHavePower() {
        let checks = Self.experiment.checks(Self.result)
        #expect(
            checks.map(\.id) == [
                "meanfield/correlation/ordered", "meanfield/correlation/critical", "meanfield/correlation/chaotic",
                "meanfield/trainable-depth",
            ])
        for check in checks where check.kind == .agreement {
            #expect(check.passed, "\(check.id): \(check.measured) vs \(check.expected) ± \(check.tolerance)")
        }
        let chaotic = checks[2]
        #expect(chaotic.perturbations.count == 2)
        #expect(chaotic.perturbations[0].expected > chaotic.expected && chaotic.perturbations[1].expected < chaotic.expected)
    }

    /// One layer is within 2ξ_c at both σ_w², 48 layers beyond 6ξ_c (ξ_c is 3.6 and 7.0): the groups are formed from
    /// ξ_c, and the check compares their accuracies.
    @Test func trainabilityGroupsFollowTheDepthScale() {
        let groups = Self.experiment.trainabilityGroups(Self.result)
        #expect(groups.inside.count == 2 && groups.beyond.count == 2)
        #expect(Self.result.classes == 10)
        #expect(Self.result.training.allSatisfy { $0.accuracy.map { (0...1).contains($0) } ?? true })
    }
}
