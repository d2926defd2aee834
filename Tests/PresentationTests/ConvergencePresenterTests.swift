import Foundation
import Initializers
import Numerics
import Testing

@testable import Experiments
@testable import Presentation

@Suite struct ConvergencePresenterTests {
    /// The quick profile's setups, narrow (but for the widths compared), at most three layers
    /// deep and a few steps long: the presenter needs every curve, not trained networks.
    static let parameters: Convergence.Parameters = {
        var parameters = Convergence(profile: .quick).parameters
        for index in parameters.setups.indices {
            if !parameters.setups[index].name.hasPrefix(Convergence.widthSetupPrefix) { parameters.setups[index].width = 8 }
            parameters.setups[index].depth = min(parameters.setups[index].depth, 3)
            parameters.setups[index].steps = 8
        }
        parameters.seeds = 3
        parameters.batch = 16
        parameters.trainingSamples = 256
        parameters.heldOutSamples = 64
        parameters.evaluations = 3
        parameters.imageSide = 8
        return parameters
    }()
    static let experiment = Convergence(parameters: parameters)
    static let result = experiment.run(random: RandomSource(seed: 1))
    static let presenter = ConvergencePresenter(experiment: experiment, result: result)

    static func numbers(_ presenter: ConvergencePresenter) -> [String: Double?] {
        Dictionary(uniqueKeysWithValues: ConvergencePresenter.numbers.map { ($0.name, $0.value(presenter)) })
    }

    @Test func oneFigurePerSetupAndTheDistances() throws {
        let figures = Self.presenter.figures
        #expect(
            figures.map(\.id) == [
                "convergence-deep-relu", "convergence-tanh", "convergence-sigmoid", "convergence-deep-tanh", "convergence-symmetry",
                "convergence-bad-scale", "convergence-distance",
            ])
        let seeds = Self.parameters.seeds, evaluations = Self.parameters.evaluations
        for setup in Self.parameters.setups where !setup.name.hasPrefix(Convergence.widthSetupPrefix) {
            let figure = try #require(figures.first { $0.id == "convergence-\(setup.name)" })
            let curves = Self.experiment.curves(Self.result, setup: setup.name)
            #expect(figure.data.rows.count == curves.count * seeds * evaluations, "\(setup.name)")
            #expect(figure.chart.panels.count == 2)
            #expect(curves.allSatisfy { figure.alt.contains($0.label) }, "\(setup.name)")
        }
        // The bad scale's four curves, and one rule at each of the widths.
        let distance = try #require(figures.last)
        #expect(distance.chart.panels.count == 2)
        #expect(distance.data.rows.count == (2 * 2 + 2) * seeds * evaluations)
        #expect(distance.alt.contains("width 16") && distance.alt.contains("width 64"))
    }

    /// A band is the 95 % interval of the mean: mean ± t₀.₉₇₅(n − 1)·s/√n.
    @Test func bandsAreIntervalsOfTheMean() throws {
        let curve = try #require(Self.experiment.curves(Self.result, setup: "tanh").first)
        let summary = curve.summary { $0.heldOutAccuracy }
        let last = curve.finals { $0.heldOutAccuracy }
        let moments = Moments(last)
        // scipy.stats.t.ppf(0.975, 2) = 4.302652729749464.
        let half = 4.302652729749464 * moments.standardError
        #expect(abs((summary.mean.last ?? .nan) - moments.mean) < 1e-12)
        #expect(abs((summary.high.last ?? .nan) - moments.mean - half) < 1e-9)
        #expect(abs(moments.mean - (summary.low.last ?? .nan) - half) < 1e-9)
        #expect(MeanInterval([0.5]).halfWidth.isNaN && MeanInterval([]).mean.isNaN)
    }

    /// The steps-to-target table: every curve of the setups it covers, "k of n" runs, and the
    /// steps as an interval, a range or "never"; its data a row per run.
    @Test func theStepsTableCountsToTheTarget() throws {
        let table = try #require(Self.presenter.pageTables.first)
        #expect(table.id == "convergence-steps" && table.columns.count == 4)
        let curves = ConvergencePresenter.stepsSetups.flatMap { Self.experiment.curves(Self.result, setup: $0) }
        #expect(table.rows.count == curves.count)
        #expect(table.data.rows.count == curves.count * Self.parameters.seeds)
        #expect(ConvergencePresenter.stepsText([nil, nil], trained: 400) == "never in 400")
        #expect(ConvergencePresenter.stepsText([100, nil, 300], trained: 400) == "100–300")
        #expect(ConvergencePresenter.stepsText([100, 200, 300], trained: 400) == "200 ± 248")
        #expect(ConvergencePresenter.stepsText([150], trained: 400) == "150")
        #expect(ConvergencePresenter.stepsText([62, 62, 62], trained: 250) == "62")
    }

    /// Titles name the depth the configuration trains, whatever the profile.
    @Test func titlesFollowTheDepths() throws {
        let titles = Dictionary(uniqueKeysWithValues: Self.presenter.figures.map { ($0.id, $0.title) })
        #expect(titles["convergence-deep-relu"] == "Three ReLU layers: only the rule made for them trains")
        #expect(titles["convergence-deep-tanh"] == "Three tanh layers: Gaussian against orthogonal weights")
        #expect(titles["convergence-tanh"]?.hasPrefix("Three tanh layers") == true)
        #expect(titles["convergence-sigmoid"]?.hasPrefix("Three logistic layers") == true)
        #expect(Self.presenter.figures.allSatisfy { $0.chart.title == $0.title })
    }

    @Test func everyFigureIsCaptionedInTheProse() throws {
        #expect(try ProseCaptions.uncaptioned(Self.presenter.figures.map(\.id)).isEmpty)
    }

    @Test func namedNumbersComeFromTheSetupsAndTheRuns() throws {
        let numbers = Self.numbers(Self.presenter)
        #expect(numbers.values.allSatisfy { $0 != nil }, "\(numbers.filter { $0.value == nil }.keys.sorted())")
        func number(_ name: String) throws -> Double { try #require(numbers[name] ?? nil, "\(name)") }
        #expect(try number("convergence_deep_relu_depth") == 3 && number("convergence_symmetry_depth") == 2)
        #expect(try number("convergence_deep_relu_halving_scale") == pow(2, -1.5))
        #expect(try number("chance_accuracy") == 0.1)
        #expect(try number("convergence_narrow_width") == 16 && number("convergence_wide_width") == 64)
        #expect(try number("convergence_width_distance_exponent").isFinite)
        // Three seeds a side: scipy.stats.t.isf(1e-5, 2) = 223.60344363403718.
        #expect(abs(try number("convergence_comparison_margin") - 223.60344363403718) < 1e-6)
        #expect(try number("convergence_symmetry_zeros_spread") == 0)
        // A network that trains moves its weights; the number the prose quotes is that distance.
        let moved = try number("convergence_bad_scale_he_normal_distance")
        #expect(moved > 0 && moved.isFinite)
        let curve = try #require(Self.experiment.curves(Self.result, setup: "sigmoid").first { $0.rule.rule == .kumar })
        #expect(try number("convergence_sigmoid_kumar_accuracy") == curve.final { $0.heldOutAccuracy })
    }

    /// A configuration may leave setups out: their figures and numbers go, and the distance
    /// figure keeps the panels it still has.
    @Test func setupsLeftOutLeaveNoFigureAndNoNumber() throws {
        var parameters = Self.parameters
        parameters.setups.removeAll { $0.name == "bad-scale" || $0.name == "deep-relu" }
        let presenter = ConvergencePresenter(experiment: Convergence(parameters: parameters), result: Self.result)
        #expect(!presenter.figures.contains { $0.id == "convergence-bad-scale" || $0.id == "convergence-deep-relu" })
        #expect(presenter.figures.last?.chart.panels.count == 1)
        #expect(presenter.pageTables.first?.rows.allSatisfy { !$0[0].contains("ReLU") } == true)
        let numbers = Self.numbers(presenter)
        #expect(numbers["convergence_bad_scale_depth"] == .some(nil) && numbers["convergence_deep_relu_halving_scale"] == .some(nil))
        #expect(numbers["convergence_bad_scale_he_normal_accuracy"] == .some(nil))
        #expect(numbers["convergence_tanh_depth"] == 3)
        // One seed has no spread: the margin is not a number, as the intervals are, and the
        // prose that quotes it still builds.
        parameters.seeds = 1
        let single = Self.numbers(ConvergencePresenter(experiment: Convergence(parameters: parameters), result: Self.result))
        #expect(single["convergence_comparison_margin"]??.isNaN == true)
        parameters.setups.removeAll { $0.name.hasPrefix(Convergence.widthSetupPrefix) }
        let figures = ConvergencePresenter(experiment: Convergence(parameters: parameters), result: Self.result).figures
        #expect(figures.allSatisfy { $0.id != "convergence-distance" })
    }

    @Test func aDivergedRunIsFlaggedInTheTable() throws {
        var parameters = Self.parameters
        parameters.setups = [
            Convergence.Setup(
                name: "explode", activation: .relu, depth: 4, width: 16, batchNorm: [false], rules: [InitializerChoice(.normal, std: 3)],
                learningRate: 10, momentum: 0.9, steps: 30)
        ]
        parameters.seeds = 1
        let point = Convergence.Point(step: 0, trainingLoss: nil, heldOutLoss: 2, heldOutAccuracy: 0.1, unitSpread: 1, distance: 0)
        let run = Convergence.Run(
            setup: "explode", rule: parameters.setups[0].rules[0], batchNorm: false, seed: 0, points: [point], divergedAt: 5)
        let presenter = ConvergencePresenter(
            experiment: Convergence(parameters: parameters),
            result: Convergence.Result(runs: [run], classes: 9, inputs: 4, trainingSamples: 100, heldOutSamples: 10))
        let table = try #require(presenter.tables["convergence"])
        #expect(table.rows.count == 1 && table.rows.allSatisfy { $0.last == .flag(true) })
        // A setup the prose does not discuss has no figure.
        #expect(presenter.figures.isEmpty)
    }

    @Test func everyNumberIsQuotedByTheProse() throws {
        let unquoted = try QuotedNumbers.unquoted(ConvergencePresenter.numbers.map(\.name))
        #expect(unquoted.isEmpty, "\(unquoted)")
    }
}
