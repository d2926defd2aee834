import Networks
import Numerics

/// Pre-LN against post-LN at initialisation: the gradient of each block's parameters through a
/// stack of residual ReLU blocks with He branches, layer-normalised before each branch (and
/// after the last block) or after each sum. Post-LN keeps the stream at unit scale, so to
/// mean-field order every block's gradient is the same; pre-LN lets the stream grow as 1 + l·r,
/// and the final normalisation divides the gradient of the blocks near the top by that growth.
public struct LayerNormPlacement: Experiment {
    public static let id = "layernorm"

    public typealias Parameters = ResidualStackParameters

    public let parameters: Parameters

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    public init(profile: Profile) {
        let rate = Significance.falseAlarmRate
        switch profile {
        case .quick: self.init(parameters: Parameters(width: 128, depth: 32, batch: 8, realisations: 40, falseAlarmRate: rate))
        // The cross term of the stream's growth averages over the batch, which costs little; the
        // weights, 2·n²·L normal draws per stack, are most of the time.
        case .handout: self.init(parameters: Parameters(width: 128, depth: 100, batch: 64, realisations: 24, falseAlarmRate: rate))
        case .paper: self.init(parameters: Parameters(width: 512, depth: 200, batch: 64, realisations: 48, falseAlarmRate: rate))
        }
    }

    public static func problems(_ parameters: Parameters) -> [ParameterProblem] {
        parameters.problems(widths: 3...4096, depths: 2...1000)
    }

    /// The two placements compared.
    public var placements: [ResidualStack.Normalization] { [.pre, .post] }

    // MARK: Result

    /// One stack: per block, the stream's second moment and its parameters' gradient.
    public struct Run: Codable, Sendable, Hashable {
        public var placement: ResidualStack.Normalization
        public var realisation: Int
        /// |x_l|²/(nB) for l = 0…L.
        public var forward: [Double]
        /// Pre-LN: the mean over the blocks of |F_l(z_l)|²/(r|z_l|²), z_l = LN(x_l), whose expectation
        /// is 1; post-LN: not a number.
        public var growth: Double
        /// Pre-LN: the mean over the samples of |∂ℓ/∂x_L|²(σ²_L + ε)/(n − 2), expectation 1; post-LN:
        /// not a number.
        public var outputProjection: Double
        /// The squared norm of the gradient of each block's parameters (W₁, W₂, α, γ) over B.
        public var gradient: [Double]
    }

    public struct Result: Codable, Sendable {
        public var runs: [Run]
    }

    // MARK: Run

    public func run(random: RandomSource, progress: RunProgress) -> Result {
        let jobs = placements.flatMap { placement in (0..<parameters.realisations).map { (placement, $0) } }
        progress.expect(jobs.count)
        let runs = ParallelMap.map(jobs) { job -> Run in
            defer { progress.advance() }
            return stack(job.0, realisation: job.1, random: random.derived("\(job.0.rawValue)/\(job.1)"))
        }
        return Result(runs: runs)
    }

    /// He's branches: r = g₁²g₂²/2 = 1.
    static let branchGrowth = 1.0

    func stack(_ placement: ResidualStack.Normalization, realisation: Int, random: RandomSource) -> Run {
        let n = parameters.width, batch = parameters.batch, depth = parameters.depth
        var stack = ResidualStack(width: n, depth: depth, normalization: placement)
        for l in stack.blocks.indices {
            var stream = random.derived("weights/\(l)")
            stack.blocks[l].inner.elements.withUnsafeMutableBufferPointer { stream.fillNormal($0, std: (2 / Double(n)).squareRoot()) }
            stack.blocks[l].outer.elements.withUnsafeMutableBufferPointer { stream.fillNormal($0, std: (1 / Double(n)).squareRoot()) }
        }
        var workspace = ResidualWorkspace(stack, batchSize: batch)
        var gradients = ResidualGradients(stack)
        var data = random.derived("data")
        workspace.fillInputs { data.fillNormal($0) }
        stack.forward(&workspace)
        workspace.fillOutputGradients { data.fillNormal($0) }
        stack.backward(&workspace, gradients: &gradients)

        let squares = workspace.streams.map { Residual.sumOfSquares($0.elements) }
        let gradient = (0..<depth).map { l in
            (Residual.sumOfSquares(gradients.inner[l].elements) + Residual.sumOfSquares(gradients.outer[l].elements)
                + Residual.sumOfSquares(gradients.gains[l]) + Double(gradients.scales[l] * gradients.scales[l])) / Double(batch)
        }
        var growth = Double.nan, projection = Double.nan
        if placement == .pre {
            growth =
                (0..<depth).reduce(0.0) { sum, l in
                    sum + Residual.sumOfSquares(workspace.branches[l].elements)
                        / (Self.branchGrowth * Residual.sumOfSquares(workspace.branchInputs[l].elements))
                } / Double(depth)
            projection = Self.outputProjection(workspace.streams[depth], workspace.streamGradients[depth]) / Double(n - 2)
        }
        return Run(
            placement: placement, realisation: realisation, forward: squares.map { $0 / Double(n * batch) }, growth: growth,
            outputProjection: projection, gradient: gradient)
    }

    /// The mean over the rows of |∂ℓ/∂x|²·(σ² + ε), σ² the row's variance: the final
    /// normalisation's Jacobian is (P/√(σ² + ε)) with P the projection that removes the mean and
    /// the normalised row itself, so for a standard normal ∂ℓ/∂y its expectation is n − 2.
    static func outputProjection(_ stream: Matrix, _ gradient: Matrix) -> Double {
        let n = stream.columns
        var total = 0.0
        for row in 0..<stream.rows {
            let values = (0..<n).map { Double(stream[row, $0]) }
            let mean = values.reduce(0, +) / Double(n)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
            let squares = (0..<n).reduce(0.0) { $0 + Double(gradient[row, $1]) * Double(gradient[row, $1]) }
            total += squares * (variance + Double(LayerNorm.epsilon))
        }
        return total / Double(max(stream.rows, 1))
    }

    /// The stacks of a placement that ran, by realisation.
    public func runs(_ result: Result, _ placement: ResidualStack.Normalization) -> [Run] {
        result.runs.filter { $0.placement == placement && !$0.forward.isEmpty }.sorted { $0.realisation < $1.realisation }
    }
}
