import Initializers

/// One way of feeding a layer of logistic units: a weight rule and an input distribution.
public enum SaturationSetting: String, Codable, Sendable, Hashable, CaseIterable {
    /// U(−1/√d, 1/√d) weights, standardised inputs: the rule of the question, used as intended.
    case standardised
    /// The same weights on raw pixel values 0…255, as images arrive before anyone standardises them.
    case rawPixels = "raw-pixels"
    /// U(−1, 1) weights whatever the fan-in, standardised inputs.
    case fixedRange = "fixed-range"

    public var rule: Rule {
        switch self {
        case .standardised, .rawPixels: .fanInUniform
        case .fixedRange: .uniform(bound: 1)
        }
    }

    public var inputs: InputDistribution {
        switch self {
        case .standardised, .fixedRange: .standardNormal
        case .rawPixels: .pixels
        }
    }

    /// A few words for tables where the fan-in and the variance stand beside it.
    public var shortLabel: String {
        switch self {
        case .standardised: "fan-in rule, standardised x"
        case .rawPixels: "fan-in rule, raw pixels"
        case .fixedRange: "U(−1, 1), standardised x"
        }
    }

    /// How the setting is named in legends and tables.
    public var label: String {
        switch self {
        case .standardised: "U(−1/√d, 1/√d), standardised x"
        case .rawPixels: "U(−1/√d, 1/√d), raw pixels 0…255"
        case .fixedRange: "U(−1, 1), standardised x"
        }
    }
}
