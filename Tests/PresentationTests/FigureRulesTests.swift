import Charts
import Initializers
import Testing

@testable import Experiments
@testable import Presentation

/// What every figure of the handout keeps (issue 14): few enough series per panel to tell apart,
/// one scale for panels that compare, and tick labels that stay readable on paper.
@Suite struct FigureRulesTests {
    static let figures: [FigureSpec] = [
        SaturationPresenterTests.presenter().figures, PropagationPresenterTests.presenter.figures,
        ModesPresenterTests.presenter.figures, IsometryPresenterTests.presenter.figures,
        ConvergencePresenterTests.presenter.figures, ResidualPresenterTests.presenter.figures,
        LayerNormPlacementPresenterTests.presenter.figures, BiasPresenterTests.presenter.figures,
        OrderAndChaosPresenterTests.presenter.figures, FluctuationPresenterTests.presenter.figures,
        SELUPresenterTests.presenter.figures, LSUVPresenterTests.presenter.figures,
    ].flatMap { $0 }
    /// The ids name the test cases; the figures themselves print too long.
    static let ids = figures.map(\.id)

    static func figure(_ id: String) throws -> FigureSpec { try #require(figures.first { $0.id == id }) }

    /// The print stylesheet shows a figure at most as wide as the A4 text column (about
    /// 170 mm) and at most 120 mm tall (`templates/style.css`), shrinking larger ones.
    static let printWidth = 170 / 25.4 * 72
    static let printHeight = 120 / 25.4 * 72

    @Test func everyExperimentHasFigures() {
        #expect(Set(Self.figures.map(\.id)).count == Self.figures.count)
        #expect(Self.figures.count >= 15)
    }

    /// A series is what a reader tells apart by colour: lines, points, bands, histograms,
    /// boxes and violins of one colour are one series; reference lines are not data.
    static func colours(_ panel: Panel) -> Set<Int> {
        Set(
            panel.marks.compactMap { mark -> Int? in
                switch mark {
                case .line(let series), .points(let series): series.style.color
                case .band(let band): band.style.color
                case .histogram(let histogram): histogram.style.color
                case .boxes(let boxes): boxes.style.color
                case .violins(let violins): violins.style.color
                case .rule, .annotation, .heatmap: nil
                }
            })
    }

    @Test(arguments: ids) func atMostFiveSeriesPerPanel(id: String) throws {
        let figure = try Self.figure(id)
        for panel in figure.chart.panels {
            #expect(Self.colours(panel).count <= 5, "\(figure.id), \(panel.title ?? "panel"): \(Self.colours(panel).count) series")
        }
    }

    /// Panels side by side with the same y title compare that quantity, and panels of one
    /// figure with the same x title are read against the same x: they share the axis, or have
    /// one explicit domain. (Rows may differ in y: one activation per row, say.)
    @Test(arguments: ids) func panelsThatCompareShareAScale(id: String) throws {
        let chart = try Self.figure(id).chart
        let columns = max(1, min(chart.columns, chart.panels.count))
        let indices = chart.panels.indices
        for index in indices {
            for other in indices where other > index {
                let (a, b) = (chart.panels[index], chart.panels[other])
                if index / columns == other / columns, a.y.label == b.y.label {
                    let shared =
                        !chart.sharedAxes.isDisjoint(with: [.y, .yByRow]) || (a.y.domain != nil && a.y.domain == b.y.domain)
                    #expect(shared, "\(id): panels \(index + 1) and \(other + 1) show \(a.y.label) on two scales")
                }
                if a.x.label == b.x.label {
                    let shared = chart.sharedAxes.contains(.x) || (a.x.domain != nil && a.x.domain == b.x.domain)
                    #expect(shared, "\(id): panels \(index + 1) and \(other + 1) show \(a.x.label) on two scales")
                }
            }
        }
    }

    /// A reader who found a rule in one colour finds it in that colour in the next figure, and
    /// the eight rules of the propagation grid are eight colours.
    @Test func aRuleKeepsItsColourInEveryFigure() {
        let choices =
            RuleID.allCases.map { InitializerChoice($0) }
            + [InitializerChoice(.normal, std: 0.01), InitializerChoice(.orthogonal, activationGain: true)]
        var seen: [RuleID: Set<Int>] = [:]
        for figure in Self.figures {
            for panel in figure.chart.panels {
                for case .line(let series) in panel.marks {
                    guard let name = series.name,
                        let choice = choices.first(where: { name == $0.label || name.hasPrefix($0.label + ",") })
                    else { continue }
                    seen[choice.rule, default: []].insert(series.style.color)
                }
            }
        }
        #expect(seen.count >= 8, "\(seen.keys)")
        for (rule, colours) in seen {
            #expect(colours == [RuleStyle.style(rule).color], "\(rule.rawValue) drawn in colours \(colours.sorted())")
        }
        let grid = PropagationPresenterTests.experiment.parameters.grid.rules.map(\.rule)
        #expect(Set(grid.map { RuleStyle.style($0).color }).count == grid.count)
    }

    @Test(arguments: ids) func tickLabelsAreAtLeastEightPointsInPrint(id: String) throws {
        let size = try Self.figure(id).chart.size
        let scale = min(1, Self.printWidth / size.width, Self.printHeight / size.height)
        #expect(Figure.tickLabelSize * scale >= 8, "\(id) prints at \(scale) of \(size.width)×\(size.height) pt")
    }
}
