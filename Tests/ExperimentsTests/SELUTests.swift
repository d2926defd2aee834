import Foundation
import Testing

@testable import Experiments
@testable import Networks
@testable import Numerics

@Suite struct SELUTests {
    static let experiment = SELU(profile: .quick)
    static let result = experiment.run(random: RandomSource(seed: 1))

    @Test func everyCheckPasses() {
        let checks = Self.experiment.checks(Self.result)
        var ids = ["selu/fixed-point/mean", "selu/fixed-point/second-moment", "selu/map/mean"]
        for start in ["m0.0-v1.0", "m0.5-v3.0", "m-0.3-v0.2"] {
            ids += ["selu/map/\(start)/second-moment", "selu/attraction/\(start)/variance"]
        }
        #expect(checks.map(\.id) == ids)
        #expect(checks.allSatisfy { $0.passed }, "\(checks.filter { !$0.passed })")
        CheckPolicy.expectFollowed(checks)
        #expect(Self.experiment.problems(in: Self.result).isEmpty)
    }

    /// The quadrature against SELU's moments in closed form: with a = √q, λ the scale and α,
    /// E[selu(aZ)] = λa/√(2π) + λα(e^{q/2}Φ(−a) − ½) and
    /// E[selu(aZ)²] = λ²q/2 + λ²α²(e^{2q}Φ(−2a) − 2e^{q/2}Φ(−a) + ½).
    @Test(arguments: [0.04, 0.29, 1, 3.25, 9])
    func theMapAgreesWithTheClosedForm(_ q: Double) {
        let (lambda, alpha, a) = (Activation.seluScale, Activation.seluAlpha, q.squareRoot())
        let mean = lambda * a / (2 * Double.pi).squareRoot() + lambda * alpha * (exp(q / 2) * StandardNormal.cdf(-a) - 0.5)
        let second =
            lambda * lambda * q / 2
            + lambda * lambda * alpha * alpha * (exp(2 * q) * StandardNormal.cdf(-2 * a) - 2 * exp(q / 2) * StandardNormal.cdf(-a) + 0.5)
        let map = SELUMap.oneLayer(inputSecondMoment: q)
        #expect(abs(map.mean - mean) < 1e-9 * max(1, abs(mean)))
        #expect(abs(map.secondMoment - second) < 1e-9 * max(1, second))
    }

    /// (0, 1) is a fixed point, and from either side the map comes back to it, shrinking the
    /// distance by about 0.78 a layer; with Σw² 10 % larger it settles elsewhere.
    @Test func theFixedPointAttracts() {
        let fixed = SELUMap.oneLayer(inputSecondMoment: 1)
        #expect(abs(fixed.mean) < 1e-12 && abs(fixed.secondMoment - 1) < 1e-12)
        for start in [SELU.Start(mean: 0.5, variance: 3), SELU.Start(mean: -0.3, variance: 0.2)] {
            let path = SELUMap.iterate(from: start, layers: 40)
            #expect(abs(path[1].variance - 1) < abs(start.variance - 1))
            #expect(abs(path[40].mean) < 1e-3 && abs(path[40].variance - 1) < 1e-3, "\(start)")
        }
        let larger = SELUMap.iterate(from: SELU.Start(mean: 0, variance: 1), layers: 40, weightScale: 1.1)
        #expect(larger[40].variance > 1.1)
    }

    /// A result that lost a network, or whose values are not finite, is recomputed.
    @Test func aResultOfTheWrongShapeHasProblems() {
        var result = Self.result
        result.runs.removeLast()
        #expect(!Self.experiment.problems(in: result).isEmpty)
        result = Self.result
        result.runs[0].layers[1].mean = .nan
        #expect(!Self.experiment.problems(in: result).isEmpty)
    }
}
