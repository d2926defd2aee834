import Foundation
import Numerics
import Testing

@testable import Initializers

/// Values computed with the libraries' own formulas (shared/LIBRARIES.md §10), to 1e-15
/// relative: a few units in the last place, since the formulas may associate differently.
@Suite struct ReferenceValueTests {
    func close(_ measured: Double?, _ expected: Double) -> Bool {
        guard let measured else { return false }
        return abs(measured - expected) <= 1e-15 * abs(expected)
    }

    func distribution(_ rule: Rule, _ shape: [Int]) throws -> WeightDistribution {
        try #require(rule.distribution(for: Fans(shape: shape)))
    }

    /// The standard deviation a normal is drawn with, before any cut.
    func std(_ distribution: WeightDistribution) -> Double? {
        switch distribution {
        case .normal(let std), .truncatedNormal(let std): std
        case .uniform: nil
        }
    }

    @Test func pytorchLinearDefaultBound() throws {
        // nn.Linear(20, 30): weight (30, 20), U(±1/√20).
        #expect(close(try distribution(.fanInUniform, [30, 20]).bound, 0.22360679774997896))
    }

    @Test func pytorchConvDefaultBound() throws {
        // nn.Conv2d(3, 64, 3): weight (64, 3, 3, 3), fan_in 27.
        #expect(close(try distribution(.fanInUniform, [64, 3, 3, 3]).bound, 0.19245008972987526))
        // With groups = 3 the weight is (64, 1, 3, 3): fan_in 9.
        #expect(close(try distribution(.fanInUniform, [64, 1, 3, 3]).bound, 1.0 / 3))
    }

    /// kaiming_uniform_(a = √5): gain √(2/6), bound √3·gain/√fan_in, which is 1/√fan_in.
    @Test func theSquareRootOfFiveTrickIsFanInUniform() throws {
        let trick = try distribution(rule(.heUniform, slope: 5.0.squareRoot()), [30, 20])
        #expect(abs(try #require(trick.bound) - 1 / 20.0.squareRoot()) < 1e-15)
    }

    @Test func heReferenceValues() throws {
        #expect(close(try distribution(rule(.heUniform), [64, 3, 3, 3]).bound, 0.4714045207910317))
        #expect(close(std(try distribution(rule(.heNormal), [64, 3, 3, 3])), 0.2721655269759087))
        // Keras HeNormal: std √(2/27)/C before the cut at twice that.
        let keras = try distribution(rule(.heNormal, normalKind: .truncatedNormal), [64, 3, 3, 3])
        #expect(close(try #require(keras.bound) / 2, 0.3094106266248576))
        #expect(close(keras.bound, 0.6188212532497152))
        #expect(close(keras.variance, 2.0 / 27))
    }

    @Test func glorotReferenceValues() throws {
        // Dense 784 → 256 is (256, 784) here.
        #expect(close(try distribution(rule(.glorotUniform), [256, 784]).bound, 0.075955452531275))
        #expect(close(std(try distribution(rule(.glorotNormal), [256, 784])), 0.04385290096535146))
        let keras = try distribution(rule(.glorotNormal, normalKind: .truncatedNormal), [256, 784])
        #expect(close(try #require(keras.bound) / 2, 0.049854049180182415))
        // Keras kernel (3, 3, 64, 128) is (128, 64, 3, 3) here: fan_in 576, fan_out 1152.
        let conv = try Fans(shape: [128, 64, 3, 3])
        #expect(conv.fanIn == 576 && conv.fanOut == 1152)
        #expect(close(try distribution(rule(.glorotUniform), [128, 64, 3, 3]).bound, 0.05892556509887896))
    }

    @Test func sigmoidVariantIsSixteenTimesGlorot() throws {
        let fans = try Fans(shape: [256, 784])
        let plain = try #require(try rule(.glorotUniform).variance(for: fans))
        let sigmoid = try #require(try rule(.glorotUniformSigmoid).variance(for: fans))
        #expect(abs(sigmoid / plain - 16) < 1e-12)
    }

    @Test func kumarGivesTwelvePointEightForTheSigmoidAndLeCunForTanh() throws {
        let fans = try Fans(shape: [100, 50])
        #expect(abs(try #require(try rule(.kumar).variance(for: fans)) - 12.8 / 50) < 1e-15)
        #expect(abs(try #require(try rule(.kumar, activation: .tanh).variance(for: fans)) - 1.0 / 50) < 1e-15)
    }

    @Test func heModeAndSlope() throws {
        let fans = try Fans(shape: [64, 3, 3, 3])
        let fanOut = try #require(try rule(.heNormal, mode: .fanOut).variance(for: fans))
        #expect(abs(fanOut - 2.0 / 576) < 1e-15)
        let leaky = try #require(try rule(.heNormal, slope: 0.2).variance(for: fans))
        #expect(abs(leaky - 2 / (1.04 * 27)) < 1e-15)
    }

    /// C is the standard deviation of N(0, 1) on (−2, 2): E[Z²] = 1 − 2cφ(c)/P at c = 2.
    @Test func truncationConstantIsTheStandardDeviationOfTheCutNormal() {
        let density = exp(-2.0) / (2 * Double.pi).squareRoot()
        let inside = erf(2 / 2.0.squareRoot())
        let c = (1 - 4 * density / inside).squareRoot()
        #expect(abs(c - TruncatedNormal.unitStandardDeviation) < 1e-15)
        #expect(abs(c - 0.8796256610342398) < 1e-15)
    }

    @Test func gainTableIsCalculateGain() throws {
        #expect(Nonlinearity.linear.gain == 1)
        #expect(Nonlinearity.sigmoid.gain == 1)
        #expect(Nonlinearity.tanh.gain == 5.0 / 3)
        #expect(Nonlinearity.relu.gain == 2.0.squareRoot())
        #expect(Nonlinearity.selu.gain == 0.75)
        #expect(try Nonlinearity(name: "leaky_relu").gain == (2 / (1 + 0.01 * 0.01)).squareRoot())
        #expect(try Nonlinearity(name: "leaky-relu", slope: 0.2).gain == (2 / 1.04).squareRoot())
        for name in Nonlinearity.names {
            #expect(try Nonlinearity(name: name).name == name)
        }
    }
}
