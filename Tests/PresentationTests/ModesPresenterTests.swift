import Testing

@testable import Experiments
@testable import Numerics
@testable import Presentation

@Suite struct ModesPresenterTests {
    static let experiment = Modes(
        parameters: Modes.Parameters(
            widths: [16, 12, 8, 4], outputs: 2, batch: 4, realisations: 3, leakySlope: 0.5, falseAlarmRate: 1e-5))
    static let presenter = ModesPresenter(experiment: experiment, result: experiment.run(random: RandomSource(seed: 1)))

    @Test func theFigureCarriesEveryKindOfNetworkInBothPasses() throws {
        let figure = try #require(Self.presenter.figures.first)
        #expect(Self.presenter.figures.map(\.id) == ["modes-tapering"])
        // Four kinds of network, two passes, three hidden layers.
        #expect(figure.data.rows.count == 4 * 2 * 3)
        let labels = [
            "ReLU, mode fan_in", "ReLU, mode fan_out", "leaky ReLU a = 0.50, He with a = 0.50", "leaky ReLU a = 0.50, He with a = 0",
        ]
        for label in labels {
            #expect(figure.alt.contains(label + ": forward ratio"), "\(label)")
        }
        #expect(Self.presenter.tables["modes"]?.rows.count == 4 * 3 * 3)
    }

    @Test func everyFigureIsCaptionedInTheProse() throws {
        #expect(try ProseCaptions.uncaptioned(Self.presenter.figures.map(\.id)).isEmpty)
    }

    @Test func numbersDescribeTheNetworksAndTheirRatios() throws {
        var numbers: [String: Double] = [:]
        for number in ModesPresenter.numbers {
            let value: Double = try #require(number.value(Self.presenter), "\(number.name)")
            numbers[number.name] = value
        }
        #expect(numbers["modes_input_width"] == 16 && numbers["modes_first_width"] == 12 && numbers["modes_last_width"] == 4)
        #expect(numbers["modes_depth"] == 3 && numbers["modes_realisations"] == 3 && numbers["modes_leaky_slope"] == 0.5)
        // Mode fan_in keeps the forward pass; the gradient changes by the last width over the first.
        #expect(abs(try #require(numbers["modes_fan_in_backward_ratio_theory"]) - 4.0 / 12) < 1e-12)
        #expect(abs(try #require(numbers["modes_fan_out_forward_ratio_theory"]) - 12.0 / 4) < 1e-12)
        #expect(abs(try #require(numbers["modes_leaky_relu_rule_forward_ratio_theory"]) - 1.25 * 1.25) < 1e-12)
    }
}
