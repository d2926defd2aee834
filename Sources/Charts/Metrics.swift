/// Sizes (in points) that give figures the proportions of a printed paper figure; one place,
/// so that the layout and the drawing agree.
enum Metrics {
    static let tickFont = 9.0
    static let axisTitleFont = 10.0
    static let panelTitleFont = 10.5
    static let legendFont = 9.0
    static let noteFont = 8.5

    static let majorTick = 3.5
    static let minorTick = 2.0
    /// Between a tick's end and its label.
    static let tickLabelGap = 2.5
    /// Between tick labels and the axis title.
    static let axisTitleGap = 4.0
    static let panelTitleGap = 5.0

    static let axisLineWidth = 0.8
    static let majorTickWidth = 0.7
    static let minorTickWidth = 0.5
    static let gridLineWidth = 0.5

    /// Empty border around the whole figure.
    static let outerPadding = 4.0
    static let panelGapX = 12.0
    static let panelGapY = 10.0

    /// Smallest space between neighbouring tick labels, as a fraction of the tick font size.
    static let labelSpacingAlong = 0.6
    static let labelSpacingAcross = 0.3

    /// Automatic domains extend the data range by this fraction at each end.
    static let domainPadding = 0.04
    /// An automatic linear domain may grow by this fraction at each end to end on a tick.
    static let tickOverhang = 0.06
    /// A log domain extends to the next decade when that is within this fraction of its range.
    static let decadeSnap = 0.1
    /// Minor ticks at 2…9 × 10^k appear only when a decade is at least this long.
    static let minorDecadeLength = 24.0
}
