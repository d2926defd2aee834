import Foundation
import Initializers
import Networks
import Numerics

/// Dynamical isometry at initialisation: the spectrum of the input–output Jacobian
/// J = D_L W_L ⋯ D_1 W_1 of deep networks (D_l = diag φ′(a_l) along one input), for Gaussian
/// against orthogonal weights and linear, ReLU and tanh units, each at its critical scale (tanh
/// twice: with small inputs and no bias, and with a bias at a point of the critical line); and
/// why the orthogonal rule corrects the signs of its QR factor.
///
/// Each layer's weights are drawn at unit scale (LeCun normal, Var(W) = 1/n, or the catalogue's
/// orthogonal rule with gain 1) and the activation's σ_w multiplies the layer: W = σ_w·W̃. That
/// is the same as drawing He normal or orthogonal with gain √2 for ReLU, and lets the three
/// activations of one realisation share their weights (one QR per layer instead of three), which
/// also makes their comparison sharper.
public struct Isometry: Experiment {
    public static let id = "isometry"

    /// How the weights are drawn.
    public enum WeightKind: String, Codable, Sendable, Hashable, CaseIterable {
        /// Independent N(0, σ_w²/n): the catalogue's LeCun normal times σ_w.
        case gaussian
        /// σ_w·Q with Q Haar-orthogonal: the catalogue's orthogonal rule with gain σ_w.
        case orthogonal

        var rule: Rule {
            switch self {
            case .gaussian: Rule.lecunNormalUnitScale
            case .orthogonal: Rule.orthogonalUnitGain
            }
        }
    }

    /// The activations, each at a weight scale σ_w² that keeps E[λ] near 1 (mean-field
    /// criticality): ``Isometry/weightScale(_:)``.
    public enum Unit: String, Codable, Sendable, Hashable, CaseIterable {
        case linear, relu, tanh
        /// tanh with biases N(0, σ_b²) at the critical σ_w² of that σ_b², from inputs at the
        /// fixed point q* of the length map (Pennington et al.'s points on the critical line).
        case tanhCritical = "tanh-critical"

        public var activation: Activation {
            switch self {
            case .linear: .linear
            case .relu: .relu
            case .tanh, .tanhCritical: .tanh
            }
        }
    }

    /// The singular-value spectra of the linear networks (Saxe et al.'s Figure 6B).
    public struct Spectrum: Codable, Sendable, Hashable {
        /// Depths whose spectra are taken; each must be one of ``Parameters/depths``.
        public var depths: [Int]
        /// How many of the realisations have their spectra taken (an eigenvalue solve each).
        public var realisations: Int
        public var bins: Int
        /// Singular values below this count as "tiny": directions the network all but erases.
        public var tinySingularValue: Double
    }

    /// The sign-correction demonstration: the first entry of many orthogonal draws.
    public struct SignCorrection: Codable, Sendable, Hashable {
        public var width: Int
        public var draws: Int
    }

    public struct Parameters: Codable, Sendable, Hashable {
        public var width: Int
        /// Depths L at which the Jacobian's moments are measured, increasing.
        public var depths: [Int]
        /// Independent networks per weight kind, whose spread gives the standard errors.
        public var realisations: Int
        /// The variance per unit of the tanh networks' input. Orthogonal tanh networks approach
        /// isometry when their units stay near the linear regime of tanh (Pennington et al.'s
        /// q* → 0); with σ_w = 1 the variance only shrinks with depth, so a small input variance
        /// keeps every layer there.
        public var tanhInputVariance: Double
        /// σ_b² of the tanh networks on the critical line. Small, so that q* is small and the
        /// spectrum narrow; but every layer keeps its variance q*, inputs need not shrink.
        public var criticalBiasVariance: Double
        public var spectrum: Spectrum
        public var signCorrection: SignCorrection
        /// The false-alarm rate of each check (see ``Check``).
        public var falseAlarmRate: Double
    }

    public let parameters: Parameters

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        switch profile {
        case .quick:
            self.init(
                parameters: Parameters(
                    width: 64, depths: [1, 2, 4, 8], realisations: 48, tanhInputVariance: 0.01, criticalBiasVariance: 0.001,
                    spectrum: Spectrum(depths: [1, 4, 8], realisations: 4, bins: 30, tinySingularValue: 0.01),
                    signCorrection: SignCorrection(width: 8, draws: 8000),
                    falseAlarmRate: Significance.falseAlarmRate))
        case .handout:
            self.init(
                parameters: Parameters(
                    width: 256, depths: [1, 2, 4, 8, 16, 32, 64], realisations: 24, tanhInputVariance: 0.01, criticalBiasVariance: 0.001,
                    spectrum: Spectrum(depths: [1, 8, 32], realisations: 2, bins: 48, tinySingularValue: 0.01),
                    signCorrection: SignCorrection(width: 32, draws: 10_000),
                    falseAlarmRate: Significance.falseAlarmRate))
        case .paper:
            // Saxe et al.'s width of 1000 for the spectra (they pool 500 products; two here, for
            // an eigenvalue solve of a 1000 × 1000 matrix takes tens of seconds).
            self.init(
                parameters: Parameters(
                    width: 1000, depths: [1, 2, 4, 8, 16, 32, 64], realisations: 16, tanhInputVariance: 0.01, criticalBiasVariance: 0.001,
                    spectrum: Spectrum(depths: [1, 8, 32], realisations: 2, bins: 60, tinySingularValue: 0.01),
                    signCorrection: SignCorrection(width: 100, draws: 20_000),
                    falseAlarmRate: Significance.falseAlarmRate))
        }
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        var problems: [ParameterProblem] = []
        // A realisation holds about ten n × n Double matrices at once (the three Jacobians, the
        // weights, a product and a Gram matrix), and two run at a time: 2048² · 8 bytes · 20 is
        // under 700 MB. The eigenvalue solve grows as n³ and dominates well before that.
        problems += ParameterProblem.outsideRanges([
            ("width", parameters.width, 2...2048), ("realisations", parameters.realisations, 2...100_000),
            ("spectrum.bins", parameters.spectrum.bins, 2...1000),
            ("sign_correction.width", parameters.signCorrection.width, 2...1024),
            ("sign_correction.draws", parameters.signCorrection.draws, 10...10_000_000),
        ])
        let depths = parameters.depths
        if depths.isEmpty {
            problems.append(ParameterProblem("depths", "needs at least one depth"))
        } else if !depths.allSatisfy({ (1...1000).contains($0) }) {
            problems.append(ParameterProblem("depths", "every depth must be from 1 to 1000"))
        } else if zip(depths, depths.dropFirst()).contains(where: { $0 >= $1 }) {
            problems.append(ParameterProblem("depths", "depths must increase"))
        }
        let spectrum = parameters.spectrum
        if spectrum.depths.isEmpty || !spectrum.depths.allSatisfy(depths.contains) {
            problems.append(ParameterProblem("spectrum.depths", "its depths must be among the depths \(depths)"))
        }
        if !(1...max(1, parameters.realisations)).contains(spectrum.realisations) {
            problems.append(
                ParameterProblem(
                    "spectrum.realisations", "\(spectrum.realisations) must be from 1 to the \(parameters.realisations) realisations"))
        }
        if !(spectrum.tinySingularValue > 0 && spectrum.tinySingularValue < 1) {
            problems.append(ParameterProblem("spectrum.tiny_singular_value", "must be between 0 and 1"))
        }
        if !(parameters.tanhInputVariance > 0 && parameters.tanhInputVariance <= 100) {
            problems.append(ParameterProblem("tanh_input_variance", "must be a positive number up to 100"))
        }
        if !(parameters.criticalBiasVariance > 0 && parameters.criticalBiasVariance <= 2) {
            problems.append(ParameterProblem("critical_bias_variance", "must be above 0 and at most 2"))
        }
        problems += Significance.problems(parameters.falseAlarmRate)
        return problems
    }

    // MARK: Result

    /// The moments of the eigenvalues λ of JJᵀ for one network at one depth.
    public struct JacobianMoments: Codable, Sendable, Hashable {
        public var kind: WeightKind
        public var unit: Unit
        public var realisation: Int
        public var depth: Int
        /// m₁ = tr(JJᵀ)/n, the mean of λ.
        public var mean: Double
        /// Var(λ) = m₂ − m₁² = ‖JJᵀ − m₁I‖²_F / n, computed without the cancellation.
        public var variance: Double
        /// sqrt(mean of (λ − 1)²) = sqrt(Var(λ) + (m₁ − 1)²): the distance from an isometry.
        public var rootMeanSquareFromOne: Double

        /// m₂ = tr((JJᵀ)²)/n.
        public var secondMoment: Double { variance + mean * mean }
    }

    /// The singular values of one linear network's Jacobian, in increasing order.
    public struct SpectrumRun: Codable, Sendable, Hashable {
        public var kind: WeightKind
        public var depth: Int
        public var realisation: Int
        public var singularValues: [Double]
    }

    /// The first entry W₁₁ of many orthogonal draws, with and without the sign correction.
    public struct SignRun: Codable, Sendable, Hashable {
        public var corrected: Bool
        public var draws: Int
        public var negatives: Int
        public var mean: Double
        public var sampleVariance: Double
        /// The mean and sample variance of W₁₁², for E[W₁₁²] = 1/n.
        public var meanSquare: Double
        public var squareSampleVariance: Double
        /// Counts of √n·W₁₁ over equal bins from −3 to 3.
        public var histogram: [Int]
    }

    public struct Result: Codable, Sendable {
        public var moments: [JacobianMoments]
        public var spectra: [SpectrumRun]
        public var signs: [SignRun]
    }

    // MARK: Run

    enum Job: Sendable {
        case network(WeightKind, realisation: Int)
        case signs(chunk: Int)
    }

    enum JobResult: Sendable {
        case network([JacobianMoments], [SpectrumRun])
        case signs(corrected: [Double], uncorrected: [Double])
    }

    static let signChunk = 1000

    var jobs: [Job] {
        var jobs: [Job] = []
        for realisation in 0..<parameters.realisations {
            for kind in WeightKind.allCases { jobs.append(.network(kind, realisation: realisation)) }
        }
        let chunks = (parameters.signCorrection.draws + Self.signChunk - 1) / Self.signChunk
        jobs += (0..<chunks).map { .signs(chunk: $0) }
        return jobs
    }

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        let jobs = jobs
        progress.expect(jobs.count)
        let outputs = ParallelMap.map(jobs) { job -> JobResult in
            defer { progress.advance() }
            switch job {
            case .network(let kind, let realisation):
                let (moments, spectra) = runNetworks(
                    kind, realisation: realisation, random: random.derived("network/\(kind.rawValue)/\(realisation)"))
                return .network(moments, spectra)
            case .signs(let chunk):
                return runSigns(chunk: chunk, random: random.derived("signs"))
            }
        }
        var result = Result(moments: [], spectra: [], signs: [])
        var corrected: [Double] = [], uncorrected: [Double] = []
        for output in outputs {
            switch output {
            case .network(let moments, let spectra):
                result.moments += moments
                result.spectra += spectra
            case .signs(let c, let u):
                corrected += c
                uncorrected += u
            }
        }
        result.signs = [
            Self.summarise(corrected, corrected: true, width: parameters.signCorrection.width),
            Self.summarise(uncorrected, corrected: false, width: parameters.signCorrection.width),
        ]
        return result
    }

    /// The three networks (one per unit) of one realisation, which share their weights up to the
    /// factor σ_w: the moments of JJᵀ at every recorded depth, and the linear network's spectra.
    func runNetworks(_ kind: WeightKind, realisation: Int, random: RandomSource) -> ([JacobianMoments], [SpectrumRun]) {
        let n = parameters.width
        let maxDepth = parameters.depths.last ?? 0
        let recorded = Set(parameters.depths)
        let spectrumDepths = realisation < parameters.spectrum.realisations ? Set(parameters.spectrum.depths) : []
        var inputStream = random.derived("input")
        let input = (0..<n).map { _ in inputStream.nextNormal() }
        let units = Self.units(kind)
        let critical = criticalPoint
        var signals = units.map { unit in input.map { $0 * inputVariance(unit, critical).squareRoot() } }
        // The Jacobians so far, row-major n × n; nil before the first layer (the identity).
        var jacobians = [[Double]?](repeating: nil, count: units.count)
        var moments: [JacobianMoments] = []
        var spectra: [SpectrumRun] = []
        for layer in 1...max(1, maxDepth) {
            var stream = random.derived("weights/\(layer)")
            var weights = Matrix(rows: n, columns: n)
            kind.rule.initialize(&weights, using: &stream)
            let w = weights.elements.map(Double.init)
            var biasStream = random.derived("biases/\(layer)")
            let biases = (0..<n).map { _ in biasStream.nextNormal() }
            for (index, unit) in units.enumerated() {
                let scale = weightScale(unit, critical).squareRoot()
                let biasScale = unit == .tanhCritical ? critical.biasVariance.squareRoot() : 0
                let activation = unit.activation
                let h = signals[index]
                var slopes = [Double](repeating: 0, count: n)
                for i in 0..<n {
                    var a = 0.0
                    for j in 0..<n { a += w[i * n + j] * h[j] }
                    a = a * scale + biasScale * biases[i]
                    slopes[i] = scale * activation.derivative(a)
                    signals[index][i] = activation.value(a)
                }
                // J ← D·W·J, with D carrying σ_w.
                var next = jacobians[index].map { DoubleProducts.product(w, rows: n, inner: n, $0, columns: n) } ?? w
                for i in 0..<n {
                    let slope = slopes[i]
                    for j in 0..<n { next[i * n + j] *= slope }
                }
                jacobians[index] = next
                guard recorded.contains(layer) else { continue }
                let gram = DoubleProducts.gram(next, rows: n, columns: n)
                moments.append(Self.moments(gram, n: n, kind: kind, unit: unit, realisation: realisation, depth: layer))
                if unit == .linear && spectrumDepths.contains(layer) {
                    // Eigenvalues of JJᵀ are the squared singular values; rounding can leave the
                    // smallest a hair below zero.
                    let eigenvalues = (try? SymmetricEigen.eigenvalues(gram, order: n)) ?? []
                    spectra.append(
                        SpectrumRun(
                            kind: kind, depth: layer, realisation: realisation, singularValues: eigenvalues.map { max($0, 0).squareRoot() })
                    )
                }
            }
        }
        return (moments, spectra)
    }

    /// The units built with weights of a kind. The biased tanh networks are built with
    /// orthogonal weights only: Gaussian weights add about 1 to Var(λ)/m₁² per layer whatever
    /// the units (the unbiased Gaussian tanh networks show it), and leaving them out keeps the
    /// experiment's cost.
    public static func units(_ kind: WeightKind) -> [Unit] {
        kind == .orthogonal ? Unit.allCases : Unit.allCases.filter { $0 != .tanhCritical }
    }

    /// The point of tanh's critical line at σ_b² = ``Parameters/criticalBiasVariance``.
    public var criticalPoint: Criticality.Point {
        Criticality(activation: .tanh).criticalWeightVariance(biasVariance: parameters.criticalBiasVariance)
    }

    /// σ_w²: 1 for linear and tanh (tanh′(0) = 1), 2 for ReLU (He's factor), and the critical
    /// line's σ_w² for the tanh networks with a bias.
    public func weightScale(_ unit: Unit, _ critical: Criticality.Point? = nil) -> Double {
        switch unit {
        case .linear, .tanh: 1
        case .relu: 2
        case .tanhCritical: (critical ?? criticalPoint).weightVariance
        }
    }

    /// E[x²] per unit of the input. The biased tanh networks start at the fixed point: the
    /// first pre-activations have variance σ_w²·E[x²] + σ_b² = q*.
    func inputVariance(_ unit: Unit, _ critical: Criticality.Point? = nil) -> Double {
        switch unit {
        case .linear, .relu: return 1
        case .tanh: return parameters.tanhInputVariance
        case .tanhCritical:
            let point = critical ?? criticalPoint
            return (point.fixedPoint - point.biasVariance) / point.weightVariance
        }
    }

    static func moments(_ gram: [Double], n: Int, kind: WeightKind, unit: Unit, realisation: Int, depth: Int) -> JacobianMoments {
        var trace = 0.0
        for i in 0..<n { trace += gram[i * n + i] }
        let mean = trace / Double(n)
        var squares = 0.0
        for i in 0..<n {
            for j in 0..<n {
                let deviation = gram[i * n + j] - (i == j ? mean : 0)
                squares += deviation * deviation
            }
        }
        let variance = squares / Double(n)
        return JacobianMoments(
            kind: kind, unit: unit, realisation: realisation, depth: depth, mean: mean, variance: variance,
            rootMeanSquareFromOne: (variance + (mean - 1) * (mean - 1)).squareRoot())
    }

    /// W₁₁ of the draws of one chunk, from the catalogue's orthogonal rule and from the same
    /// Gaussian matrices without the sign correction.
    func runSigns(chunk: Int, random: RandomSource) -> JobResult {
        let setup = parameters.signCorrection
        let draws = (chunk * Self.signChunk)..<min(setup.draws, (chunk + 1) * Self.signChunk)
        var corrected: [Double] = [], uncorrected: [Double] = []
        for draw in draws {
            let stream = random.derived("\(draw)")
            var first = stream, second = stream
            var weights = Matrix(rows: setup.width, columns: setup.width)
            Rule.orthogonalUnitGain.initialize(&weights, using: &first)
            corrected.append(Double(weights[0, 0]))
            uncorrected.append(Double(Rule.uncorrectedOrthogonal(rows: setup.width, columns: setup.width, using: &second)[0, 0]))
        }
        return .signs(corrected: corrected, uncorrected: uncorrected)
    }

    /// Bins of the histograms of √n·W₁₁, over −3 to 3.
    public static let signHistogramBins = 24

    static func summarise(_ values: [Double], corrected: Bool, width: Int) -> SignRun {
        let plain = Moments(values)
        let squares = Moments(values.map { $0 * $0 })
        var histogram = [Int](repeating: 0, count: signHistogramBins)
        let root = Double(width).squareRoot()
        for value in values {
            let scaled = value * root
            guard scaled >= -3 && scaled <= 3 else { continue }
            histogram[min(signHistogramBins - 1, Int((scaled + 3) / 6 * Double(signHistogramBins)))] += 1
        }
        return SignRun(
            corrected: corrected, draws: values.count, negatives: values.filter { $0 < 0 }.count,
            mean: plain.mean, sampleVariance: plain.sampleVariance,
            meanSquare: squares.mean, squareSampleVariance: squares.sampleVariance, histogram: histogram)
    }
}

extension Rule {
    // Both take no parameters, so the catalogue cannot refuse them; the fallback is never used.
    /// The catalogue's LeCun normal, N(0, 1/fan_in).
    static let lecunNormalUnitScale: Rule = (try? Rule(.lecunNormal)) ?? .fanInUniform
    /// The catalogue's orthogonal rule with gain 1.
    static let orthogonalUnitGain: Rule = (try? Rule(.orthogonal)) ?? .fanInUniform
}
