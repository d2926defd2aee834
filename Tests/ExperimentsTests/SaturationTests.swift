import Testing

@testable import Experiments
@testable import Numerics

@Suite struct SaturationTests {
    static let experiment = Saturation(profile: .quick)
    static let checks = experiment.checks(experiment.run(random: Saturation.stream(seed: 1)))

    @Test func everyCheckPasses() {
        let failed = Self.checks.filter { !$0.passed }
        CheckPolicy.expectFollowed(Self.checks)
        #expect(failed.isEmpty, "\(failed)")
        #expect(Self.checks.count == 2 + 3 * 7 + 1)
    }

    @Test func productTailMatchesAdaptiveQuadrature() {
        // scipy.integrate.quad of erfc(4/(w√2)) over (0, 1], to a relative 1e-12.
        #expect(abs(Saturation.productTail(beyond: 4) / 3.2368457858570623e-06 - 1) < 1e-9)
    }

    @Test func theUniformRangeGrowsWithTheFanIn() {
        let rows = Saturation(profile: .quick).run(random: RandomSource(seed: 1)).rows.filter { $0.setting == .fixedRange }
        let derivatives = rows.sorted { $0.fanIn < $1.fanIn }.map(\.meanDerivative)
        #expect(zip(derivatives, derivatives.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test func resultDoesNotDependOnScheduling() {
        let a = Saturation(profile: .quick).run(random: RandomSource(seed: 4))
        let b = Saturation(profile: .quick).run(random: RandomSource(seed: 4))
        let c = Saturation(profile: .quick).run(random: RandomSource(seed: 5))
        #expect(a.rows == b.rows)
        #expect(a.rows != c.rows)
    }
}

@Suite struct RunProgressTests {
    @Test func saturationReportsAllItsWork() {
        let progress = RunProgress()
        _ = Saturation(profile: .quick).run(random: RandomSource(seed: 1), progress: progress)
        let snapshot = progress.snapshot
        #expect(snapshot.total > 0)
        #expect(snapshot.completed == snapshot.total)
    }
}
