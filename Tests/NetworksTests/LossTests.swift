import Foundation
import Numerics
import Testing

@testable import Networks

@Suite struct LossTests {
    @Test func crossEntropyOfEqualLogitsIsLogOfTheClassCount() {
        let outputs = Matrix(rows: 2, columns: 4, repeating: 0.5)
        #expect(abs(Loss.crossEntropy.mean(outputs: outputs, labels: [0, 3]) - log(4)) < 1e-12)
    }

    @Test func crossEntropyIsStableForHugeLogits() {
        // e^{1e4} overflows any float; shifted by the maximum, nothing does.
        let outputs = Matrix(rows: 1, columns: 3, elements: [1e4, 1e4 - 2, -1e4])
        var gradient = Matrix(rows: 1, columns: 3)
        let loss = Loss.crossEntropy.mean(outputs: outputs, labels: [1], gradient: &gradient)
        let expected = 2 + log(1 + exp(-2.0))
        #expect(abs(loss - expected) < 1e-9)
        #expect(abs(gradient.elements.reduce(0, +)) < 1e-7)
        #expect(gradient[0, 1] < 0 && gradient[0, 2] == 0)
    }

    @Test func nonFiniteOutputsGiveANaNLoss() {
        for bad: Float in [.nan, .infinity] {
            let outputs = Matrix(rows: 1, columns: 2, elements: [bad, 0])
            #expect(!Loss.crossEntropy.mean(outputs: outputs, labels: [0]).isFinite)
            #expect(!Loss.squaredError.mean(outputs: outputs, labels: [1]).isFinite)
        }
    }

    @Test func squaredErrorAgainstOneHotTargets() {
        let outputs = Matrix(rows: 2, columns: 2, elements: [1, 1, 0, 2])
        var gradient = Matrix(rows: 2, columns: 2)
        // ½[(1 − 1)² + 1²] = ½ and ½[(0 − 1)² + 2²] = 5/2: mean 3/2.
        #expect(Loss.squaredError.mean(outputs: outputs, labels: [0, 0], gradient: &gradient) == 1.5)
        #expect(gradient.elements == [0, 0.5, -0.5, 1])
    }

    @Test func accuracyCountsTheLargestOutput() {
        let outputs = Matrix(rows: 3, columns: 3, elements: [0, 2, 1, 5, 5, 0, -1, -2, -3])
        #expect(HeldOutEvaluator.correctCount(outputs, labels: [1, 1, 0]) == 2)
    }
}
