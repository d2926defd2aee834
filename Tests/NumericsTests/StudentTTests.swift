import Foundation
import Testing

@testable import Numerics

@Suite struct StudentTTests {
    // Two-sided quantiles as statistics tables print them, here to ten digits from
    // scipy.stats.t.isf(α/2, ν).
    @Test(arguments: [
        (0.05, 10.0, 2.228138852), (0.05, 30.0, 2.042272456), (0.01, 5.0, 4.032142984),
        (0.001, 3.0, 12.92397864), (0.001, 11.0, 4.436979338), (0.05, 1.0, 12.70620474),
    ])
    func quantilesMatchTheTables(_ alpha: Double, _ nu: Double, _ table: Double) {
        #expect(abs(StudentT.twoSidedQuantile(alpha, degreesOfFreedom: nu) - table) < 1e-8 * table)
    }

    /// One and two degrees of freedom have closed forms (Cauchy: 1 − 2·atan(t)/π; ν = 2:
    /// 1 − t/√(2 + t²)), which test the far tail where the checks work, at α = 10⁻⁵.
    @Test func farTailsMatchTheClosedForms() {
        let alpha = 1e-5
        let cauchy = tan(Double.pi / 2 * (1 - alpha))
        #expect(abs(StudentT.twoSidedQuantile(alpha, degreesOfFreedom: 1) - cauchy) < 1e-8 * cauchy)
        let s = 1 - alpha
        let two = (2 * s * s / (1 - s * s)).squareRoot()
        #expect(abs(StudentT.twoSidedQuantile(alpha, degreesOfFreedom: 2) - two) < 1e-8 * two)
        for t in [0.5, 3.0, 40.0, 1e4] {
            #expect(abs(StudentT.twoSidedTail(t, degreesOfFreedom: 1) - (1 - 2 * atan(t) / Double.pi)) < 1e-12 * max(1, 1 / t))
            // 1 − t/√(2 + t²) without the cancellation: 2/(√(2 + t²)·(√(2 + t²) + t)).
            let root = (2 + t * t).squareRoot()
            #expect(abs(StudentT.twoSidedTail(t, degreesOfFreedom: 2) / (2 / (root * (root + t))) - 1) < 1e-11)
        }
    }

    @Test func normalQuantilesMatchTheTables() {
        for (alpha, table) in [(0.05, 1.959963985), (0.001, 3.290526731), (1e-5, 4.417173413)] {
            #expect(abs(StandardNormal.twoSidedQuantile(alpha) - table) < 1e-8)
        }
    }

    /// With many degrees of freedom the estimated standard error is as good as known.
    @Test func manyDegreesOfFreedomApproachTheNormal() {
        let t = StudentT.twoSidedQuantile(1e-5, degreesOfFreedom: 1e7)
        #expect(abs(t - StandardNormal.twoSidedQuantile(1e-5)) < 1e-5)
        #expect(StudentT.twoSidedQuantile(1e-5, degreesOfFreedom: 11) > t)
    }

    /// I_x(a, b) against values with closed forms: I_x(1, b) = 1 − (1 − x)^b, I_x(a, 1) = x^a,
    /// and the symmetry I_x(a, b) + I_{1−x}(b, a) = 1.
    @Test func incompleteBetaMatchesClosedForms() {
        for x in [0.01, 0.3, 0.7, 0.999] {
            #expect(abs(IncompleteBeta.regularized(x, 1, 3.5) - (1 - pow(1 - x, 3.5))) < 1e-13)
            #expect(abs(IncompleteBeta.regularized(x, 2.5, 1) - pow(x, 2.5)) < 1e-13)
            #expect(abs(IncompleteBeta.regularized(x, 4, 7) + IncompleteBeta.regularized(1 - x, 7, 4) - 1) < 1e-13)
        }
        #expect(IncompleteBeta.regularized(0.5, -1, 1).isNaN)
    }
}

@Suite struct OneSidedStudentTTests {
    // scipy.stats.t.isf(α, ν), ν not a whole number as Welch's test gives it.
    @Test(arguments: [
        (0.01, 4.0, 3.746947387979197), (1e-5, 4.0, 23.332182700829275), (0.05, 5.3, 1.9901242563283073),
        (1e-5, 7.5, 9.440923217891605), (1e-5, 6.167273219042283, 11.6324532525995),
    ])
    func quantilesMatchScipy(_ alpha: Double, _ nu: Double, _ scipy: Double) {
        #expect(abs(StudentT.oneSidedQuantile(alpha, degreesOfFreedom: nu) - scipy) < 1e-8 * scipy)
        #expect(abs(StudentT.oneSidedQuantile(1 - alpha, degreesOfFreedom: nu) + scipy) < 1e-8 * scipy)
    }
}
