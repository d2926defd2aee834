import Foundation
import Testing

@testable import Experiments
@testable import Numerics

@Suite struct ResidualTests {
    static let experiment = Residual(profile: .quick)
    static let result = experiment.run(random: RandomSource(seed: 1))

    @Test func everyCheckPasses() {
        let checks = Self.experiment.checks(Self.result)
        #expect(
            checks.map(\.id) == [
                "residual/he/growth", "residual/he/branch", "residual/inverse-sqrt-depth/branch",
                "residual/gpt2/branch", "residual/fixup/identity", "residual/skipinit/identity", "residual/zero-gain/identity",
                "residual/fixup/projection-gradient",
            ])
        #expect(checks.allSatisfy { $0.passed }, "\(checks.filter { !$0.passed })")
        CheckPolicy.expectFollowed(checks)
        #expect(Self.experiment.problems(in: Self.result).isEmpty)
    }

    @Test func theGrowthPerBlockIsEachSchemesOwn() {
        let depth = Double(Self.experiment.parameters.depth), n = Double(Self.experiment.parameters.width)
        #expect(Self.experiment.theory(.he).growth() == 1)
        #expect(abs(Self.experiment.theory(.inverseSqrtDepth).growth() - 1 / depth) < 1e-15)
        let gpt2 = 0.02 * 0.02 * n
        #expect(abs(Self.experiment.theory(.gpt2).growth() - gpt2 * gpt2 / depth / 2) < 1e-15)
        for scheme in ResidualScheme.allCases where scheme.closed { #expect(Self.experiment.theory(scheme).growth() == 0) }
        // (1 + 1/L)^L lies below e and above e·(1 − 1/(2L)).
        let bounded = Self.experiment.theory(.inverseSqrtDepth).forward.last ?? .nan
        #expect(bounded < M_E && bounded > M_E * (1 - 1 / (2 * depth)))
    }

    @Test func heBranchesDoubleTheSignalAtEveryBlockAndTheClosedOnesKeepIt() throws {
        let he = Self.experiment.runs(Self.result, .he)
        let ratios = he.flatMap { run in zip(run.forward.dropFirst(), run.forward).map { $0 / $1 } }
        // Mean over every block of every stack: within 5 % of 2 (the checks are the sharp test).
        #expect(abs(Moments(ratios).mean - 2) < 0.1)
        for scheme in ResidualScheme.allCases where scheme.closed {
            for run in Self.experiment.runs(Self.result, scheme) {
                #expect(run.identityError == 0 && run.forward.allSatisfy { $0 == run.forward[0] })
            }
        }
    }

    @Test func theChecksCanTellAWrongGrowthFromTheRightOne() throws {
        // The power the policy asks: each statistical check rejects its theory 10 % off.
        for check in Self.experiment.checks(Self.result) where check.falseAlarmRate > 0 {
            #expect(check.perturbations.count == 2)
            for perturbation in check.perturbations { #expect(!check.passes(perturbation), "\(check.id): \(perturbation.constant)") }
        }
    }

    @Test func problemsNameParametersOutOfRange() {
        var parameters = Self.experiment.parameters
        parameters.depth = 1
        parameters.width = 5000
        #expect(Set(Residual.problems(parameters).map(\.key)) == ["depth", "width"])
        #expect(Residual.problems(Self.experiment.parameters).isEmpty)
    }

    @Test func aResultOfOtherParametersIsRefused() {
        var result = Self.result
        result.runs[0].forward.removeLast()
        #expect(!Self.experiment.problems(in: result).isEmpty)
    }
}
