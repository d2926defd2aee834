import Foundation
import Networks
import Testing

@testable import Experiments
@testable import Numerics

@Suite struct BiasTests {
    static let experiment = Bias(profile: .quick)
    static let result = experiment.run(random: RandomSource(seed: 1))

    @Test func everyCheckPassesAndTheResultFits() {
        let checks = Self.experiment.checks(Self.result)
        #expect(
            checks.map(\.id) == [
                "bias/initial-loss/zero", "bias/initial-loss/log-prior", "bias/training/step-2", "bias/embedding-logit-sd",
            ])
        #expect(checks.allSatisfy { $0.passed }, "\(checks.filter { !$0.passed })")
        CheckPolicy.expectFollowed(checks)
        #expect(Self.experiment.problems(in: Self.result).isEmpty, "\(Self.experiment.problems(in: Self.result))")
    }

    @Test func theSubsetFallsGeometricallyOverClassesDrawnFromTheSeed() {
        let counts = Self.experiment.rankCounts(classes: 10)
        #expect(counts.first == 400 && counts.last == 20)
        #expect(Self.result.classCounts.sorted(by: >) == counts)
        // Another seed ranks the classes differently but keeps the same counts.
        let other = Self.experiment.imbalancedSubset(random: Bias.stream(seed: 2))
        #expect(other.classCounts.sorted(by: >) == counts)
        #expect(other.classCounts != Self.result.classCounts)
    }

    @Test func theLeadingTermsAreTheEntropyAndLogK() {
        let p = [0.5, 0.25, 0.25]
        #expect(abs(Bias.entropy(p) - 1.5 * log(2.0)) < 1e-15)
        #expect(abs(Bias.leading(.zero, proportions: p) - log(3.0)) < 1e-15)
        #expect(abs(Bias.leading(.logPrior, proportions: p) - Bias.entropy(p)) < 1e-15)
        // ½ s² (1 − Σq²): Σq² = 1/3 for the zero bias, 3/8 for the log prior.
        #expect(abs(Bias.correction(.zero, proportions: p, logitVariance: 0.3) - 0.1) < 1e-15)
        #expect(abs(Bias.correction(.logPrior, proportions: p, logitVariance: 0.4) - 0.125) < 1e-15)
    }

    /// The expansion of E[log Σ q_k e^{ε_k}] to second order against a Monte Carlo mean over
    /// Gaussian ε at s = 0.3: the fourth-order remainder must be far below the checks'
    /// tolerance, and the second-order term must be needed (the test fails without it).
    @Test func theSecondOrderExpansionMatchesGaussianLogits() {
        let p = Bias.proportions([400, 287, 206, 147, 106, 76, 54, 39, 28, 20])
        var random = RandomSource(seed: 7)
        let s = 0.3, draws = 200_000
        var moments = Moments()
        for _ in 0..<draws {
            var sum = 0.0
            for q in p { sum += q * exp(s * random.nextNormal()) }
            moments.add(log(sum))
        }
        let expansion = Bias.correction(.logPrior, proportions: p, logitVariance: s * s)
        // Five standard errors of the mean, and the remainder of about 2·10⁻⁴ besides.
        #expect(abs(moments.mean - expansion) < 5 * moments.standardError + 5e-4)
        #expect(abs(moments.mean) > 10 * moments.standardError)
    }

    @Test func theInitialLossesLieWhereTheBiasPutsThem() {
        let p = Self.experiment.proportions(Self.result)
        let zero = Moments(Self.result.initial.map(\.zero)).mean, prior = Moments(Self.result.initial.map(\.logPrior)).mean
        #expect(abs(zero - log(10)) < 0.1 && abs(prior - Bias.entropy(p)) < 0.1)
        #expect(zero - prior > 0.3)
    }

    @Test func theEmbeddingsLogitsFollowTheirDerivedSpread() {
        let expected = Bias.embeddingLogitStd(dimension: 128, std: 0.02)
        #expect(abs(expected - 0.02 * 128.0.squareRoot()) < 1e-15)
        let measured = Self.result.embedding.meanSquare.squareRoot()
        #expect(abs(measured - expected) < 5 * expected / (2 * 16384.0).squareRoot())
        let loss = log(16384.0) + Self.result.embedding.logMeanExp
        #expect(abs(loss - Bias.embeddingInitialLoss(vocabulary: 16384, logitStd: expected)) < 0.01)
    }

    @Test func theForgetGateKeepsSigmoidOfItsBiasPerStep() {
        #expect(Bias.forgetGate(bias: 0) == 0.5)
        #expect(abs(Bias.halfLife(bias: 0) - 1) < 1e-12)
        #expect(abs(Bias.memory(bias: 1, steps: 2) - pow(1 / (1 + exp(-1.0)), 2)) < 1e-15)
        // Half the memory after t½ steps, whatever the bias.
        #expect(abs(Bias.memory(bias: 3, steps: Bias.halfLife(bias: 3)) - 0.5) < 1e-12)
    }

    @Test func badParametersAreNamedByTheirKeys() {
        var parameters = Self.experiment.parameters
        parameters.imbalance = 0.5
        parameters.outputStd = -1
        parameters.comparisonStep = 4
        parameters.learningRate = 0
        parameters.largestClass = 401
        parameters.vocabulary = 1_000_000
        parameters.dimension = 16384
        let keys = Set(Bias.problems(parameters).map(\.key))
        #expect(keys == ["imbalance", "output_std", "comparison_step", "learning_rate", "largest_class", "vocabulary"])
        #expect(Bias.problems(Self.experiment.parameters).isEmpty)
    }
}
