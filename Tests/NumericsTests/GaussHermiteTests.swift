import Foundation
import Testing

@testable import Numerics

@Suite struct GaussHermiteTests {
    @Test(arguments: [1, 2, 3, 10, 31, 64, 100, 101, 200, 300])
    func weightsSumToOneAndNodesAreSymmetric(_ n: Int) {
        let rule = GaussHermite(order: n)
        #expect(rule.order == n)
        #expect(abs(rule.weights.reduce(0, +) - 1) < 1e-13)
        #expect(rule.weights.allSatisfy { $0 > 0 })
        for i in 0..<n {
            #expect(abs(rule.nodes[i] + rule.nodes[n - 1 - i]) <= 1e-12 * max(1, abs(rule.nodes[i])))
            if i > 0 { #expect(rule.nodes[i] > rule.nodes[i - 1]) }
        }
    }

    @Test func smallRulesAreTheKnownOnes() {
        // He₂ = x² − 1: nodes ±1, weights ½. He₃ = x³ − 3x: nodes 0, ±√3, weights 2/3, 1/6.
        let two = GaussHermite(order: 2)
        #expect(abs(two.nodes[1] - 1) < 1e-14 && abs(two.weights[0] - 0.5) < 1e-14)
        let three = GaussHermite(order: 3)
        #expect(three.nodes[1] == 0)
        #expect(abs(three.nodes[2] - 3.0.squareRoot()) < 1e-14)
        #expect(abs(three.weights[1] - 2.0 / 3) < 1e-14 && abs(three.weights[2] - 1.0 / 6) < 1e-14)
    }

    @Test func gaussianMomentsAreExact() {
        // E[Z^{2k}] = (2k − 1)!!; exact for degree ≤ 2n − 1, so 20 nodes integrate up to Z¹⁸.
        let rule = GaussHermite(order: 20)
        #expect(abs(rule.expectation { $0 * $0 } - 1) < 1e-13)
        #expect(abs(rule.expectation { pow($0, 4) } - 3) < 1e-12)
        #expect(abs(rule.expectation { pow($0, 10) } - 945) < 1e-9)
        #expect(abs(rule.expectation { pow($0, 5) }) < 1e-12)
    }

    @Test func cosineIntegratesToItsCharacteristicFunction() {
        // E[cos Z] = e^{−1/2}; cos is entire, so the error falls faster than any power of n.
        let rule = GaussHermite(order: 30)
        #expect(abs(rule.expectation(cos) - exp(-0.5)) < 1e-14)
    }

    @Test(arguments: [2, 10, 100])
    func squaredReLUIsExactForEvenOrders(_ n: Int) {
        // relu(z)² = z² on the positive nodes only; the rule is symmetric and has no node at 0,
        // so it gives exactly half of E[Z²] = 1.
        let rule = GaussHermite(order: n)
        #expect(abs(rule.expectation { $0 > 0 ? $0 * $0 : 0 } - 0.5) < 1e-13)
    }

    @Test func kinksConvergeSlowly() {
        // E[relu(Z)] = 1/√(2π): |z| has a kink, so even 100 nodes leave an error near 1e−4.
        let exact = 1 / (2 * Double.pi).squareRoot()
        let coarse = abs(GaussHermite(order: 10).expectation { max($0, 0) } - exact)
        let fine = abs(GaussHermite(order: 100).expectation { max($0, 0) } - exact)
        #expect(fine < coarse)
        #expect(fine > 1e-8)
    }
}
