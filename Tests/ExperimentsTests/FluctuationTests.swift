import Foundation
import Testing

@testable import Experiments
@testable import Numerics

@Suite struct FluctuationTests {
    static let experiment = Fluctuation(profile: .quick)
    static let result = experiment.run(random: RandomSource(seed: 1))

    @Test func everyCheckPasses() {
        let checks = Self.experiment.checks(Self.result)
        #expect(checks.map(\.id) == ["fluctuation/constant-8", "fluctuation/constant-16", "fluctuation/alternating-10-40"])
        #expect(checks.allSatisfy { $0.passed }, "\(checks.filter { !$0.passed })")
        #expect(Self.experiment.problems(in: Self.result).isEmpty)
        CheckPolicy.expectFollowed(checks)
    }

    /// The variances of independent layers add: the theory after each layer is the running sum
    /// of the layers' laws, and shapes of equal Σ 1/n_l agree to leading order only.
    @Test func theTheoryIsARunningSumOfTheLayers() {
        let shape = Fluctuation.Shape.alternating(10, 40, pairs: 2)
        let (narrow, wide) = (LayerRatioLaw(width: 10), LayerRatioLaw(width: 40))
        let sums = Fluctuation.theory(shape).map(\.variance)
        let expected = [
            narrow.variance, narrow.variance + wide.variance, 2 * narrow.variance + wide.variance,
            2 * (narrow.variance + wide.variance),
        ]
        #expect(zip(sums, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(shape.reciprocalSums.last == 2 * (0.1 + 0.025))
        let survival = Self.experiment.survival(shape)
        #expect(abs((survival.last ?? 0) - pow(1 - pow(2, -10), 2) * pow(1 - pow(2, -40), 2)) < 1e-15)
    }

    /// Networks whose widths differ but whose Σ 1/n_l is equal end with equal leading-order
    /// variance and different exact ones; the measurement tells the exact ones apart.
    @Test func theMeasurementSeparatesShapesOfEqualReciprocalSum() throws {
        let constant = try #require(Self.result.shapes.first { $0.shape.name == "constant-16" })
        let alternating = try #require(Self.result.shapes.first { $0.shape.name == "alternating-10-40" })
        #expect(constant.shape.reciprocalSums.last == alternating.shape.reciprocalSums.last)
        let (a, b) = (try #require(constant.layers.last), try #require(alternating.layers.last))
        let error = (a.varianceStandardError * a.varianceStandardError + b.varianceStandardError * b.varianceStandardError).squareRoot()
        #expect(b.variance - a.variance > 4 * error)
    }

    /// All-zero layers are left out from where they occur: at width 8 about 2^{−8} of the
    /// networks die per layer, and the count of survivors agrees with the binomial.
    @Test func deadNetworksAreCountedOut() throws {
        let narrow = try #require(Self.result.shapes.first { $0.shape.name == "constant-8" })
        let m = Double(narrow.shape.realisations)
        let p = try #require(Self.experiment.survival(narrow.shape).last)
        let alive = Double(try #require(narrow.layers.last).alive)
        #expect(alive < m)
        #expect(abs(alive - m * p) < 5 * (m * p * (1 - p)).squareRoot())
    }

    /// Each profile's shapes have the networks their check needs to tell a 10 % error apart:
    /// a relative standard error of the sample variance at most Significance's.
    @Test func everyShapeHasTheNetworksItsPowerNeeds() throws {
        let relative = Significance.relativeStandardErrorForPower(falseAlarmRate: Significance.falseAlarmRate)
        for profile in [Profile.quick, .handout, .paper] {
            for shape in Fluctuation(profile: profile).parameters.shapes {
                let sum = try #require(Fluctuation.theory(shape).last)
                let m = Double(shape.realisations)
                let error = ((2 + sum.fourthCumulant / (sum.variance * sum.variance)) / m).squareRoot()
                #expect(error <= relative && error > 0.9 * relative, "\(profile) \(shape.name)")
            }
        }
    }

    @Test func sameSeedSameResult() {
        let small = Fluctuation(
            parameters: Fluctuation.Parameters(
                inputWidth: 4, shapes: [Fluctuation.Shape(name: "small", widths: [3, 3], realisations: 600)], falseAlarmRate: 1e-5))
        let first = small.run(random: RandomSource(seed: 9))
        let second = small.run(random: RandomSource(seed: 9))
        #expect(first.shapes == second.shapes)
    }

    @Test func badParametersAreRefused() {
        var parameters = Self.experiment.parameters
        parameters.shapes = [
            Fluctuation.Shape(name: "a", widths: [], realisations: 100), Fluctuation.Shape(name: "a", widths: [0], realisations: 1),
        ]
        parameters.falseAlarmRate = 0.5
        #expect(
            Set(Fluctuation.problems(parameters).map(\.key)) == [
                "shapes[0].widths", "shapes[1].widths[0]", "shapes", "shapes[1].realisations", "false_alarm_rate",
            ])
        #expect(Fluctuation.problems(Self.experiment.parameters).isEmpty)
    }
}
