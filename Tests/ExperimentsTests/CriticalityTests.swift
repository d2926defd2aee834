import Foundation
import Testing

@testable import Experiments
@testable import Networks

@Suite struct CriticalityTests {
    static let tanh = Criticality(activation: .tanh)
    static let line = tanh.line()

    /// E[f(z)], z ~ N(0, 1), by composite Simpson with step 0.01 on [−10, 10]: a rule unlike the
    /// solver's graded Gauss–Legendre panels. Its error, of order h⁴ plus the mass beyond 10
    /// (10⁻²³), is far below the 1 % the comparison allows.
    static func simpson(_ f: (Double) -> Double) -> Double {
        let panels = 2000, step = 20.0 / Double(panels)
        var sum = 0.0
        for i in 0...panels {
            let z = -10 + Double(i) * step
            let weight: Double = i == 0 || i == panels ? 1 : (i % 2 == 1 ? 4 : 2)
            sum += weight * f(z) * exp(-z * z / 2)
        }
        return sum * step / 3 / (2 * Double.pi).squareRoot()
    }

    /// q* by damped iteration of the length map from `start`, each step halfway to the map's value.
    static func iteratedFixedPoint(weightVariance: Double, biasVariance: Double, start: Double) -> Double {
        var q = start
        for _ in 0..<100_000 {
            let s = q.squareRoot()
            let mapped = weightVariance * simpson { pow(Foundation.tanh(s * $0), 2) } + biasVariance
            let next = (q + mapped) / 2
            if abs(next - q) <= 1e-13 * next { return next }
            q = next
        }
        return q
    }

    /// The critical σ_w² and its q* by the secant method on σ_w² ↦ χ₁ − 1, from 1.5 and 3.
    static func secantCritical(biasVariance: Double) -> (weightVariance: Double, fixedPoint: Double) {
        var q = biasVariance
        func excess(_ w: Double) -> Double {
            q = iteratedFixedPoint(weightVariance: w, biasVariance: biasVariance, start: q)
            let s = q.squareRoot()
            return w * simpson { pow(1 - pow(Foundation.tanh(s * $0), 2), 2) } - 1
        }
        var (previous, current) = (1.5, 3.0)
        var (fPrevious, fCurrent) = (excess(previous), excess(current))
        for _ in 0..<100 where abs(current - previous) > 1e-12 * current && fCurrent != fPrevious {
            let next = current - fCurrent * (current - previous) / (fCurrent - fPrevious)
            (previous, fPrevious) = (current, fCurrent)
            current = next
            fCurrent = excess(current)
        }
        return (current, q)
    }

    @Test func theLineAgreesWithAnIndependentSolution() {
        #expect(Self.line.count >= 11)
        for point in Self.line where point.biasVariance > 0 {
            let independent = Self.secantCritical(biasVariance: point.biasVariance)
            #expect(abs(point.weightVariance / independent.weightVariance - 1) < 0.01, "\(point) vs \(independent)")
            #expect(abs(point.fixedPoint / independent.fixedPoint - 1) < 0.01, "\(point) vs \(independent)")
        }
    }

    @Test func theReturnedPointsSolveBothEquations() {
        for point in Self.line {
            let (w, b, q) = (point.weightVariance, point.biasVariance, point.fixedPoint)
            #expect(abs(w * Activation.tanh.secondMoment(variance: q) + b - q) < 1e-9, "\(point)")
            #expect(abs(w * Activation.tanh.derivativeSecondMoment(variance: q) - 1) < 1e-9, "\(point)")
            #expect(abs(Self.tanh.chi1(weightVariance: w, biasVariance: b) - 1) < 1e-9, "\(point)")
        }
    }

    @Test func withoutBiasTheLineStartsAtOne() {
        let start = Self.tanh.criticalWeightVariance(biasVariance: 0)
        #expect(start.weightVariance == 1 && start.fixedPoint == 0)
        #expect(Self.line.first == start)
        // With no bias and σ_w² ≤ 1 the length map has only the fixed point 0. At σ_w² = 1 the
        // map falls short of the diagonal by 2q², which is lost to rounding below q ≈ 10⁻¹⁶.
        #expect(Self.tanh.fixedPoint(weightVariance: 1, biasVariance: 0) < 1e-15)
        #expect(Self.tanh.fixedPoint(weightVariance: 0.5, biasVariance: 0) == 0)
        #expect(Self.tanh.fixedPoint(weightVariance: 1.5, biasVariance: 0) > 0.1)
        // The solver's line meets that start as the bias vanishes: for small q, E[tanh′(√q z)²]
        // = 1 − 2q + O(q²), so χ₁ = 1 needs σ_w² = 1 + 2q* + O(q*²).
        let near = Self.tanh.criticalWeightVariance(biasVariance: 1e-6)
        #expect(near.fixedPoint < 0.05)
        #expect(abs((near.weightVariance - 1) / (2 * near.fixedPoint) - 1) < 10 * near.fixedPoint, "\(near)")
    }

    @Test func theLineRisesWithTheBias() {
        // Poole et al. 2016, Schoenholz et al. 2017: for tanh the critical σ_w² grows from 1.
        for (lower, upper) in zip(Self.line, Self.line.dropFirst()) {
            #expect(upper.biasVariance > lower.biasVariance)
            #expect(upper.weightVariance > lower.weightVariance, "\(lower) then \(upper)")
            #expect(upper.fixedPoint > lower.fixedPoint, "\(lower) then \(upper)")
        }
        #expect(Self.line.last?.biasVariance == 2)
    }
}
