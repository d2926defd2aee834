import Charts
import Foundation
import Initializers
import Networks
import Numerics

/// He et al.'s two modes in a network whose width changes from layer to layer: ReLU units with
/// He normal weights scaled by the fan-in (which keeps the forward variance) or by the fan-out
/// (which keeps the backward one). The other pass then changes by a ratio of widths that does
/// not grow with depth, which is why either mode suffices.
public struct Modes: Experiment {
    public static let id = "modes"
    public static let title = "Fan-in and fan-out modes in a tapering network"

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
        public var toleranceInStandardErrors: Double
    }

    public let parameters: Parameters

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        switch profile {
        case .quick:
            self.init(parameters: Parameters(widths: [256, 224, 192, 160, 128, 96, 64, 32], outputs: 10, batch: 64, realisations: 48, toleranceInStandardErrors: 5))
        case .handout:
            self.init(parameters: Parameters(widths: [512, 448, 384, 320, 256, 192, 128, 64], outputs: 10, batch: 256, realisations: 96, toleranceInStandardErrors: 5))
        case .paper:
            self.init(parameters: Parameters(widths: [1024, 896, 768, 640, 512, 384, 256, 128], outputs: 10, batch: 512, realisations: 192, toleranceInStandardErrors: 5))
        }
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        var problems: [ParameterProblem] = []
        if parameters.widths.count < 3 {
            problems.append(ParameterProblem("widths", "needs the input width and at least two hidden layers"))
        }
        for width in parameters.widths where !(1...8192).contains(width) {
            problems.append(ParameterProblem("widths", "\(width) is outside 1 to 8192"))
        }
        for (key, value, range) in [("outputs", parameters.outputs, 1...8192), ("batch", parameters.batch, 2...8192), ("realisations", parameters.realisations, 2...1000)]
        where !range.contains(value) {
            problems.append(ParameterProblem(key, "\(value) is outside \(range.lowerBound) to \(range.upperBound)"))
        }
        let weights = zip(parameters.widths, parameters.widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
        if weights > 1 << 28 {
            problems.append(ParameterProblem("widths", "\(weights) weights per network; keep them under 268435456"))
        }
        if !(parameters.toleranceInStandardErrors > 0 && parameters.toleranceInStandardErrors.isFinite) {
            problems.append(ParameterProblem("tolerance_in_standard_errors", "must be a positive number"))
        }
        return problems
    }

    // MARK: Result

    /// One network: E[a²] and E[(∂L/∂a)²] at every hidden layer.
    public struct Run: Codable, Sendable, Hashable {
        public var mode: FanMode
        public var realisation: Int
        public var forward: [Double]
        public var backward: [Double]
    }

    public struct Result: Codable, Sendable {
        public var runs: [Run]
    }

    // MARK: Run

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        let jobs = FanMode.allCases.flatMap { mode in (0..<parameters.realisations).map { (mode, $0) } }
        progress.expect(jobs.count)
        let runs = ParallelMap.map(jobs) { job -> Run in
            defer { progress.advance() }
            return network(job.0, realisation: job.1, random: random.derived("\(job.0.rawValue)/\(job.1)"))
        }
        return Result(runs: runs)
    }

    func network(_ mode: FanMode, realisation: Int, random: RandomSource) -> Run {
        let failed = Run(mode: mode, realisation: realisation, forward: [], backward: [])
        guard let architecture = try? Architecture(inputs: parameters.widths[0], hiddenWidths: Array(parameters.widths.dropFirst()), outputs: parameters.outputs, activation: .relu),
              let rule = try? Rule(.heNormal, mode: mode)
        else { return failed }
        var stream = random.derived("data")
        let network = Network(architecture, random: random.derived("weights")) { weights, draws in rule.initialize(&weights, using: &draws) }
        var workspace = Workspace(architecture, batchSize: parameters.batch)
        var gradients = Gradients(architecture)
        Propagation.standardNormalInputs(&workspace, random: &stream)
        network.forward(&workspace, mode: .training)
        workspace.setOutputGradients { stream.fillNormal($0) }
        network.backward(&workspace, gradients: &gradients)
        let hidden = workspace.layers.dropLast()
        return Run(
            mode: mode, realisation: realisation,
            forward: hidden.map { LayerStatistics.measure($0.preActivations, percentileOf: $0.activations, activation: .relu, preActivations: $0.activationInputs).secondMoment },
            backward: hidden.map { LayerStatistics.measure($0.preActivationGradients, percentileOf: $0.preActivationGradients, activation: nil, preActivations: nil).secondMoment })
    }

    // MARK: Theory

    /// The mean-field variances at every hidden layer, for standard normal inputs and a
    /// unit-variance gradient at the outputs. Layer l has fan-in n_{l−1} and fan-out n_l, and
    /// Var(W_l) = 2/n_{l−1} (fan_in) or 2/n_l (fan_out). Forward, Var(a_1) = n_0·Var(W_1) and
    /// Var(a_{l+1}) = n_l·Var(W_{l+1})·Var(a_l)/2; backward, Var(g_L) = n_out·Var(W_out)/2 and
    /// Var(g_l) = n_{l+1}·Var(W_{l+1})·Var(g_{l+1})/2, with n_{l+1} the fan-out of layer l + 1.
    func theory(_ mode: FanMode) -> (forward: [Double], backward: [Double]) {
        let n = parameters.widths.map(Double.init) + [Double(parameters.outputs)]
        // Var(W) of layer l (1-based), whose weights take n[l−1] inputs to n[l] units.
        func variance(_ l: Int) -> Double { 2 / (mode == .fanIn ? n[l - 1] : n[l]) }
        let depth = parameters.widths.count - 1
        var forward = [n[0] * variance(1)]
        for l in 1..<depth { forward.append(n[l] * variance(l + 1) * forward[l - 1] / 2) }
        var backward = [Double](repeating: 0, count: depth)
        backward[depth - 1] = n[depth + 1] * variance(depth + 1) / 2
        for l in stride(from: depth - 2, through: 0, by: -1) { backward[l] = n[l + 2] * variance(l + 2) * backward[l + 1] / 2 }
        return (forward, backward)
    }

    // MARK: Report

    func runs(_ result: Result, _ mode: FanMode) -> [Run] {
        result.runs.filter { $0.mode == mode && !$0.forward.isEmpty }.sorted { $0.realisation < $1.realisation }
    }

    /// Over the networks of a mode: the mean and standard error of the ratio of the variance at
    /// the far end of a pass to the variance where it starts.
    func ratio(_ result: Result, _ mode: FanMode, forward: Bool) -> (mean: Double, standardError: Double) {
        let ratios = runs(result, mode).compactMap { run -> Double? in
            let values = forward ? run.forward : run.backward
            guard let first = values.first, let last = values.last, first > 0, last > 0 else { return nil }
            return forward ? last / first : first / last
        }
        let moments = Moments(ratios)
        return (moments.mean, (moments.sampleVariance / Double(max(moments.count, 1))).squareRoot())
    }

    func theoryRatio(_ mode: FanMode, forward: Bool) -> Double {
        let (f, b) = theory(mode)
        return forward ? f[f.count - 1] / f[0] : b[0] / b[b.count - 1]
    }

    public func report(_ result: Result) -> ExperimentReport {
        let z = parameters.toleranceInStandardErrors
        let first = parameters.widths[1], last = parameters.widths[parameters.widths.count - 1]
        var checks: [Check] = []
        var numbers: [String: Double] = [
            "modes_first_width": Double(first), "modes_last_width": Double(last),
            "modes_depth": Double(parameters.widths.count - 1), "modes_input_width": Double(parameters.widths[0]),
        ]
        for mode in FanMode.allCases {
            for forward in [true, false] {
                let measured = ratio(result, mode, forward: forward)
                let expected = theoryRatio(mode, forward: forward)
                let pass = forward ? "forward" : "backward"
                let key = "modes_\(mode.rawValue)_\(pass)_ratio"
                numbers[key] = measured.mean
                numbers[key + "_theory"] = expected
                let kept = (mode == .fanIn) == forward
                checks.append(Check(
                    id: "modes/\(mode.rawValue)/\(pass)",
                    claim: "He normal, mode \(mode.rawValue), ReLU widths \(parameters.widths.dropFirst().map(String.init).joined(separator: "→")): "
                        + (forward ? "Var(a) at the last hidden layer over the first" : "Var(∂L/∂a) at the first hidden layer over the last")
                        + (kept ? " is 1: this pass is kept" : " is the ratio of widths \(forward ? "\(first)/\(last)" : "\(last)/\(first)"), not a power of the depth"),
                    expected: expected, measured: measured.mean, tolerance: z * measured.standardError))
            }
        }
        return ExperimentReport(experiment: Self.id, figures: [figure(result)], numbers: numbers, checks: checks, tables: ["modes": table(result)])
    }

    func figure(_ result: Result) -> FigureSpec {
        let layers = (1..<parameters.widths.count).map(Double.init)
        var data = DataTable(columns: ["mode", "pass", "layer", "width", "variance_measured", "variance_theory"])
        let panels = [true, false].map { forward -> Panel in
            var marks: [Mark] = []
            for (index, mode) in FanMode.allCases.enumerated() {
                let runs = runs(result, mode)
                let values = runs.map { forward ? $0.forward : $0.backward }
                let mean = layers.indices.map { layer in values.reduce(0.0) { $0 + ($1.count > layer ? $1[layer] : .nan) } / Double(max(values.count, 1)) }
                let theory = forward ? theory(mode).forward : theory(mode).backward
                marks.append(.line(Series("mode \(mode.rawValue.replacingOccurrences(of: "_", with: "-"))", x: layers, y: mean, style: Style(color: index, marker: index == 0 ? .circle : .square))))
                marks.append(.line(Series(nil, x: layers, y: theory, style: Style(color: index, dash: .dashed, lineWidth: 1))))
                for (layer, value) in mean.enumerated() {
                    data.append([.text(mode.rawValue), .text(forward ? "forward" : "backward"), .integer(layer + 1), .integer(parameters.widths[layer + 1]), .number(value), .number(theory[layer])])
                }
            }
            return Panel(title: forward ? "forward" : "backward", x: Axis("hidden layer l"), y: Axis(forward ? "Var[a_l]" : "Var[∂L/∂a_l]", scale: .log10), marks: marks)
        }
        let widths = parameters.widths.dropFirst().map(String.init).joined(separator: ", ")
        let title = "He's two modes in a tapering ReLU network"
        let summary = FanMode.allCases.map { mode in
            "mode \(mode.rawValue): forward ratio \(NumberText.format(ratio(result, mode, forward: true).mean, digits: 3)), backward ratio \(NumberText.format(ratio(result, mode, forward: false).mean, digits: 3))"
        }.joined(separator: "; ")
        return FigureSpec(
            id: "modes-tapering", title: title,
            caption: "Variance of the pre-activations (left) and of the gradients with respect to them (right) at each hidden layer of ReLU networks whose widths shrink from layer to layer ({{number modes_input_width digits=3}} inputs, then \(widths) units), with He's normal rule in mode `fan_in` and in mode `fan_out`; mean over \(parameters.realisations) networks, mean-field theory dashed.",
            alt: "Two line charts on logarithmic axes against the hidden layer, one per pass, each with a curve for mode fan_in and one for mode fan_out: \(summary).",
            chart: Figure(title: title, description: "Forward and backward variances in a tapering ReLU network: \(summary).", size: Size(width: 560, height: 260), columns: 2, panels: panels, legend: .shared, sharedAxes: .x),
            data: data)
    }

    func table(_ result: Result) -> DataTable {
        var table = DataTable(columns: ["mode", "realisation", "layer", "width", "forward_second_moment", "backward_second_moment"])
        for run in result.runs {
            for layer in run.forward.indices {
                table.append([.text(run.mode.rawValue), .integer(run.realisation), .integer(layer + 1), .integer(parameters.widths[layer + 1]),
                              .number(run.forward[layer]), .number(run.backward.count > layer ? run.backward[layer] : .nan)])
            }
        }
        return table
    }
}
