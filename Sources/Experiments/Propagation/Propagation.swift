import Foundation
import Initializers
import Networks
import Numerics

/// Signal propagation through depth at initialisation: how the variance of the pre-activations
/// (forward) and of the gradients with respect to them (backward) changes from layer to layer,
/// for every activation against the rules, with the mean-field theory beside the measurement.
public struct Propagation: Experiment {
    public static let id = "propagation"

    /// The grid of activations against rules, at one depth and width.
    public struct Grid: Codable, Sendable, Hashable {
        public var activations: [Activation]
        public var rules: [InitializerChoice]
        /// Activations also run with batch normalisation before every activation.
        public var batchNormActivations: [Activation]
        public var depth: Int
        public var width: Int
        public var batch: Int
        /// Independent networks per cell, whose spread gives the standard errors.
        public var realisations: Int
    }

    /// Glorot & Bengio's Figures 6 and 7: tanh, five hidden layers of 1000 units.
    public struct Histograms: Codable, Sendable, Hashable {
        public var rules: [InitializerChoice]
        public var depth: Int
        public var width: Int
        public var batch: Int
        public var classes: Int
        public var bins: Int
    }

    /// The ReLU picture: five hidden layers of 100 ReLU units, N(0, σ²) weights.
    public struct ReLUScale: Codable, Sendable, Hashable {
        public var standardDeviations: [Double]
        public var depth: Int
        public var width: Int
        public var batch: Int
    }

    public struct Parameters: Codable, Sendable, Hashable {
        public var grid: Grid
        public var histograms: Histograms
        public var reluScale: ReLUScale
        /// The false-alarm rate of each check (see ``Check``).
        public var falseAlarmRate: Double
    }

    public let parameters: Parameters

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        let rules = [
            InitializerChoice(.normal, std: 0.01), InitializerChoice(.fanInUniform), InitializerChoice(.lecunNormal),
            InitializerChoice(.glorotUniform), InitializerChoice(.heNormal), InitializerChoice(.orthogonal, activationGain: true),
            InitializerChoice(.sparse), InitializerChoice(.identity),
        ]
        let glorot = [InitializerChoice(.fanInUniform), InitializerChoice(.glorotUniform)]
        switch profile {
        case .quick:
            self.init(
                parameters: Parameters(
                    grid: Grid(
                        activations: [.linear, .tanh, .sigmoid, .relu], rules: rules, batchNormActivations: [.relu, .tanh],
                        depth: 6, width: 32, batch: 16, realisations: 96),
                    histograms: Histograms(rules: glorot, depth: 5, width: 100, batch: 100, classes: 10, bins: 50),
                    reluScale: ReLUScale(standardDeviations: [0.10, 0.14, 0.28], depth: 5, width: 100, batch: 200),
                    falseAlarmRate: Significance.falseAlarmRate))
        case .handout:
            self.init(
                parameters: Parameters(
                    grid: Grid(
                        activations: [.linear, .tanh, .sigmoid, .relu], rules: rules, batchNormActivations: [.relu, .tanh],
                        depth: 20, width: 256, batch: 256, realisations: 16),
                    histograms: Histograms(rules: glorot, depth: 5, width: 1000, batch: 1000, classes: 10, bins: 50),
                    reluScale: ReLUScale(standardDeviations: [0.10, 0.14, 0.28], depth: 5, width: 100, batch: 1000),
                    falseAlarmRate: Significance.falseAlarmRate))
        case .paper:
            // He et al.'s depth of 30, Glorot & Bengio's width of 1000 for the histograms, and
            // Perunicic's 10,000 test images for the ReLU picture.
            self.init(
                parameters: Parameters(
                    grid: Grid(
                        activations: [.linear, .tanh, .sigmoid, .relu, .leakyReLU(slope: 0.01), .softsign, .selu], rules: rules,
                        batchNormActivations: [.relu, .tanh, .sigmoid], depth: 30, width: 512, batch: 512, realisations: 8),
                    histograms: Histograms(rules: glorot, depth: 5, width: 1000, batch: 1000, classes: 10, bins: 50),
                    reluScale: ReLUScale(standardDeviations: [0.10, 0.14, 0.28], depth: 5, width: 100, batch: 10_000),
                    falseAlarmRate: Significance.falseAlarmRate))
        }
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        var problems: [ParameterProblem] = []
        let grid = parameters.grid
        if grid.activations.isEmpty { problems.append(ParameterProblem("grid.activations", "needs at least one activation")) }
        if grid.rules.isEmpty { problems.append(ParameterProblem("grid.rules", "needs at least one rule")) }
        problems += ParameterProblem.outsideRanges([
            ("grid.depth", grid.depth, 2...1000), ("grid.width", grid.width, 1...8192), ("grid.batch", grid.batch, 2...8192),
            ("grid.realisations", grid.realisations, 2...1000),
            ("histograms.depth", parameters.histograms.depth, 1...1000), ("histograms.width", parameters.histograms.width, 1...8192),
            ("histograms.batch", parameters.histograms.batch, 1...8192), ("histograms.classes", parameters.histograms.classes, 2...10000),
            ("histograms.bins", parameters.histograms.bins, 2...1000),
            ("relu_scale.depth", parameters.reluScale.depth, 1...1000), ("relu_scale.width", parameters.reluScale.width, 1...8192),
            ("relu_scale.batch", parameters.reluScale.batch, 1...8192),
        ])
        if grid.realisations >= 2 && grid.depth >= 2 && grid.width * grid.width * grid.depth > 1 << 28 {
            problems.append(
                ParameterProblem("grid.width", "width² × depth = \(grid.width * grid.width * grid.depth) weights; keep it under 268435456"))
        }
        for rule in grid.rules + parameters.histograms.rules {
            for activation in grid.activations where (try? rule.rule(for: activation)) == nil {
                problems.append(ParameterProblem("grid", "the rule \(rule.rule.rawValue) cannot be built as given for \(activation.name)"))
            }
        }
        if !parameters.reluScale.standardDeviations.allSatisfy({ $0 > 0 && $0.isFinite }) {
            problems.append(ParameterProblem("relu_scale.standard_deviations", "must be positive"))
        }
        problems += Significance.problems(parameters.falseAlarmRate)
        return problems
    }

    // MARK: Result

    /// One network of the grid: per hidden layer, the forward and backward statistics.
    public struct GridRun: Codable, Sendable, Hashable {
        public var activation: Activation
        public var rule: InitializerChoice
        public var batchNorm: Bool
        public var realisation: Int
        public var forward: [LayerStatistics]
        public var backward: [LayerStatistics]
        /// With batch normalisation, the mean square of the normalised values x̂ of each hidden
        /// layer, s²/(s² + ε) averaged over the units; empty without.
        public var normalizedSecondMoments: [Double]
    }

    /// Per-layer histograms (density) of one network of the Glorot & Bengio setup.
    public struct HistogramRun: Codable, Sendable, Hashable {
        public var rule: InitializerChoice
        public var activationEdges: [Double]
        public var activationDensities: [[Double]]
        public var gradientEdges: [Double]
        public var gradientDensities: [[Double]]
        public var activationStatistics: [LayerStatistics]
        public var gradientStatistics: [LayerStatistics]
    }

    public struct ScaleRun: Codable, Sendable, Hashable {
        public var standardDeviation: Double
        /// E[h²] of the ReLU outputs of each hidden layer.
        public var outputSecondMoments: [Double]
        public var zeroFractions: [Double]
        /// Every 20th ReLU output of each hidden layer, for the distributions.
        public var samples: [[Double]]
    }

    public struct Result: Codable, Sendable {
        public var grid: [GridRun]
        public var histograms: [HistogramRun]
        public var reluScale: [ScaleRun]
    }

    // MARK: Run

    enum Job: Sendable {
        case grid(Activation, InitializerChoice, batchNorm: Bool, realisation: Int)
        case histogram(InitializerChoice)
        case scale(Double)
    }

    enum JobResult: Sendable {
        case grid(GridRun)
        case histogram(HistogramRun)
        case scale(ScaleRun)
    }

    var jobs: [Job] {
        let grid = parameters.grid
        var jobs: [Job] = []
        for activation in grid.activations {
            for batchNorm in grid.batchNormActivations.contains(activation) ? [false, true] : [false] {
                for rule in grid.rules {
                    for realisation in 0..<grid.realisations {
                        jobs.append(.grid(activation, rule, batchNorm: batchNorm, realisation: realisation))
                    }
                }
            }
        }
        jobs += parameters.histograms.rules.map { .histogram($0) }
        jobs += parameters.reluScale.standardDeviations.map { .scale($0) }
        return jobs
    }

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        let jobs = jobs
        progress.expect(jobs.count)
        let results = ParallelMap.map(jobs) { job -> JobResult in
            defer { progress.advance() }
            switch job {
            case .grid(let activation, let rule, let batchNorm, let realisation):
                return .grid(
                    runGrid(
                        activation, rule, batchNorm: batchNorm, realisation: realisation,
                        random: random.derived("grid/\(activation.name)/\(rule.label)/bn=\(batchNorm)/\(realisation)")))
            case .histogram(let rule):
                return .histogram(runHistograms(rule, random: Self.histogramStream(random, rule)))
            case .scale(let std):
                return .scale(runScale(std, random: random.derived("relu-scale/\(std)")))
            }
        }
        var result = Result(grid: [], histograms: [], reluScale: [])
        for output in results {
            switch output {
            case .grid(let run): result.grid.append(run)
            case .histogram(let run): result.histograms.append(run)
            case .scale(let run): result.reluScale.append(run)
            }
        }
        return result
    }

    func runGrid(_ activation: Activation, _ rule: InitializerChoice, batchNorm: Bool, realisation: Int, random: RandomSource) -> GridRun {
        let grid = parameters.grid
        var stream = random.derived("data")
        // Architectures of this grid are valid by construction (problems() checked the sizes).
        guard
            let architecture = try? Architecture(
                inputs: grid.width, hiddenWidths: Array(repeating: grid.width, count: grid.depth), outputs: grid.width,
                activation: activation, batchNorm: batchNorm)
        else {
            return GridRun(
                activation: activation, rule: rule, batchNorm: batchNorm, realisation: realisation, forward: [], backward: [],
                normalizedSecondMoments: [])
        }
        let network = rule.network(architecture, random: random.derived("weights"))
        var workspace = Workspace(architecture, batchSize: grid.batch)
        var gradients = Gradients(architecture)
        workspace.fillInputsStandardNormal(using: &stream)
        network.forward(&workspace, mode: .training)
        // A unit-variance gradient at the outputs, so that the backward pass shows the network's
        // own effect on gradients, independent of any loss.
        workspace.setOutputGradients { stream.fillNormal($0) }
        network.backward(&workspace, gradients: &gradients)
        let hidden = workspace.layers.dropLast()
        return GridRun(
            activation: activation, rule: rule, batchNorm: batchNorm, realisation: realisation,
            forward: hidden.map {
                LayerStatistics.measure(
                    $0.preActivations, percentileOf: $0.activations, activation: activation, preActivations: $0.activationInputs)
            },
            backward: hidden.map {
                LayerStatistics.measure(
                    $0.preActivationGradients, percentileOf: $0.preActivationGradients, activation: nil, preActivations: nil)
            },
            normalizedSecondMoments: batchNorm ? hidden.map { Self.meanSquare($0.normalized) } : [])
    }

    static func meanSquare(_ values: Matrix) -> Double {
        values.elements.withUnsafeBufferPointer { buffer in
            buffer.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(buffer.count, 1))
        }
    }

    static func histogramStream(_ random: RandomSource, _ rule: InitializerChoice) -> RandomSource {
        random.derived("histograms/\(rule.label)")
    }

    /// Glorot & Bengio's workload alone (tanh, forward and backward with weight gradients,
    /// per-layer statistics and histograms, every rule), both cores: what the benchmark times.
    public func histogramRuns(random: RandomSource) -> [HistogramRun] {
        ParallelMap.map(parameters.histograms.rules) { runHistograms($0, random: Self.histogramStream(random, $0)) }
    }

    func runHistograms(_ rule: InitializerChoice, random: RandomSource) -> HistogramRun {
        let setup = parameters.histograms
        var stream = random.derived("data")
        guard
            let architecture = try? Architecture(
                inputs: setup.width, hiddenWidths: Array(repeating: setup.width, count: setup.depth), outputs: setup.classes,
                activation: .tanh)
        else {
            return HistogramRun(
                rule: rule, activationEdges: [], activationDensities: [], gradientEdges: [], gradientDensities: [],
                activationStatistics: [], gradientStatistics: [])
        }
        let network = rule.network(architecture, random: random.derived("weights"))
        var workspace = Workspace(architecture, batchSize: setup.batch)
        var gradients = Gradients(architecture)
        workspace.fillInputsStandardNormal(using: &stream)
        for row in 0..<setup.batch { workspace.labels[row] = Int(stream.next() % UInt64(setup.classes)) }
        // The back-propagated gradients of the cross-entropy on random labels, as Glorot &
        // Bengio's Figure 7 shows them for a network's first pass over its data.
        network.forward(&workspace, mode: .training)
        workspace.setOutputGradients(loss: .crossEntropy)
        network.backward(&workspace, gradients: &gradients)
        let hidden = Array(workspace.layers.dropLast())
        let activationEdges = Self.edges(-1, 1, bins: setup.bins)
        let largestGradient = hidden.map { LayerStatistics.absolutePercentile($0.preActivationGradients, 0.995) }.max() ?? 1
        let gradientEdges = Self.edges(-largestGradient, largestGradient, bins: setup.bins)
        return HistogramRun(
            rule: rule,
            activationEdges: activationEdges,
            activationDensities: hidden.map { Self.density($0.activations, edges: activationEdges) },
            gradientEdges: gradientEdges,
            gradientDensities: hidden.map { Self.density($0.preActivationGradients, edges: gradientEdges) },
            activationStatistics: hidden.map {
                LayerStatistics.measure(
                    $0.preActivations, percentileOf: $0.activations, activation: .tanh, preActivations: $0.preActivations)
            },
            gradientStatistics: hidden.map {
                LayerStatistics.measure(
                    $0.preActivationGradients, percentileOf: $0.preActivationGradients, activation: nil, preActivations: nil)
            })
    }

    func runScale(_ std: Double, random: RandomSource) -> ScaleRun {
        let setup = parameters.reluScale
        var stream = random.derived("data")
        guard
            let architecture = try? Architecture(
                inputs: setup.width, hiddenWidths: Array(repeating: setup.width, count: setup.depth), outputs: 10, activation: .relu)
        else {
            return ScaleRun(standardDeviation: std, outputSecondMoments: [], zeroFractions: [], samples: [])
        }
        let network = InitializerChoice(.normal, std: std).network(architecture, random: random.derived("weights"))
        var workspace = Workspace(architecture, batchSize: setup.batch)
        workspace.fillInputsStandardNormal(using: &stream)
        network.forward(&workspace, mode: .training)
        let hidden = workspace.layers.dropLast()
        return ScaleRun(
            standardDeviation: std,
            outputSecondMoments: hidden.map { LayerStatistics.secondMoment($0.activations) },
            zeroFractions: hidden.map { layer in
                Double(layer.activations.elements.filter { $0 == 0 }.count) / Double(max(layer.activations.count, 1))
            },
            // Every 21st value of the batch × width matrix: a stride with no factor in common with
            // the width visits every unit (every 20th of 100 units saw only five of them).
            samples: hidden.map { layer in
                stride(from: 0, to: layer.activations.count, by: Self.sampleStride).map { Double(layer.activations.elements[$0]) }
            })
    }

    /// The step between the ReLU outputs kept for the violins; coprime with 2 and 5, so with
    /// widths of 100 and 256.
    static let sampleStride = 21

    static func edges(_ low: Double, _ high: Double, bins: Int) -> [Double] {
        (0...bins).map { low + (high - low) * Double($0) / Double(bins) }
    }

    /// Density over equal bins: count / (n · width), values outside the edges left out.
    static func density(_ values: Matrix, edges: [Double]) -> [Double] {
        let bins = edges.count - 1
        guard bins > 0, let low = edges.first, let high = edges.last, high > low else { return [] }
        var counts = [Double](repeating: 0, count: bins)
        let width = (high - low) / Double(bins)
        values.elements.withUnsafeBufferPointer { buffer in
            for v in buffer {
                let x = Double(v)
                guard x >= low && x <= high else { continue }
                counts[min(bins - 1, Int((x - low) / width))] += 1
            }
        }
        let n = Double(max(values.count, 1))
        return counts.map { $0 / (n * width) }
    }
}
