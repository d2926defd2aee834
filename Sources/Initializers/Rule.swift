import Numerics

/// An initialisation rule: how the distribution of a layer's weights follows from its fans.
public enum Rule: Sendable, Hashable {
    /// U(−1/√fan_in, 1/√fan_in): the rule of the question that started this handout, Glorot &
    /// Bengio's "standard" initialisation and PyTorch's nn.Linear default. Var(w) = 1/(3 fan_in).
    case fanInUniform
    /// U(−bound, bound) whatever the fans: a fixed range, such as U(−1, 1).
    case uniform(bound: Double)

    /// The stable name users type.
    public var id: String {
        switch self {
        case .fanInUniform: "fan-in-uniform"
        case .uniform: "uniform"
        }
    }

    /// The rule as it is written in TeX, with d for the fan-in.
    public var tex: String {
        switch self {
        case .fanInUniform: #"U\left(-\frac{1}{\sqrt{d}},\ \frac{1}{\sqrt{d}}\right)"#
        case .uniform(let bound): #"U(-\#(bound), \#(bound))"#
        }
    }

    /// The distribution of each weight of a layer with these fans.
    public func distribution(for fans: Fans) -> WeightDistribution {
        switch self {
        case .fanInUniform: .uniform(bound: 1 / Double(fans.fanIn).squareRoot())
        case .uniform(let bound): .uniform(bound: bound)
        }
    }

    /// Var(w) for a layer with these fans.
    public func variance(for fans: Fans) -> Double {
        distribution(for: fans).variance
    }

    /// Draws a dense weight matrix of shape (fanOut, fanIn) in place.
    public func initialize(_ weights: inout Matrix, using random: inout RandomSource) {
        let fans = Fans(fanIn: weights.columns, fanOut: weights.rows)
        let distribution = distribution(for: fans)
        weights.elements.withUnsafeMutableBufferPointer { distribution.fill($0, using: &random) }
    }
}
