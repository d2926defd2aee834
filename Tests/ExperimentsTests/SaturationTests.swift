import Foundation
import Testing
@testable import Experiments
@testable import Numerics

@Suite struct SaturationTests {
    static let report = Saturation(profile: .quick).reported(seed: 1)

    @Test func everyCheckPasses() {
        let failed = Self.report.checks.filter { !$0.passed }
        CheckPolicy.expectFollowed(Self.report.checks)
        #expect(failed.isEmpty, "\(failed)")
        #expect(Self.report.checks.count == 2 + 3 * 7 + 1)
    }

    @Test func namedNumbersMatchTheClosedForms() {
        let numbers = Self.report.numbers
        #expect(abs(numbers["sigmoid_prime_at_2"]! - 0.10499358540350649) < 1e-15)
        #expect(abs(numbers["sigmoid_prime_at_10"]! - 4.5395807735951673e-05) < 1e-19)
        let closedForm = { (x: Double) in exp(-x) / ((1 + exp(-x)) * (1 + exp(-x))) }
        #expect(abs(numbers["sigmoid_prime_ratio_2_to_10"]! / (closedForm(2) / closedForm(10)) - 1) < 1e-14)
        #expect(abs(numbers["four_in_standard_deviations"]! - 6.928203230275509) < 1e-12)
        #expect(abs(numbers["chebyshev_bound_beyond_four"]! - 1.0 / 48) < 1e-15)
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

    @Test func figuresCarryTheirDataAndWords() {
        let ids = Self.report.figures.map(\.id)
        #expect(ids == ["saturation-logistic", "saturation-variance", "saturation-outside", "saturation-derivative"])
        for figure in Self.report.figures {
            #expect(!figure.alt.isEmpty && !figure.caption.isEmpty)
            #expect(!figure.data.rows.isEmpty)
        }
        let table = Self.report.tables["saturation"]!
        #expect(table.columns.starts(with: ["setting", "fan_in"]))
        #expect(table.rows.count == 3 * 7)
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
