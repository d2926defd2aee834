/// The sizes of an experiment on stacks of residual blocks at initialisation (``Residual``,
/// ``LayerNormPlacement``): both draw independent stacks of one width and depth and feed each a
/// batch of standard normal inputs.
public struct ResidualStackParameters: Codable, Sendable, Hashable {
    /// Units of the stream and of each branch's hidden layer.
    public var width: Int
    /// Blocks L.
    public var depth: Int
    /// Standard normal inputs per stack.
    public var batch: Int
    /// Independent stacks per scheme or placement, whose spread gives the standard errors.
    public var realisations: Int
    /// The false-alarm rate of each check (see ``Check``).
    public var falseAlarmRate: Double

    public init(width: Int, depth: Int, batch: Int, realisations: Int, falseAlarmRate: Double) {
        (self.width, self.depth, self.batch, self.realisations) = (width, depth, batch, realisations)
        self.falseAlarmRate = falseAlarmRate
    }

    /// What is wrong with these sizes, for an experiment that can use `widths` and `depths`.
    func problems(widths: ClosedRange<Int>, depths: ClosedRange<Int>) -> [ParameterProblem] {
        var problems = ParameterProblem.outsideRanges([
            ("width", width, widths), ("depth", depth, depths), ("batch", batch, 1...4096), ("realisations", realisations, 2...1000),
        ])
        if width * width * depth > 1 << 28 {
            problems.append(ParameterProblem("width", "2·width²·depth weights per stack; keep width²·depth under 268435456"))
        }
        problems += Significance.problems(falseAlarmRate)
        return problems
    }
}
