import Foundation
import Numerics

/// The floating-point types an activation is evaluated in: Float in the networks, Double in the
/// theory. Writing each formula once, generically, keeps the two from drifting apart.
protocol ActivationScalar: BinaryFloatingPoint {
    static func logistic(_ x: Self) -> Self
    static func hyperbolicTangent(_ x: Self) -> Self
    /// eˣ − 1, accurate near 0 where eˣ − 1 would cancel.
    static func exponentialMinusOne(_ x: Self) -> Self
}

extension Float: ActivationScalar {
    static func logistic(_ x: Float) -> Float { ActivationFloatMath.logistic(x) }
    static func hyperbolicTangent(_ x: Float) -> Float { ActivationFloatMath.tanh(x) }
    static func exponentialMinusOne(_ x: Float) -> Float { expm1f(x) }
}

extension Double: ActivationScalar {
    static func logistic(_ x: Double) -> Double { Logistic.value(x) }
    static func hyperbolicTangent(_ x: Double) -> Double { Foundation.tanh(x) }
    static func exponentialMinusOne(_ x: Double) -> Double { Foundation.expm1(x) }
}
