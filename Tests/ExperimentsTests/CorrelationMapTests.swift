import Foundation
import Testing

@testable import Experiments
@testable import Networks
@testable import Numerics

@Suite struct CorrelationMapTests {
    /// Linear units: q* = σ_b²/(1 − σ_w²), c′ = σ_w² c + σ_b²/q*, every slope σ_w², and c = 1 the
    /// fixed point, all in closed form.
    @Test func linearUnitsFollowTheClosedForm() {
        let (w, b) = (0.5, 0.3)
        let q = b / (1 - w)
        let map = CorrelationMap(function: { $0 }, derivative: { _ in 1 }, weightVariance: w, biasVariance: b, fixedLength: q)
        for c in [-0.5, 0, 0.3, 0.9, 1] {
            #expect(abs(map.next(c) - (w * c + b / q)) < 1e-13)
            #expect(abs(map.slope(at: c) - w) < 1e-13)
        }
        #expect(map.fixedPoint == 1)
        #expect(abs(map.chiQ - w) < 1e-13)
        #expect(abs(map.lengthDepth - (-1 / log(w))) < 1e-12)
        #expect(abs(map.correlationDepth - (-1 / log(w))) < 1e-12)
    }

    /// erf units have the closed form E[erf(u₁)erf(u₂)] = (2/π)·arcsin(2Σ₁₂/(1 + 2q)) for
    /// variances q and covariance Σ₁₂ (Williams 1997), so the length map, its fixed point, the
    /// correlation map, its slope and its fixed point c* are all known without quadrature.
    struct Erf {
        let w: Double, b: Double
        var q: Double {
            var q = 1.0
            for _ in 0..<10_000 { q = w * 2 / Double.pi * asin(2 * q / (1 + 2 * q)) + b }
            return q
        }
        func next(_ c: Double, q: Double) -> Double { (w * 2 / Double.pi * asin(2 * q * c / (1 + 2 * q)) + b) / q }
        func slope(_ c: Double, q: Double) -> Double {
            let k = 2 * q / (1 + 2 * q)
            return w * 2 / Double.pi * k / (1 - k * k * c * c).squareRoot() / q
        }
        var map: CorrelationMap {
            CorrelationMap(
                function: { erf($0) }, derivative: { 2 / Double.pi.squareRoot() * exp(-$0 * $0) }, weightVariance: w, biasVariance: b,
                fixedLength: q)
        }
    }

    @Test(arguments: [(1.0, 0.05), (2.0, 0.05), (4.0, 0.5), (6.0, 0.01)])
    func erfUnitsFollowTheClosedForm(w: Double, b: Double) {
        let erf = Erf(w: w, b: b)
        let (q, map) = (erf.q, erf.map)
        for c in [-0.8, 0, 0.25, 0.5, 0.9, 0.999, 1] {
            #expect(abs(map.next(c) - erf.next(c, q: q)) < 1e-10, "c = \(c)")
            if c < 1 { #expect(abs(map.slope(at: c) - erf.slope(c, q: q)) < 1e-9, "c = \(c)") }
        }
        // c* by bisection on the closed form, in chaos; 1 in order.
        if erf.slope(1 - 1e-12, q: q) > 1 {
            var (low, high) = (0.0, 1 - 1e-9)
            while high - low > 1e-14 {
                let middle = (low + high) / 2
                if erf.next(middle, q: q) > middle { low = middle } else { high = middle }
            }
            #expect(abs(map.fixedPoint - low) < 1e-9)
            #expect(map.fixedPoint < 1)
        } else {
            #expect(map.fixedPoint == 1)
        }
    }

    /// Tanh has no closed form: the map at one point against a Monte Carlo mean of 400,000
    /// pairs, within six of its standard errors (a false alarm once in 5·10⁸).
    @Test func tanhAgreesWithMonteCarlo() {
        let map = CorrelationMap(activation: .tanh, weightVariance: 2.5, biasVariance: 0.1)
        let (q, c) = (map.fixedLength, 0.4)
        var random = RandomSource(seed: 7)
        var products: [Double] = []
        for _ in 0..<400_000 {
            let (z1, z2) = random.nextNormalPair()
            let u1 = q.squareRoot() * z1, u2 = q.squareRoot() * (c * z1 + (1 - c * c).squareRoot() * z2)
            products.append(Foundation.tanh(u1) * Foundation.tanh(u2))
        }
        let moments = Moments(products)
        let expected = (map.weightVariance * moments.mean + map.biasVariance) / q
        let error = map.weightVariance * moments.standardError / q
        #expect(abs(map.next(c) - expected) < 6 * error, "map \(map.next(c)), Monte Carlo \(expected) ± \(error)")
    }

    /// Halving the step changes nothing beyond rounding across the phase diagram's range and
    /// beyond it (q* up to 12).
    @Test(arguments: [(0.5, 0.05), (1.76, 0.05), (4.0, 0.05), (4.0, 2.0), (10.0, 2.0)])
    func theStepSuffices(w: Double, b: Double) {
        let coarse = CorrelationMap(activation: .tanh, weightVariance: w, biasVariance: b)
        let fine = CorrelationMap(activation: .tanh, weightVariance: w, biasVariance: b, refinement: 2)
        for c in [0, 0.5, 0.95, 1] {
            #expect(abs(coarse.next(c) - fine.next(c)) < 1e-12, "c = \(c)")
            #expect(abs(coarse.slope(at: c) - fine.slope(at: c)) < 1e-12, "c = \(c)")
        }
    }

    /// χ₁ at c = 1 is Criticality's χ₁ (its own 1-D quadrature), so it is 1 on the critical line;
    /// χ_q is the length map's slope by a central difference of Activation.secondMoment.
    @Test(arguments: [0.05, 0.5, 2.0])
    func slopesAgreeWithTheLengthMap(b: Double) {
        let criticality = Criticality(activation: .tanh)
        let point = criticality.criticalWeightVariance(biasVariance: b)
        let critical = CorrelationMap(activation: .tanh, weightVariance: point.weightVariance, biasVariance: b)
        #expect(abs(critical.chi1 - 1) < 1e-9)
        for w in [1.0, 3.0] {
            let map = CorrelationMap(activation: .tanh, weightVariance: w, biasVariance: b)
            #expect(abs(map.chi1 - criticality.chi1(weightVariance: w, biasVariance: b)) < 1e-9)
            let (q, h) = (map.fixedLength, 1e-4)
            let difference =
                w * (Activation.tanh.secondMoment(variance: q + h) - Activation.tanh.secondMoment(variance: q - h)) / (2 * h)
            #expect(abs(map.chiQ - difference) < 1e-7, "σ_w² = \(w)")
            #expect(map.chiQ < 1)
        }
    }

    /// Order: c* = 1 and correlations climb to it; chaos: c* < 1 attracts from either side, and
    /// χ_c < 1 there although χ₁ > 1.
    @Test func orderAndChaos() {
        let ordered = CorrelationMap(activation: .tanh, weightVariance: 1, biasVariance: 0.05)
        #expect(ordered.chi1 < 1 && ordered.fixedPoint == 1)
        let climb = ordered.iterate(from: 0.2, layers: 200)
        #expect(zip(climb, climb.dropFirst()).allSatisfy { $0 <= $1 } && 1 - climb[199] < 1e-6)
        let chaotic = CorrelationMap(activation: .tanh, weightVariance: 4, biasVariance: 0.05)
        let star = chaotic.fixedPoint
        #expect(chaotic.chi1 > 1 && star < 1 && chaotic.chiC < 1)
        #expect(abs(chaotic.next(star) - star) < 1e-12)
        for start in [0.0, 0.99] {
            #expect(abs((chaotic.iterate(from: start, layers: 300).last ?? .nan) - star) < 1e-9)
        }
        // ξ_c grows without bound towards the line from both sides.
        let line = Criticality(activation: .tanh).criticalWeightVariance(biasVariance: 0.05).weightVariance
        let near = [0.9, 0.99].map { CorrelationMap(activation: .tanh, weightVariance: line * $0, biasVariance: 0.05).correlationDepth }
        let far = [1.01, 1.1].map { CorrelationMap(activation: .tanh, weightVariance: line * $0, biasVariance: 0.05).correlationDepth }
        #expect(near[1] > near[0] && far[0] > far[1] && near[1] > 20 && far[0] > 20)
    }
}
