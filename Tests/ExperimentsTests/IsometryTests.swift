import Foundation
import Testing

@testable import Experiments
@testable import Initializers
@testable import Numerics

@Suite struct IsometryTests {
    static let experiment = Isometry(profile: .quick)
    static let result = experiment.run(random: Isometry.stream(seed: 1))
    static let checks = experiment.checks(result)

    @Test func quickProfileChecksPass() {
        let failed = Self.checks.filter { !$0.passed }
        #expect(failed.isEmpty, "\(failed)")
        let depths = Self.experiment.checkedDepths(upTo: 64, atLeast: 2)
        #expect(depths == [1, 2] && Self.experiment.checkedDepths(upTo: 8) == [1, 2, 4, 8])
        CheckPolicy.expectFollowed(Self.checks)
        #expect(
            Self.checks.map(\.id).sorted()
                == (depths.map { "isometry/gaussian-linear/second-moment/L=\($0)" } + [
                    "isometry/gaussian-linear/mean", "isometry/gaussian-relu/mean", "isometry/orthogonal-linear/isometry",
                    "isometry/orthogonal-relu/mean",
                    "isometry/qr/corrected-mean", "isometry/qr/corrected-negative-fraction", "isometry/qr/corrected-second-moment",
                    "isometry/qr/uncorrected-mean", "isometry/qr/uncorrected-negative-fraction",
                    "isometry/tanh-critical/gaussian-tanh-wider", "isometry/tanh-critical/relu-wider",
                ]).sorted())
        #expect(Self.checks.allSatisfy { $0.tolerance.isFinite && $0.tolerance >= 0 })
    }

    @Test func everyCellHasEveryRealisationAndDepth() {
        let parameters = Self.experiment.parameters
        #expect(Self.result.moments.count == (2 * 4 - 1) * parameters.realisations * parameters.depths.count)
        #expect(Self.result.spectra.count == 2 * parameters.spectrum.realisations * parameters.spectrum.depths.count)
        #expect(Self.result.spectra.allSatisfy { $0.singularValues.count == parameters.width })
        #expect(Self.result.signs.map(\.draws) == [parameters.signCorrection.draws, parameters.signCorrection.draws])
    }

    @Test func orthogonalLinearProductsAreIsometries() {
        let n = Self.experiment.parameters.width
        for run in Self.result.moments where run.kind == .orthogonal && run.unit == .linear {
            let bound = IsometryTheory.orthogonalRoundingBound(width: n, depth: run.depth)
            #expect(run.rootMeanSquareFromOne <= bound, "depth \(run.depth): \(run.rootMeanSquareFromOne)")
            #expect(abs(run.mean - 1) <= bound && run.variance <= bound * bound)
        }
        for spectrum in Self.result.spectra where spectrum.kind == .orthogonal {
            let bound = IsometryTheory.orthogonalRoundingBound(width: n, depth: spectrum.depth)
            #expect(spectrum.singularValues.allSatisfy { abs($0 * $0 - 1) <= bound })
        }
        // Gaussian products are not: at the deepest spectrum a share of the singular values is tiny.
        let deepest = Self.experiment.parameters.spectrum.depths.last ?? 1
        let gaussian = Self.result.spectra.filter { $0.kind == .gaussian && $0.depth == deepest }.flatMap(\.singularValues)
        #expect(gaussian.filter { $0 < 0.01 }.count > gaussian.count / 10)
        #expect((gaussian.max() ?? 0) > 2)
    }

    @Test func spectraAgreeWithTheMoments() {
        // The eigenvalues of JJᵀ from the solver and the moments from the Gram matrix are two
        // computations of the same numbers.
        for spectrum in Self.result.spectra {
            guard
                let moments = Self.result.moments.first(where: {
                    $0.kind == spectrum.kind && $0.unit == .linear && $0.depth == spectrum.depth && $0.realisation == spectrum.realisation
                })
            else {
                Issue.record("no moments for \(spectrum.kind) at depth \(spectrum.depth)")
                continue
            }
            let lambdas = spectrum.singularValues.map { $0 * $0 }
            let mean = lambdas.reduce(0, +) / Double(lambdas.count)
            let second = lambdas.reduce(0) { $0 + $1 * $1 } / Double(lambdas.count)
            #expect(abs(mean - moments.mean) < 1e-9 * max(1, moments.mean))
            #expect(abs(second - moments.secondMoment) < 1e-9 * max(1, moments.secondMoment))
        }
    }

    @Test func exactRecursionByHand() {
        // One layer: E[m₂] = 2 + 1/n. Two layers: b₂ = (1 + 1/n)(2 + 1/n) + 1 + 2/n² = 3 + 3/n + 3/n².
        for n in [1, 3, 10, 256] {
            let x = Double(n)
            let one = IsometryTheory.gaussianLinearExact(width: n, depth: 1)
            #expect(abs(one.secondMoment - (2 + 1 / x)) < 1e-12)
            #expect(abs(one.meanSquareOfMean - (1 + 2 / (x * x))) < 1e-12)
            #expect(abs(IsometryTheory.gaussianLinearExact(width: n, depth: 2).secondMoment - (3 + 3 / x + 3 / (x * x))) < 1e-12)
        }
        #expect(IsometryTheory.gaussianLinearExact(width: 5, depth: 0) == (1, 1))
        // For large n, E[m₂] → L + 1, and the finite-width excess is positive.
        let wide = IsometryTheory.gaussianLinearExact(width: 1_000_000, depth: 64).secondMoment
        #expect(abs(wide - 65) < 0.01 && wide > 65)
    }

    @Test func exactRecursionAgreesWithSimulationAtTinyWidth() {
        // n = 3, L = 2: products of 3 × 3 Gaussian matrices in Double, E[m₂] against the
        // recursion, within five standard errors of 40 000 draws.
        let n = 3, depth = 2, draws = 40_000
        var random = RandomSource(seed: 9)
        var second = Moments(), squaredMean = Moments()
        for _ in 0..<draws {
            var m = [Double](repeating: 0, count: n * n)
            for i in 0..<n { m[i * n + i] = 1 }
            for _ in 0..<depth {
                let w = (0..<(n * n)).map { _ in random.nextNormal() / Double(n).squareRoot() }
                m = DoubleProducts.product(w, rows: n, inner: n, m, columns: n)
            }
            let gram = DoubleProducts.gram(m, rows: n, columns: n)
            let moments = Isometry.moments(gram, n: n, kind: .gaussian, unit: .linear, realisation: 0, depth: depth)
            second.add(moments.secondMoment)
            squaredMean.add(moments.mean * moments.mean)
        }
        let exact = IsometryTheory.gaussianLinearExact(width: n, depth: depth)
        #expect(
            abs(second.mean - exact.secondMoment) < 5 * (second.sampleVariance / Double(draws)).squareRoot(),
            "\(second.mean) vs \(exact.secondMoment)")
        #expect(abs(squaredMean.mean - exact.meanSquareOfMean) < 5 * (squaredMean.sampleVariance / Double(draws)).squareRoot())
        // The large-n value L + 1 = 3 is far outside: the test can tell the two apart.
        #expect(abs(second.mean - 3) > 5 * (second.sampleVariance / Double(draws)).squareRoot())
    }

    @Test func meanFieldTheoryMatchesTheKnownCases() {
        let depths = [1, 4, 16]
        let gaussianLinear = IsometryTheory.meanField(.gaussian, .linear, weightScale: 1, inputVariance: 1, depths: depths)
        let gaussianReLU = IsometryTheory.meanField(.gaussian, .relu, weightScale: 2, inputVariance: 1, depths: depths)
        let orthogonalReLU = IsometryTheory.meanField(.orthogonal, .relu, weightScale: 2, inputVariance: 1, depths: depths)
        let orthogonalLinear = IsometryTheory.meanField(.orthogonal, .linear, weightScale: 1, inputVariance: 1, depths: depths)
        for (i, depth) in depths.enumerated() {
            let l = Double(depth)
            #expect(gaussianLinear[i].mean == 1 && abs(gaussianLinear[i].variance - l) < 1e-12)
            #expect(abs(gaussianReLU[i].mean - 1) < 1e-12 && abs(gaussianReLU[i].variance - 2 * l) < 1e-12)
            #expect(abs(orthogonalReLU[i].variance - l) < 1e-12)
            #expect(orthogonalLinear[i].variance == 0)
        }
        // Orthogonal tanh near its linear regime: tiny spread, far below the Gaussian's ≈ L.
        let tanh = IsometryTheory.meanField(.orthogonal, .tanh, weightScale: 1, inputVariance: 0.01, depths: [64])[0]
        let gaussianTanh = IsometryTheory.meanField(.gaussian, .tanh, weightScale: 1, inputVariance: 0.01, depths: [64])[0]
        #expect(tanh.variance > 0 && tanh.variance < 0.05)
        #expect(gaussianTanh.variance > 5 && tanh.mean < 1 && tanh.mean > 0.3)
    }

    /// On the critical line the length map stays at q*, so every layer has χ₁ = 1: m₁ = 1 at
    /// every depth, and Var(λ) = L·v_D grows linearly, v_D = E[φ′⁴]/E[φ′²]² − 1 at q*, far below
    /// the Gaussian L·(1 + v_D). The biased networks start from inputs that put the first layer at q*.
    @Test func theCriticalPointKeepsTheMeanAtOneWithoutShrinkingInputs() {
        let experiment = Self.experiment
        let point = experiment.criticalPoint
        #expect(point.biasVariance == 0.001 && point.fixedPoint > 0.1 && point.fixedPoint < 0.11)
        #expect(
            abs(experiment.weightScale(.tanhCritical) * experiment.inputVariance(.tanhCritical) + point.biasVariance - point.fixedPoint)
                < 1e-12)
        let orthogonal = experiment.meanField(.orthogonal, .tanhCritical)
        let gaussian = experiment.meanField(.gaussian, .tanhCritical)
        let tanh = Isometry.Unit.tanhCritical.activation
        let q = point.fixedPoint
        let second = tanh.derivativeSecondMoment(variance: q), fourth = tanh.derivativeFourthMoment(variance: q)
        let perLayer = fourth / (second * second) - 1
        for (i, depth) in experiment.parameters.depths.enumerated() {
            #expect(abs(orthogonal[i].mean - 1) < 1e-6)
            #expect(abs(orthogonal[i].variance - Double(depth) * perLayer) < 1e-5 * Double(depth))
            #expect(abs(gaussian[i].variance - Double(depth) * (1 + perLayer)) < 1e-5 * Double(depth))
        }
        #expect(perLayer > 0.03 && perLayer < 0.06)
    }

    @Test func signCorrectionIsWhatMakesQRUniform() {
        let corrected = Self.result.signs.first { $0.corrected }, uncorrected = Self.result.signs.first { !$0.corrected }
        #expect(uncorrected?.negatives == uncorrected?.draws)
        let fraction = Double(corrected?.negatives ?? 0) / Double(corrected?.draws ?? 1)
        #expect(fraction > 0.4 && fraction < 0.6)
        // From the same stream the two factor the same Gaussian matrix: equal up to column signs.
        var first = RandomSource(seed: 4), second = RandomSource(seed: 4)
        var w = Matrix(rows: 5, columns: 5)
        Rule.orthogonalUnitGain.initialize(&w, using: &first)
        let q = Rule.uncorrectedOrthogonal(rows: 5, columns: 5, using: &second)
        #expect(q[0, 0] <= 0)
        for column in 0..<5 {
            let sign: Float = w[0, column] * q[0, column] < 0 ? -1 : 1
            #expect((0..<5).allSatisfy { w[$0, column] == sign * q[$0, column] })
        }
        #expect(abs(IsometryTheory.absoluteFirstEntry(width: 2) - 2 / Double.pi) < 1e-14)
    }

    @Test func sameSeedSameResult() throws {
        let experiment = Isometry(parameters: Self.smallParameters)
        let a = experiment.run(random: Isometry.stream(seed: 7)), b = experiment.run(random: Isometry.stream(seed: 7))
        let c = experiment.run(random: Isometry.stream(seed: 8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(a) == encoder.encode(b))
        #expect(try encoder.encode(a) != encoder.encode(c))
    }

    static var smallParameters: Isometry.Parameters {
        var parameters = Isometry(profile: .quick).parameters
        parameters.width = 8
        parameters.depths = [1, 3]
        parameters.realisations = 2
        parameters.spectrum.depths = [3]
        parameters.spectrum.realisations = 1
        parameters.signCorrection.draws = 20
        return parameters
    }

    @Test func problemsAreRefused() {
        #expect(Isometry.problems(Isometry(profile: .quick).parameters).isEmpty)
        #expect(Isometry.problems(Isometry(profile: .handout).parameters).isEmpty)
        #expect(Isometry.problems(Isometry(profile: .paper).parameters).isEmpty)
        func keys(_ change: (inout Isometry.Parameters) -> Void) -> [String] {
            var parameters = Self.smallParameters
            change(&parameters)
            return Isometry.problems(parameters).map(\.key)
        }
        #expect(keys { $0.width = 100_000 } == ["width"])
        #expect(keys { $0.width = 1 } == ["width"])
        #expect(keys { $0.realisations = 1 } == ["realisations"])
        #expect(keys { $0.depths = [] }.contains("depths"))
        #expect(keys { $0.depths = [3, 1] } == ["depths"])
        #expect(keys { $0.depths = [0, 3] } == ["depths"])
        #expect(keys { $0.spectrum.depths = [2] } == ["spectrum.depths"])
        #expect(keys { $0.spectrum.realisations = 3 } == ["spectrum.realisations"])
        #expect(keys { $0.spectrum.tinySingularValue = 0 } == ["spectrum.tiny_singular_value"])
        #expect(keys { $0.signCorrection.draws = 1 } == ["sign_correction.draws"])
        #expect(keys { $0.tanhInputVariance = -1 } == ["tanh_input_variance"])
        #expect(keys { $0.criticalBiasVariance = 0 } == ["critical_bias_variance"])
        #expect(keys { $0.falseAlarmRate = .nan } == ["false_alarm_rate"])
    }
}
