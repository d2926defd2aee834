import Testing

@testable import Experiments
@testable import Initializers
@testable import Numerics

@Suite struct WeightedSumTests {
    @Test(arguments: [1, 7, 64, 4096])
    func fanInRuleGivesOneThirdForEveryFanIn(_ d: Int) throws {
        let sum = WeightedSum(
            fanIn: d, weights: try #require(Rule.fanInUniform.distribution(for: Fans(fanIn: d, fanOut: 1))), inputs: .standardNormal)
        #expect(abs(sum.variance - 1.0 / 3) < 1e-15)
    }

    @Test func inputMomentsAreExact() {
        #expect(InputDistribution.standardNormal.secondMoment == 1)
        #expect(InputDistribution.standardNormal.fourthMoment == 3)
        // Σ k² for k = 0…255 is 255·256·511/6.
        #expect(InputDistribution.pixels.secondMoment == 255.0 * 511 / 6)
    }

    @Test func standardErrorOfIndependentValuesIsTheTextbookOne() {
        // One unit, one input: no sharing, so the error is √((E[a⁴] − σ⁴)/R).
        let sum = WeightedSum(fanIn: 5, weights: .uniform(bound: 1), inputs: .standardNormal)
        let expected = ((sum.fourthMoment - sum.variance * sum.variance) / 1000).squareRoot()
        #expect(abs(sum.standardErrorOfMeanSquare(units: 1, batch: 1, replicates: 1000) - expected) < 1e-15)
    }

    /// The standard error of the crossed layer-on-batch design, confirmed by the spread of many
    /// independent estimates. With K estimates the sample standard deviation has a relative
    /// standard error of about √(1/(2(K−1)))·√(1 + κ/2) for excess kurtosis κ of the estimates
    /// (near 0 here: each is a mean of thousands of values); 5 of those bound the comparison.
    @Test(arguments: [SaturationSetting.standardised, .rawPixels])
    func standardErrorMatchesTheSpreadOfRepeatedEstimates(_ setting: SaturationSetting) {
        let experiment = Saturation(
            parameters: .init(
                fanIns: [16], settings: [setting], units: 8, batch: 8, drawsPerFanIn: 1024,
                maxReplicates: 4, curvePoints: 3, falseAlarmRate: 1e-5))
        let root = RandomSource(seed: 99)
        let estimates = (0..<400).map { experiment.measure(setting, fanIn: 16, random: root.derived("\($0)")) }
        let spread = Moments(estimates.map(\.varianceMeasured)).sampleVariance.squareRoot()
        let predicted = estimates[0].standardError
        let relative = (1.0 / (2 * 399)).squareRoot()
        #expect(abs(spread / predicted - 1) < 5 * relative)
    }
}
