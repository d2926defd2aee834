import Foundation
import Testing

@testable import Experiments
@testable import Presentation

@Suite struct PropagationPresenterTests {
    static let experiment = Propagation(profile: .quick)
    static let presenter = PropagationPresenter(experiment: experiment, result: experiment.run(random: Propagation.stream(seed: 1)))

    static let figureIDs = [
        "propagation-forward", "propagation-backward", "propagation-batchnorm", "propagation-glorot-activations",
        "propagation-glorot-gradients", "propagation-relu-scale", "propagation-relu-distributions",
    ]

    static func value(_ name: String, _ presenter: PropagationPresenter = Self.presenter) -> Double? {
        PropagationPresenter.numbers.first { $0.name == name }?.value(presenter)
    }

    @Test func figuresAreTheSevenOfTheProse() throws {
        #expect(Self.presenter.figures.map(\.id) == Self.figureIDs)
        #expect(try ProseCaptions.uncaptioned(Self.figureIDs).isEmpty)
    }

    @Test func everyNumberHasAValueInTheQuickProfile() {
        for number in PropagationPresenter.numbers {
            let value = number.value(Self.presenter)
            #expect(value?.isFinite == true, "\(number.name) = \(String(describing: value))")
        }
        #expect(Self.value("propagation_depth") == 6)
        #expect(Self.value("factor_linear_identity_forward") == 1)
        // n·σ²/2 at He's σ ≈ √(2/n), for n = 100.
        #expect(abs((Self.value("relu_scale_014_factor") ?? 0) - 0.98) < 1e-12)
        let low = Self.value("relu_scale_zero_percent_min") ?? 0, high = Self.value("relu_scale_zero_percent_max") ?? 0
        #expect(low > 40 && low <= high && high < 60)
    }

    @Test func numbersOfSetupsTheConfigurationLeavesOutAreNil() {
        var parameters = Self.experiment.parameters
        parameters.grid.rules = [InitializerChoice(.heNormal)]
        parameters.reluScale.standardDeviations = [0.2]
        let empty = Propagation.Result(grid: [], histograms: [], reluScale: [])
        let presenter = PropagationPresenter(experiment: Propagation(parameters: parameters), result: empty)
        for name in [
            "factor_linear_sparse_forward", "factor_relu_he_normal_forward", "last_forward_tanh_sparse", "relu_scale_010_factor",
            "relu_scale_zero_percent_min",
        ] {
            #expect(Self.value(name, presenter) == nil, "\(name)")
        }
        #expect(Self.value("kumar_sigmoid_scale", presenter) != nil)
    }

    /// The drawn sample holds few units of each layer; the bars show the share among all outputs.
    @Test func zeroBarsShowTheShareAmongAllOutputs() throws {
        let figure = try #require(Self.presenter.figures.first { $0.id == "propagation-relu-distributions" })
        #expect(figure.chart.panels.count == Self.presenter.scaleRuns.count)
        for (panel, run) in zip(figure.chart.panels, Self.presenter.scaleRuns) {
            guard case .violins(let violins) = panel.marks.first else {
                Issue.record("no violins in \(panel.title ?? "a panel")")
                continue
            }
            #expect(violins.densities.map { $0.pointMass?.fraction } == run.zeroFractions)
            #expect(run.zeroFractions.allSatisfy { $0 > 0.4 && $0 < 0.6 })
        }
    }

    /// Rules of one group only (here the variance rules) fill one column, not a column of
    /// empty panels beside it.
    @Test func aConfigurationOfOneRuleGroupDrawsOneColumn() throws {
        var parameters = Self.experiment.parameters
        parameters.grid.rules = [InitializerChoice(.heNormal), InitializerChoice(.glorotUniform)]
        let result = Propagation.Result(
            grid: Self.presenter.result.grid.filter { parameters.grid.rules.contains($0.rule) }, histograms: [], reluScale: [])
        let presenter = PropagationPresenter(experiment: Propagation(parameters: parameters), result: result)
        let forward = try #require(presenter.figures.first { $0.id == "propagation-forward" })
        #expect(forward.chart.columns == 1)
        #expect(forward.chart.panels.count == parameters.grid.activations.count)
        #expect(forward.chart.panels.allSatisfy { !$0.marks.isEmpty && $0.title?.hasSuffix("variance rules") == true })
    }

    @Test func titlesFollowTheConfiguration() {
        let titles = Dictionary(uniqueKeysWithValues: Self.presenter.figures.map { ($0.id, $0) })
        #expect(titles["propagation-forward"]?.title == "The forward signal through six layers")
        #expect(titles["propagation-relu-scale"]?.chart.title == "ReLU outputs through five layers")
    }

    @Test func tablesHaveTheIssuesColumns() throws {
        let table = try #require(Self.presenter.tables["propagation"])
        for column in [
            "activation", "rule", "depth", "width", "layer", "pass", "variance_measured", "variance_theory", "mean", "p98_abs",
            "saturated_fraction",
        ] {
            #expect(table.columns.contains(column), "\(column)")
        }
        let histograms = try #require(Self.presenter.tables["propagation-histograms"])
        #expect(histograms.columns == ["activation", "rule", "layer", "pass", "bin_left", "bin_right", "density"])
    }
}
