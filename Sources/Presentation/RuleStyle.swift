import Charts
import Initializers

/// How every figure of the handout draws a rule: one colour and marker per rule, so that a rule
/// found green in one figure is green in the next. Variants of a rule (normal or uniform, a
/// larger bound for the logistic function) look alike.
enum RuleStyle {
    /// The rules derived to keep the variance of the signal, which panels show apart from the
    /// others: at equal widths several coincide, and apart they are told from each other.
    static func keepsVariance(_ rule: RuleID) -> Bool {
        switch rule {
        case .lecunNormal, .lecunUniform, .glorotNormal, .glorotUniform, .glorotUniformSigmoid, .heNormal, .heUniform, .kumar,
            .orthogonal, .lsuv:
            true
        case .zeros, .constant, .normal, .uniform, .fanInUniform, .sparse, .identity: false
        }
    }

    /// A colour per rule, and within each group of ``keepsVariance(_:)`` a marker per rule. The
    /// ink (7) draws theory lines and the all-zero start, which never share a figure; yellow
    /// (6), faint on white, goes to the rule no figure draws.
    static func style(_ rule: RuleID) -> Style {
        switch rule {
        case .glorotNormal, .glorotUniform, .glorotUniformSigmoid: Style(color: 0, marker: .square)
        case .heNormal, .heUniform: Style(color: 2, marker: .triangle)
        case .lecunNormal, .lecunUniform: Style(color: 4, marker: .circle)
        case .orthogonal: Style(color: 3, marker: .diamond)
        // LSUV starts orthogonal and differs from it by a scale per layer: a sibling's look.
        case .lsuv: Style(color: 3, marker: .circle)
        case .kumar: Style(color: 6, marker: .cross)
        case .fanInUniform: Style(color: 1, marker: .square)
        case .normal, .uniform: Style(color: 5, marker: .circle)
        case .sparse: Style(color: 8, marker: .triangle)
        case .identity: Style(color: 9, marker: .diamond)
        case .zeros, .constant: Style(color: 7, marker: .cross)
        }
    }

    /// The style of the `index`-th of `count` rules in one panel: lines that coincide show the
    /// markers of each rule at different layers.
    static func style(_ rule: RuleID, _ index: Int, of count: Int) -> Style {
        var style = style(rule)
        // Wide enough for the colour to show on both sides of the theory's dashes.
        style.lineWidth = 2
        style.markerStride = max(count, 1)
        style.markerOffset = index
        return style
    }

    /// Theory curves: thin dashed ink drawn over the measured lines, visible where they agree.
    static let theory = Style(color: 7, dash: .dashed, lineWidth: 0.9)
    static let theoryName = "mean-field theory"
}
