import Initializers
import Networks
import Numerics

/// A rule of the catalogue as an experiment configures it: its id, the parameters it is given,
/// and whether its gain is the network's activation gain (PyTorch's calculate_gain), as the
/// orthogonal rule needs to suit the activation.
public struct InitializerChoice: Codable, Sendable, Hashable {
    public var rule: RuleID
    /// The standard deviation of `normal`.
    public var std: Double?
    /// Take the gain from the activation: 1 for linear and sigmoid, 5/3 for tanh, √2 for ReLU.
    public var activationGain: Bool

    public init(_ rule: RuleID, std: Double? = nil, activationGain: Bool = false) {
        self.rule = rule
        self.std = std
        self.activationGain = activationGain
    }

    enum CodingKeys: String, CodingKey {
        case rule, std, activationGain
    }

    /// `std` and `activationGain` may be left out in a configuration file.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(RuleID.self, forKey: .rule)
        std = try container.decodeIfPresent(Double.self, forKey: .std)
        activationGain = try container.decodeIfPresent(Bool.self, forKey: .activationGain) ?? false
    }

    /// How legends and tables name it.
    public var label: String {
        switch rule {
        case .normal: "N(0, \(std.map { "\($0)" } ?? "0.01")²)"
        case .orthogonal where activationGain: "orthogonal × gain"
        default: rule.rawValue
        }
    }

    /// The rule to draw a network's weights with.
    public func rule(for activation: Activation) throws(RuleError) -> Rule {
        try Rule(rule, gain: activationGain ? activation.gain : nil, std: std)
    }

    /// A network whose weights follow this rule; parameters the catalogue refuses fall back to
    /// zeros, which each experiment's `problems` has ruled out before any run.
    public func network(_ architecture: Architecture, random: RandomSource) -> Network {
        let built = try? rule(for: architecture.activation)
        return Network(architecture, random: random) { weights, stream in
            built?.initialize(&weights, using: &stream)
        }
    }
}
