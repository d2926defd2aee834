import Networks
import Numerics

/// The second moment of the signal and of the gradient block by block through a deep stack of
/// residual ReLU blocks at initialisation, for each way of starting the blocks
/// (``ResidualScheme``): He's branches double the variance per block, 1/√L and GPT-2's 1/√(2N)
/// bound the growth, and Fixup, SkipInit/ReZero and a zero gain start every block as the
/// identity, forward and backward, while each still receives a gradient.
public struct Residual: Experiment {
    public static let id = "residual"

    public typealias Parameters = ResidualStackParameters

    public let parameters: Parameters

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        let rate = Significance.falseAlarmRate
        switch profile {
        // Fixup's gradient check needs the most stacks: the products g_s·g_t of different samples
        // add a spread of about 1/(π√n) per stack that no depth or batch averages away.
        case .quick: self.init(parameters: Parameters(width: 64, depth: 16, batch: 8, realisations: 80, falseAlarmRate: rate))
        case .handout: self.init(parameters: Parameters(width: 256, depth: 100, batch: 16, realisations: 24, falseAlarmRate: rate))
        // He's unscaled branches reach 2^150 ≈ 10^45 in the second moment, still finite in Float
        // entries of about 10^22; a few hundred blocks more would overflow.
        case .paper: self.init(parameters: Parameters(width: 512, depth: 150, batch: 64, realisations: 48, falseAlarmRate: rate))
        }
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        parameters.problems(widths: 2...4096, depths: 2...200)
    }

    // MARK: Result

    /// One stack: per block, second moments and gradients (see ``ResidualTheory``).
    public struct Run: Codable, Sendable, Hashable {
        public var scheme: ResidualScheme
        public var realisation: Int
        /// |x_l|²/(nB) for l = 0…L.
        public var forward: [Double]
        /// |∂ℓ/∂x_l|²/(nB) for l = 0…L.
        public var backward: [Double]
        /// |αγ ⊙ F_l|²/|x_l|² over the batch, for each block.
        public var branch: [Double]
        /// The squared norm of the gradient of each block's parameters (W₁, W₂, α, γ) over B.
        public var gradient: [Double]
        /// |∂ℓ/∂W₂|² of each block over B.
        public var projectionGradient: [Double]
        /// The largest |x_L − x₀| and |∂ℓ/∂x₀ − g|: 0 when every block is the identity.
        public var identityError: Double
    }

    public struct Result: Codable, Sendable {
        public var runs: [Run]
    }

    public var schemes: [ResidualScheme] { ResidualScheme.allCases }

    // MARK: Run

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        let jobs = schemes.flatMap { scheme in (0..<parameters.realisations).map { (scheme, $0) } }
        progress.expect(jobs.count)
        let runs = ParallelMap.map(jobs) { job -> Run in
            defer { progress.advance() }
            return stack(job.0, realisation: job.1, random: random.derived("\(job.0.rawValue)/\(job.1)"))
        }
        return Result(runs: runs)
    }

    public func theory(_ scheme: ResidualScheme) -> ResidualTheory {
        ResidualTheory(scheme: scheme, width: parameters.width, depth: parameters.depth)
    }

    func stack(_ scheme: ResidualScheme, realisation: Int, random: RandomSource) -> Run {
        let n = parameters.width, batch = parameters.batch
        let theory = theory(scheme)
        var stack = ResidualStack(width: n, depth: parameters.depth, normalization: .none)
        for l in stack.blocks.indices {
            var stream = random.derived("weights/\(l)")
            let (inner, outer) = ((theory.a / Double(n)).squareRoot(), (theory.b / Double(n)).squareRoot())
            stack.blocks[l].inner.elements.withUnsafeMutableBufferPointer { stream.fillNormal($0, std: inner) }
            stack.blocks[l].outer.elements.withUnsafeMutableBufferPointer { stream.fillNormal($0, std: outer) }
            stack.blocks[l].scale = Float(theory.alpha)
            stack.blocks[l].gain = [Float](repeating: Float(theory.gamma), count: n)
        }
        var workspace = ResidualWorkspace(stack, batchSize: batch)
        var gradients = ResidualGradients(stack)
        var data = random.derived("data")
        workspace.fillInputs { data.fillNormal($0) }
        stack.forward(&workspace)
        workspace.fillOutputGradients { data.fillNormal($0) }
        stack.backward(&workspace, gradients: &gradients)

        let count = Double(n * batch)
        let forward = workspace.streams.map { Self.sumOfSquares($0.elements) / count }
        let backward = workspace.streamGradients.map { Self.sumOfSquares($0.elements) / count }
        let gate = theory.alpha * theory.alpha * theory.gamma * theory.gamma
        let branch = stack.blocks.indices.map { l in gate * Self.sumOfSquares(workspace.branches[l].elements) / (forward[l] * count) }
        let projection = gradients.outer.map { Self.sumOfSquares($0.elements) / Double(batch) }
        let gradient = stack.blocks.indices.map { l in
            (Self.sumOfSquares(gradients.inner[l].elements) + Self.sumOfSquares(gradients.gains[l])) / Double(batch)
                + projection[l] + Double(gradients.scales[l] * gradients.scales[l]) / Double(batch)
        }
        let identityError = max(
            Self.largestDifference(workspace.streams[parameters.depth].elements, workspace.streams[0].elements),
            Self.largestDifference(workspace.streamGradients[0].elements, workspace.outputGradients.elements))
        return Run(
            scheme: scheme, realisation: realisation, forward: forward, backward: backward, branch: branch, gradient: gradient,
            projectionGradient: projection, identityError: identityError)
    }

    /// Σv² in Double: He's stacks reach second moments beyond Float's range.
    static func sumOfSquares(_ values: [Float]) -> Double {
        values.reduce(0.0) { $0 + Double($1) * Double($1) }
    }

    static func largestDifference(_ a: [Float], _ b: [Float]) -> Double {
        zip(a, b).reduce(0.0) { max($0, abs(Double($1.0) - Double($1.1))) }
    }

    /// The stacks of a scheme that ran, by realisation.
    public func runs(_ result: Result, _ scheme: ResidualScheme) -> [Run] {
        result.runs.filter { $0.scheme == scheme && !$0.forward.isEmpty }.sorted { $0.realisation < $1.realisation }
    }
}
