import Foundation
import Numerics
import Testing

@testable import Networks

@Suite struct ActivationTests {
    @Test func idsAndNamesRoundTrip() throws {
        #expect(Activation.catalogue.map(\.id) == ["sigmoid", "tanh", "relu", "leaky-relu", "softsign", "selu", "linear"])
        for activation in Activation.catalogue + [.leakyReLU(slope: 0.2)] {
            #expect(try Activation(name: activation.name) == activation)
            let json = try JSONEncoder().encode([activation])
            #expect(try JSONDecoder().decode([Activation].self, from: json) == [activation])
        }
        #expect(Activation.leakyReLU(slope: 0.2).name == "leaky-relu(0.2)")
        #expect(Activation.leakyReLU(slope: 0.01).name == "leaky-relu")
    }

    @Test func unknownNamesAreReportedWithTheChoices() {
        #expect(throws: UnknownActivation(name: "swish")) { try Activation(name: "swish") }
        #expect(throws: UnknownActivation(name: "leaky-relu(x)")) { try Activation(name: "leaky-relu(x)") }
        #expect(UnknownActivation(name: "swish").description.contains("softsign"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Activation].self, from: Data(#"["gelu"]"#.utf8)) }
    }

    @Test func gainsAreTorchs() {
        #expect(Activation.linear.gain == 1 && Activation.sigmoid.gain == 1)
        #expect(Activation.tanh.gain == 5.0 / 3)
        #expect(Activation.relu.gain == 2.0.squareRoot())
        #expect(abs(Activation.leakyReLU(slope: 0.2).gain - (2 / 1.04).squareRoot()) < 1e-15)
        #expect(Activation.selu.gain == 0.75)
        #expect(Activation.softsign.gain == 1 && Activation.softsign.nonlinearity == nil)
    }

    @Test(arguments: Activation.catalogue + [.leakyReLU(slope: 0.3)])
    func derivativeMatchesCentralDifferences(_ activation: Activation) {
        // In Double, a central difference with step h errs by h²·|φ‴|/6 ≈ 1e−12 plus rounding
        // ε·|φ|/h ≈ 1e−10: 1e−8 leaves room. The points avoid the kink at 0.
        let h = 1e-5
        for x in [-3.1, -0.7, -0.05, 0.04, 0.9, 2.5] {
            let difference = (activation.value(x + h) - activation.value(x - h)) / (2 * h)
            #expect(abs(activation.derivative(x) - difference) < 1e-8, "\(activation) at \(x)")
        }
    }

    @Test func knownValues() {
        #expect(Activation.relu.value(-2) == 0 && Activation.relu.value(3) == 3)
        #expect(Activation.leakyReLU(slope: 0.1).value(-2) == -0.2)
        #expect(Activation.softsign.value(1) == 0.5)
        #expect(abs(Activation.selu.value(1) - Activation.seluScale) < 1e-15)
        #expect(abs(Activation.selu.value(-50) + Activation.seluScale * Activation.seluAlpha) < 1e-12)
        #expect(abs(Activation.sigmoid.value(0) - 0.5) < 1e-15)
        #expect(Activation.relu.derivative(0) == 0)
    }

    @Test(arguments: Activation.catalogue)
    func floatBuffersAgreeWithTheDoubleFormulas(_ activation: Activation) {
        let xs: [Float] = (0..<201).map { Float($0 - 100) / 20 }
        var hs = [Float](repeating: 0, count: xs.count)
        var slopes = [Float](repeating: 1, count: xs.count)
        xs.withUnsafeBufferPointer { x in
            hs.withUnsafeMutableBufferPointer { h in activation.apply(x, into: h) }
            hs.withUnsafeBufferPointer { h in
                slopes.withUnsafeMutableBufferPointer { activation.multiplyByDerivative($0, preActivations: x, activations: h) }
            }
        }
        for i in xs.indices {
            let x = Double(xs[i])
            // Float evaluation: a few ulps of values of size ≤ 5·λ.
            #expect(abs(Double(hs[i]) - activation.value(x)) < 4e-6 * max(1, abs(activation.value(x))))
            #expect(abs(Double(slopes[i]) - activation.derivative(x)) < 4e-6 * max(1, abs(activation.derivative(x))))
        }
    }

    @Test func applyWorksInPlace() {
        var values: [Float] = [-1, 0.5, 2]
        values.withUnsafeMutableBufferPointer { buffer in
            Activation.relu.apply(UnsafeBufferPointer(buffer), into: buffer)
        }
        #expect(values == [0, 0.5, 2])
    }

    @Test func nanPassesThroughReLU() {
        #expect(Activation.relu.value(.nan).isNaN)
        #expect(Activation.leakyReLU(slope: 0.1).value(.nan).isNaN)
    }

    /// Reference values from 40-digit adaptive quadrature (mpmath, split at the kink).
    static let references: [(Activation, Double, Double, Double)] = [
        (.sigmoid, 0.01, 0.25062189693581391, 0.062190204178377764),
        (.sigmoid, 1, 0.29337903585809296, 0.044836241350194372),
        (.sigmoid, 100, 0.46074043989063592, 0.0066066455035341533),
        (.sigmoid, 10000, 0.49601123320316442, 0.00066486092372651973),
        (.tanh, 0.01, 0.0098054687555324056, 0.98067024346498152),
        (.tanh, 1, 0.39429449039784117, 0.46440290244826824),
        (.tanh, 100, 0.92053686343051667, 0.053106787748115834),
        (.tanh, 10000, 0.99202148248051304, 0.0053191446440146221),
        (.tanh, 1e-6, 9.9999800000566665e-7, 0.99999800000699997),
        (.tanh, 1e8, 0.99992021154424783, 5.3192303967760535e-5),
        (.softsign, 0.01, 0.0075106853456559953, 0.75678171099602424),
        (.softsign, 1, 0.1830140212665475, 0.2276713404221825),
        (.softsign, 100, 0.6774135028538579, 0.026487841935953768),
        (.softsign, 10000, 0.93327381870097516, 0.0026594853818651508),
        (.selu, 0.01, 0.018755888123241267, 1.8787293112628785),
        (.selu, 1, 0.99999999999999997, 1.0715749924557992),
        (.selu, 100, 56.561363160460663, 0.61348808710714215),
        (.selu, 10000, 5521.3897866664188, 0.55815160827619229),
    ]

    @Test(arguments: references)
    func momentsMatchHighPrecisionQuadrature(_ reference: (Activation, Double, Double, Double)) {
        let (activation, q, second, derivativeSecond) = reference
        // Each panel's error is below 1e−20; what remains is rounding in about 300 terms.
        #expect(abs(activation.secondMoment(variance: q) - second) < 1e-12 * second)
        #expect(abs(activation.derivativeSecondMoment(variance: q) - derivativeSecond) < 1e-12 * derivativeSecond)
    }

    @Test func gaussHermiteAgreesWhereItConverges() {
        // For smooth φ and q = 1, 100 Gauss–Hermite nodes err by about 1e−11 (tanh²) or less.
        let rule = GaussHermite(order: 100)
        for activation in [Activation.tanh, .sigmoid] {
            let second = rule.expectation { activation.value($0) * activation.value($0) }
            let derivative = rule.expectation { activation.derivative($0) * activation.derivative($0) }
            #expect(abs(second - activation.secondMoment(variance: 1)) < 1e-9)
            #expect(abs(derivative - activation.derivativeSecondMoment(variance: 1)) < 1e-9)
        }
    }

    @Test func closedFormsForThePiecewiseLinearOnes() {
        #expect(Activation.relu.secondMoment(variance: 3) == 1.5)
        #expect(Activation.relu.derivativeSecondMoment(variance: 3) == 0.5)
        #expect(abs(Activation.leakyReLU(slope: 0.5).secondMoment(variance: 2) - 1.25) < 1e-15)
        #expect(Activation.linear.secondMoment(variance: 2) == 2)
        // The quadrature agrees with the closed forms it stands in for.
        let relu = NormalExpectation.of(variance: 3) { x in x > 0 ? x * x : 0 }
        #expect(abs(relu - 1.5) < 1e-14)
    }

    @Test func seluFixesUnitVariance() {
        // Klambauer et al.: α and λ are chosen so that E[selu(z)²] = 1 at q = 1.
        #expect(abs(Activation.selu.secondMoment(variance: 1) - 1) < 1e-12)
        #expect(abs(NormalExpectation.of(variance: 1) { Activation.selu.value($0) }) < 1e-12)
    }

    @Test func zeroVarianceIsThePointValue() {
        #expect(Activation.sigmoid.secondMoment(variance: 0) == 0.25)
        #expect(Activation.tanh.derivativeSecondMoment(variance: 0) == 1)
    }
}
