import Foundation
import Testing

@testable import Experiments
@testable import Networks
@testable import Numerics

@Suite struct PropagationTests {
    static let checks: [Check] = {
        let experiment = Propagation(profile: .quick)
        return experiment.checks(experiment.run(random: Propagation.stream(seed: 1)))
    }()

    @Test func everyCheckPasses() {
        let failed = Self.checks.filter { !$0.passed }
        #expect(failed.isEmpty, "\(failed)")
        CheckPolicy.expectFollowed(Self.checks)
        let ids = Set(Self.checks.map(\.id))
        #expect(ids.count == Self.checks.count)
        for id in [
            "propagation/factor/linear/normal/forward", "propagation/factor/linear/sparse/forward",
            "propagation/factor/linear/identity/forward",
            "propagation/factor/relu/identity/forward", "propagation/batchnorm/relu/he-normal", "propagation/batchnorm/relu/normal",
        ] {
            #expect(ids.contains(id), "\(id) is missing")
        }
        // Every rule with a variance gets the batch-normalisation claim; the identity has none.
        #expect(Self.checks.filter { $0.id.hasPrefix("propagation/batchnorm/relu/") }.count == 7)
    }

    /// The violins' samples visit every unit of a layer, not a few columns of the batch × width
    /// matrix: the stride shares no factor with the width in any profile.
    @Test(arguments: [Profile.quick, .handout, .paper])
    func reluSamplesVisitEveryUnit(profile: Profile) {
        let setup = Propagation(profile: profile).parameters.reluScale
        var (a, b) = (Propagation.sampleStride, setup.width)
        while b != 0 { (a, b) = (b, a % b) }
        #expect(a == 1, "a stride of \(Propagation.sampleStride) over \(setup.width) units sees \(setup.width / a) of them")
        let run = Propagation(profile: profile).runScale(0.14, random: Propagation.stream(seed: 3))
        let units = Set(stride(from: 0, to: setup.batch * setup.width, by: Propagation.sampleStride).map { $0 % setup.width })
        #expect(units.count == setup.width)
        #expect(run.samples.allSatisfy { $0.count == (setup.batch * setup.width + Propagation.sampleStride - 1) / Propagation.sampleStride })
    }

    @Test func batchNormClaimSeparatesTheHalfFromTheWhole() throws {
        // The claim is σ_w²/2; the same measurement must be far from σ_w² (the claim without
        // the ReLU's half), or the check could not tell them apart.
        let check = try #require(Self.checks.first { $0.id == "propagation/batchnorm/relu/he-normal" })
        #expect(abs(check.expected - 0.5 * 2) < 1e-3)
        #expect(abs(check.measured - 2 * check.expected) > 3 * check.tolerance)
    }

    @Test func kumarsLogisticFixedPointIsAFixedPoint() {
        let scale = KumarLogistic.scale, q = KumarLogistic.fixedPoint
        #expect(abs(scale - 12.8) < 1e-9)
        #expect(abs(scale * Activation.sigmoid.secondMoment(variance: q) - q) < 1e-9 * q)
        // A logistic output cannot reach the variance 1 the rule assumes: at most 1/4.
        let outputVariance = KumarLogistic.outputVariance
        #expect(outputVariance > 0 && outputVariance < 0.25)
        #expect(abs(outputVariance - (q / scale - 0.25)) < 1e-12)
    }

    @Test func linearTheoryIsThePowerOfTheWeightScale() {
        // Linear units, σ_w² = 1/3: both passes shrink by 1/3 per layer, from q₁ = 1/3.
        let field = MeanField(activation: .linear, weightScales: Array(repeating: 1.0 / 3, count: 5))
        let forward = field.forward()
        #expect(forward.count == 4)
        for (layer, q) in forward.enumerated() { #expect(abs(q - pow(1.0 / 3, Double(layer + 1))) < 1e-15) }
        let backward = field.backward()
        for (layer, g) in backward.enumerated() { #expect(abs(g - pow(1.0 / 3, Double(4 - layer))) < 1e-15) }
    }

    @Test func reluScaleTheoryIsLevelAtHesStandardDeviation() {
        let experiment = Propagation(profile: .quick)
        let width = Double(experiment.parameters.reluScale.width)
        let level = experiment.reluScaleTheory((2 / width).squareRoot())
        #expect(level.count == experiment.parameters.reluScale.depth)
        for rms in level { #expect(abs(rms - 1) < 1e-12) }
        #expect(abs(experiment.reluScaleFactor((2 / width).squareRoot()) - 1) < 1e-12)
        let halving = experiment.reluScaleTheory((1 / width).squareRoot())
        for (upper, lower) in zip(halving.dropFirst(), halving) { #expect(abs(upper * upper / (lower * lower) - 0.5) < 1e-12) }
    }

    @Test func reluTheoryHalvesUnderLeCun() {
        let field = MeanField(activation: .relu, weightScales: Array(repeating: 1, count: 4))
        let q = field.forward()
        #expect(abs(q[1] / q[0] - 0.5) < 1e-12 && abs(q[2] / q[1] - 0.5) < 1e-12)
    }

    @Test func selectionFindsTheQuantile() {
        var random = RandomSource(seed: 2)
        var values = [Float](repeating: 0, count: 10_001)
        values.withUnsafeMutableBufferPointer { random.fillNormal($0) }
        let matrix = Matrix(rows: 1, columns: values.count, elements: values)
        let sorted = values.map { abs($0) }.sorted()
        for p in [0.0, 0.5, 0.98, 1.0] {
            let k = min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.down)))
            #expect(LayerStatistics.absolutePercentile(matrix, p) == Double(sorted[k]))
        }
    }

    @Test func saturationRegionsSitWhereTheDerivativeIsATenth() {
        // tanh′(a) = 1 − tanh²(a) = 0.1 at a = atanh(√0.9).
        let cut = atanh(0.9.squareRoot())
        let tanh = SaturationRegion(.tanh)
        #expect(tanh.contains(Float(cut + 1e-3)) && tanh.contains(Float(-cut - 1e-3)) && !tanh.contains(Float(cut - 1e-3)))
        // σ′ = 0.025 where σ(1 − σ) = 0.025.
        let sigmoidCut = log((1 + (1 - 0.1).squareRoot()) / (1 - (1 - 0.1).squareRoot()))
        #expect(
            SaturationRegion(.sigmoid).contains(Float(sigmoidCut + 1e-3)) && !SaturationRegion(.sigmoid).contains(Float(sigmoidCut - 1e-3)))
        #expect(SaturationRegion(.relu).contains(-1e-6) && !SaturationRegion(.relu).contains(1e-6))
        #expect(!SaturationRegion(.linear).contains(1e6))
    }

    /// The count over a layer is the per-value test, summed.
    @Test func saturationCountAgreesWithTheRegion() {
        var random = RandomSource(seed: 2)
        let values = (0..<4001).map { _ in Float(random.nextNormal() * 3) }
        for activation in [Activation.tanh, .sigmoid, .relu, .linear, .selu] {
            let region = SaturationRegion(activation)
            #expect(values.withUnsafeBufferPointer { region.count(in: $0) } == values.filter(region.contains).count)
        }
    }

    /// The interleaved Double sums give E[v²] and the mean of a layer, its length not a
    /// multiple of four, as one running sum does to rounding.
    @Test func layerMomentsAreTheSums() {
        var random = RandomSource(seed: 6)
        var matrix = Matrix(rows: 37, columns: 11)
        for i in 0..<matrix.count { matrix.elements[i] = Float(random.nextNormal() * 2 + 0.5) }
        let values = matrix.elements.map(Double.init)
        let statistics = LayerStatistics.measure(matrix, percentileOf: matrix, activation: nil, preActivations: nil)
        let secondMoment = values.reduce(0) { $0 + $1 * $1 } / Double(values.count)
        #expect(abs(statistics.secondMoment - secondMoment) <= 1e-14 * secondMoment)
        #expect(abs(statistics.mean - values.reduce(0, +) / Double(values.count)) <= 1e-14)
        #expect(LayerStatistics.secondMoment(matrix) == statistics.secondMoment)
    }
}
