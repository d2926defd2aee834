import Testing

@testable import Experiments
@testable import Numerics
@testable import Presentation

@Suite struct SELUPresenterTests {
    static let experiment = SELU(
        parameters: SELU.Parameters(
            width: 32, depth: 4, batch: 4, realisations: 3,
            starts: [SELU.Start(mean: 0, variance: 1), SELU.Start(mean: 0.5, variance: 3), SELU.Start(mean: -0.3, variance: 0.2)],
            falseAlarmRate: 1e-5))
    static let presenter = SELUPresenter(experiment: experiment, result: experiment.run(random: RandomSource(seed: 1)))

    @Test func theFigureFollowsEveryStartThroughEveryLayer() throws {
        let figure = try #require(Self.presenter.figures.first)
        #expect(Self.presenter.figures.map(\.id) == ["selu-attraction"])
        // Three starts, two statistics, the inputs and four layers.
        #expect(figure.data.rows.count == 3 * 2 * 5)
        for start in Self.experiment.parameters.starts {
            #expect(figure.alt.contains("variance \(SELUPresenter.label(start)): "), "\(figure.alt)")
        }
        #expect(Self.presenter.tables["selu"]?.rows.count == 3 * 3 * 5)
    }

    @Test func everyFigureIsCaptionedInTheProse() throws {
        #expect(try ProseCaptions.uncaptioned(Self.presenter.figures.map(\.id)).isEmpty)
    }

    @Test func numbersQuoteTheMapAndTheMeasurements() throws {
        var numbers: [String: Double] = [:]
        for number in SELUPresenter.numbers {
            let value: Double = try #require(number.value(Self.presenter), "\(number.name)")
            numbers[number.name] = value
        }
        #expect(numbers["selu_width"] == 32 && numbers["selu_depth"] == 4 && numbers["selu_realisations"] == 3)
        #expect(abs(try #require(numbers["selu_fixed_mean"])) < 1e-12)
        #expect(abs(try #require(numbers["selu_fixed_second_moment"]) - 1) < 1e-12)
        // From (0.5, 3) the first layer's mean is E[selu(√3.25 z)] > 0 and its variance below 3.
        #expect(try #require(numbers["selu_high_first_mean"]) > 0.1)
        #expect(try #require(numbers["selu_high_first_variance"]) < 3)
    }
}
