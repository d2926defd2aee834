import Foundation
import Testing

@testable import Numerics

@Suite struct LogisticTests {
    /// σ′(x) = e^{−x}/(1 + e^{−x})², written out independently of the implementation.
    func closedForm(_ x: Double) -> Double { exp(-x) / ((1 + exp(-x)) * (1 + exp(-x))) }

    @Test func derivativeMatchesTheClosedForm() {
        for x in [-12.0, -3, 0, 0.5, 2, 10, 12] {
            #expect(abs(Logistic.derivative(x) - closedForm(x)) <= 4 * Double.ulpOfOne * closedForm(x))
        }
        #expect(Logistic.derivative(0.0) == 0.25)
        #expect(abs(Logistic.derivative(2.0) - 0.104993585403507) < 1e-15)
        #expect(abs(Logistic.derivative(10.0) - 4.5395807735951673e-5) < 1e-19)
    }

    @Test func valueIsSymmetricAndSafeFarOut() {
        #expect(Logistic.value(0.0) == 0.5)
        #expect(abs(Logistic.value(3.0) + Logistic.value(-3.0) - 1) < 1e-15)
        #expect(Logistic.value(-800.0) == 0)
        #expect(Logistic.value(800.0) == 1)
        #expect(Logistic.derivative(Float(10)) > 0)
    }

    @Test func normalTailsAreAccurateFarOut() {
        #expect(abs(StandardNormal.twoSidedTail(4) - 6.334248366623996e-05) < 1e-18)
        #expect(abs(StandardNormal.cdf(1.959963984540054) - 0.975) < 1e-15)
        let sevenSigma = StandardNormal.twoSidedTail(7)
        #expect(abs(sevenSigma - 2.559625087771672e-12) < 1e-24)
    }
}
