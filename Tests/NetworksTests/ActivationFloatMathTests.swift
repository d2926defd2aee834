import Foundation
import Testing

@testable import Networks

/// The vectorisable Float tanh and logistic function against the C library's Double ones.
/// Bound: a few roundings of Float arithmetic, each at most u = 2⁻²⁴ ≈ 6·10⁻⁸ of the result,
/// and the truncations of the series (below 10⁻⁷); 4·10⁻⁷ relative, about seven units in the
/// last place. tanhf and expf themselves are within one or two.
@Suite struct ActivationFloatMathTests {
    /// Every 1/64 from −20 to 20, and powers of two from 2⁻⁴⁰ to 2⁶ on both sides of 0.
    static let grid: [Float] =
        (-1280...1280).map { Float($0) / 64 }
        + (-40...6).flatMap { [Float(sign: .plus, exponent: $0, significand: 1), Float(sign: .minus, exponent: $0, significand: 1)] }

    @Test func tanhIsWithinSevenUnitsInTheLastPlace() {
        var worst: Float = 0
        for x in Self.grid {
            let exact = Foundation.tanh(Double(x))
            worst = max(worst, Float(abs(Double(ActivationFloatMath.tanh(x)) - exact) / abs(exact == 0 ? 1 : exact)))
        }
        #expect(worst <= 4e-7, "worst relative error \(worst)")
    }

    @Test func logisticIsWithinSevenUnitsInTheLastPlace() {
        var worst: Float = 0
        for x in Self.grid + (-87...(-21)).map(Float.init) {
            let exact = 1 / (1 + exp(-Double(x)))
            worst = max(worst, Float(abs(Double(ActivationFloatMath.logistic(x)) - exact) / exact))
        }
        #expect(worst <= 4e-7, "worst relative error \(worst)")
    }

    @Test func limitsAndNaN() {
        #expect(ActivationFloatMath.tanh(.infinity) == 1 && ActivationFloatMath.tanh(-.infinity) == -1)
        #expect(ActivationFloatMath.tanh(0) == 0 && ActivationFloatMath.tanh(-0.0).sign == .minus)
        #expect(ActivationFloatMath.logistic(.infinity) == 1 && ActivationFloatMath.logistic(-.infinity) < 2e-38)
        #expect(ActivationFloatMath.logistic(0) == 0.5)
        #expect(ActivationFloatMath.tanh(.nan).isNaN && ActivationFloatMath.logistic(.nan).isNaN)
        #expect(ActivationFloatMath.negativeExponential(.nan).isNaN)
    }
}
