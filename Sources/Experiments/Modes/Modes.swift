import Initializers
import Networks
import Numerics
import TextSupport

/// He et al.'s rule in a network whose width changes from layer to layer. Its two modes: ReLU
/// units with He normal weights scaled by the fan-in (which keeps the forward variance) or by
/// the fan-out (which keeps the backward one); the other pass then changes by a ratio of widths
/// that does not grow with depth, which is why either mode suffices. And its slope: leaky ReLU
/// units of slope a keep (1 + a²)/2 of the second moment, so the rule divides by 1 + a²; the
/// plain ReLU rule on such units grows the variance by 1 + a² per layer.
public struct Modes: Experiment {
    public static let id = "modes"

    /// One kind of network: the activation's negative slope a, the slope b the rule assumes
    /// (Var(W) = 2/((1 + b²)·fan)), and the mode that picks the fan.
    public struct Variant: Codable, Sendable, Hashable {
        public var mode: FanMode
        public var slope: Double
        public var ruleSlope: Double

        /// How check ids and random streams name it.
        var id: String {
            slope == 0 ? mode.rawValue : (ruleSlope == slope ? "leaky/rule-for-the-slope" : "leaky/relu-rule")
        }
    }

    public struct Parameters: Codable, Sendable, Hashable {
        /// The input width, then the width of every hidden layer; the output layer has
        /// `outputs` units.
        public var widths: [Int]
        public var outputs: Int
        /// Standard normal inputs per network.
        public var batch: Int
        /// Independent networks per mode, whose spread gives the standard errors. The ratio of
        /// two layers' variances varies from network to network by roughly exp(5 Σ 1/n_l) − 1
        /// (Hanin & Rolnick), large for narrow layers, so it takes dozens of networks.
        public var realisations: Int
        /// The negative slope of the leaky ReLU networks, drawn with He's rule for that
        /// slope and with the plain ReLU rule, both in mode fan_in.
        public var leakySlope: Double
        /// The false-alarm rate of each check (see ``Check``).
        public var falseAlarmRate: Double
    }

    /// ReLU in both modes, then leaky ReLU with the rule for its slope and with the ReLU rule.
    public var variants: [Variant] { FanMode.allCases.map(relu) + [leakyWithItsRule, leakyWithReLURule] }

    /// ReLU units with He's rule in `mode`.
    public func relu(_ mode: FanMode) -> Variant { Variant(mode: mode, slope: 0, ruleSlope: 0) }

    /// Leaky ReLU units with He's rule for their slope, in mode fan_in.
    public var leakyWithItsRule: Variant {
        Variant(mode: .fanIn, slope: parameters.leakySlope, ruleSlope: parameters.leakySlope)
    }

    /// Leaky ReLU units with the plain ReLU rule 2/fan_in, which ignores the leak.
    public var leakyWithReLURule: Variant { Variant(mode: .fanIn, slope: parameters.leakySlope, ruleSlope: 0) }

    public let parameters: Parameters

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        switch profile {
        case .quick:
            self.init(
                parameters: Parameters(
                    widths: [256, 224, 192, 160, 128, 96, 64, 32], outputs: 10, batch: 16, realisations: 48, leakySlope: 0.5,
                    falseAlarmRate: Significance.falseAlarmRate))
        case .handout:
            self.init(
                parameters: Parameters(
                    widths: [512, 448, 384, 320, 256, 192, 128, 64], outputs: 10, batch: 256, realisations: 96, leakySlope: 0.5,
                    falseAlarmRate: Significance.falseAlarmRate))
        case .paper:
            self.init(
                parameters: Parameters(
                    widths: [1024, 896, 768, 640, 512, 384, 256, 128], outputs: 10, batch: 512, realisations: 192, leakySlope: 0.5,
                    falseAlarmRate: Significance.falseAlarmRate))
        }
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        var problems: [ParameterProblem] = []
        if parameters.widths.count < 3 {
            problems.append(ParameterProblem("widths", "needs the input width and at least two hidden layers"))
        }
        for (index, width) in parameters.widths.enumerated() where !(1...8192).contains(width) {
            problems.append(ParameterProblem("widths[\(index)]", "\(width) is outside 1 to 8192"))
        }
        problems += ParameterProblem.outsideRanges([
            ("outputs", parameters.outputs, 1...8192), ("batch", parameters.batch, 2...8192),
            ("realisations", parameters.realisations, 2...1000),
        ])
        let weights = zip(parameters.widths, parameters.widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
        if weights > 1 << 28 {
            problems.append(ParameterProblem("widths", "\(weights) weights per network; keep them under 268435456"))
        }
        if !(parameters.leakySlope > 0 && parameters.leakySlope < 1) {
            problems.append(ParameterProblem("leaky_slope", "\(parameters.leakySlope) is outside (0, 1)"))
        }
        problems += Significance.problems(parameters.falseAlarmRate)
        return problems
    }

    // MARK: Result

    /// One network: E[a²] and E[(∂L/∂a)²] at every hidden layer.
    public struct Run: Codable, Sendable, Hashable {
        public var variant: Variant
        public var realisation: Int
        public var forward: [Double]
        public var backward: [Double]
    }

    public struct Result: Codable, Sendable {
        public var runs: [Run]
    }

    // MARK: Run

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        let jobs = variants.flatMap { variant in (0..<parameters.realisations).map { (variant, $0) } }
        progress.expect(jobs.count)
        let runs = ParallelMap.map(jobs) { job -> Run in
            defer { progress.advance() }
            return network(job.0, realisation: job.1, random: random.derived("\(job.0.id)/\(job.1)"))
        }
        return Result(runs: runs)
    }

    func network(_ variant: Variant, realisation: Int, random: RandomSource) -> Run {
        let failed = Run(variant: variant, realisation: realisation, forward: [], backward: [])
        let activation: Activation = variant.slope == 0 ? .relu : .leakyReLU(slope: variant.slope)
        guard
            let architecture = try? Architecture(
                inputs: parameters.widths[0], hiddenWidths: Array(parameters.widths.dropFirst()), outputs: parameters.outputs,
                activation: activation),
            let rule = try? Rule(.heNormal, mode: variant.mode, slope: variant.ruleSlope)
        else { return failed }
        var stream = random.derived("data")
        let network = Network(architecture, random: random.derived("weights")) { weights, draws in rule.initialize(&weights, using: &draws)
        }
        var workspace = Workspace(architecture, batchSize: parameters.batch)
        var gradients = Gradients(architecture)
        workspace.fillInputsStandardNormal(using: &stream)
        network.forward(&workspace, mode: .training)
        workspace.setOutputGradients { stream.fillNormal($0) }
        network.backward(&workspace, gradients: &gradients)
        let hidden = workspace.layers.dropLast()
        return Run(
            variant: variant, realisation: realisation,
            forward: hidden.map { LayerStatistics.secondMoment($0.preActivations) },
            backward: hidden.map { LayerStatistics.secondMoment($0.preActivationGradients) })
    }

    // MARK: Theory

    /// The mean-field variances at every hidden layer, for standard normal inputs and a
    /// unit-variance gradient at the outputs. Layer l has fan-in n_{l−1} and fan-out n_l, and
    /// Var(W_l) = 2/((1 + b²)·n_{l−1}) (fan_in) or 2/((1 + b²)·n_l) (fan_out). A leaky ReLU of
    /// slope a keeps k = (1 + a²)/2 of the second moment of a symmetric input, and its squared
    /// derivative has mean k too. Forward, Var(a_1) = n_0·Var(W_1) and
    /// Var(a_{l+1}) = n_l·Var(W_{l+1})·k·Var(a_l); backward, Var(g_L) = n_out·Var(W_out)·k and
    /// Var(g_l) = n_{l+1}·Var(W_{l+1})·k·Var(g_{l+1}), with n_{l+1} the fan-out of layer l + 1.
    /// `factor` multiplies He's 2 in every layer's Var(W), for the power test.
    public func theory(_ variant: Variant, factor: Double = 1) -> (forward: [Double], backward: [Double]) {
        let n = parameters.widths.map(Double.init) + [Double(parameters.outputs)]
        let kept = (1 + variant.slope * variant.slope) / 2
        // Var(W) of layer l (1-based), whose weights take n[l−1] inputs to n[l] units.
        func variance(_ l: Int) -> Double {
            2 * factor / ((1 + variant.ruleSlope * variant.ruleSlope) * (variant.mode == .fanIn ? n[l - 1] : n[l]))
        }
        let depth = parameters.widths.count - 1
        var forward = [n[0] * variance(1)]
        for l in 1..<depth { forward.append(n[l] * variance(l + 1) * kept * forward[l - 1]) }
        var backward = [Double](repeating: 0, count: depth)
        backward[depth - 1] = n[depth + 1] * variance(depth + 1) * kept
        for l in stride(from: depth - 2, through: 0, by: -1) { backward[l] = n[l + 2] * variance(l + 2) * kept * backward[l + 1] }
        return (forward, backward)
    }

    /// The networks of a kind that ran, by realisation.
    public func runs(_ result: Result, _ variant: Variant) -> [Run] {
        result.runs.filter { $0.variant == variant && !$0.forward.isEmpty }.sorted { $0.realisation < $1.realisation }
    }

    /// The theory's ratio of the variance at the far end of a pass to the variance where it starts.
    public func theoryRatio(_ variant: Variant, forward: Bool) -> Double {
        let (f, b) = theory(variant)
        return forward ? f[f.count - 1] / f[0] : b[0] / b[b.count - 1]
    }

    // MARK: Checks

    /// The leaky networks differ in the forward pass, which is where their claim is made.
    func passes(_ variant: Variant) -> [Bool] {
        variant.slope == 0 ? [true, false] : [true]
    }

    /// Each claim about the ratio of the far end of a pass to where it starts is checked on a
    /// statistic whose expectation is exact at finite width. Forward, the ratio telescopes into
    /// the factors of consecutive layers, and E[Var(a_{l+1})/Var(a_l)] = n_l·Var(W_{l+1})·(1 + a²)/2
    /// exactly (the sign symmetry of W_l, as in Propagation's checks): the statistic is the mean
    /// over the layers of each ratio over its factor, expected 1. Backward the masks reuse the
    /// forward weights and no ratio of layers has an exact expectation; E[Var(∂L/∂a_1)] for a
    /// unit-variance output gradient does, for Gaussian weights (Propagation's
    /// `firstLayerGradientCheck`).
    public func checks(_ result: Result) -> [Check] {
        let widths = parameters.widths.dropFirst().map(String.init).joined(separator: "→")
        var checks: [Check] = []
        for variant in variants {
            for forward in passes(variant) {
                let pass = forward ? "forward" : "backward"
                let ratio = theoryRatio(variant, forward: forward)
                let end = forward ? "Var(a) at the last hidden layer over the first" : "Var(∂L/∂a) at the first hidden layer over the last"
                let claim: String =
                    if variant.slope != 0 {
                        variant.ruleSlope == variant.slope
                            ? "Leaky ReLU of slope \(NumberText.format(variant.slope, digits: 2)), He normal for that slope, Var(W) = 2/((1 + a²) fan_in): \(end) is 1"
                            : "Leaky ReLU of slope \(NumberText.format(variant.slope, digits: 2)), the plain ReLU rule 2/fan_in: \(end) is (1 + a²)^(L−1) = \(NumberText.format(ratio, digits: 3))"
                    } else if (variant.mode == .fanIn) == forward {
                        "He normal, mode \(variant.mode.rawValue), ReLU widths \(widths): \(end) is 1: this pass is kept"
                    } else {
                        "He normal, mode \(variant.mode.rawValue), ReLU widths \(widths): \(end) is a ratio of widths, \(NumberText.format(ratio, digits: 3)), not a power of the depth"
                    }
                let id = "modes/\(variant.id)/\(pass)"
                let constant = "He's 2 in Var(W)"
                if forward {
                    checks.append(
                        Check.studentT(
                            id: id, claim: claim + "; checked layer by layer: each ratio over its factor n_l·Var(W_{l+1})·(1 + a²)/2 is 1",
                            samples: runs(result, variant).compactMap { layerRatios(variant, $0.forward) },
                            theory: .proportional(constant, 1), falseAlarmRate: parameters.falseAlarmRate,
                            note: "mean of \(parameters.widths.count - 2) ratios over their factors per network"))
                } else {
                    let expected = theory(variant).backward.first ?? .nan
                    checks.append(
                        Check.studentT(
                            id: id, claim: claim + "; checked as E[Var(∂L/∂a₁)] = \(NumberText.format(expected, digits: 3))",
                            samples: runs(result, variant).compactMap(\.backward.first),
                            theory: Theory(constant) { theory(variant, factor: $0).backward.first ?? .nan },
                            falseAlarmRate: parameters.falseAlarmRate, note: "Var(∂L/∂a₁) per network"))
                }
            }
        }
        return checks
    }

    /// The mean over consecutive hidden layers of Var(a_{l+1})/Var(a_l) over its theory factor.
    func layerRatios(_ variant: Variant, _ forward: [Double]) -> Double? {
        let theory = theory(variant).forward
        guard forward.count == theory.count, forward.count > 1, forward.allSatisfy({ $0 > 0 }) else { return nil }
        let ratios = (0..<(forward.count - 1)).map { (l: Int) -> Double in
            let factor = theory[l + 1] / theory[l]
            return forward[l + 1] / forward[l] / factor
        }
        return ratios.reduce(0, +) / Double(ratios.count)
    }
}
