import Testing

@testable import Experiments
@testable import Numerics
@testable import Presentation

@Suite struct LSUVPresenterTests {
    static let experiment: LSUVStart = {
        var parameters = LSUVStart(profile: .quick).parameters
        parameters.setups = parameters.setups.map { setup in
            var small = setup
            small.depth = 3
            small.width = 8
            small.steps = 4
            return small
        }
        parameters.seeds = 2
        parameters.batch = 8
        parameters.lsuvBatch = 32
        parameters.heldOutSamples = 50
        parameters.evaluations = 2
        return LSUVStart(parameters: parameters)
    }()
    static let presenter = LSUVPresenter(experiment: experiment, result: experiment.run(random: RandomSource(seed: 1)))

    @Test func theFiguresCarryBothStartsOfBothSetups() throws {
        #expect(Self.presenter.figures.map(\.id) == ["lsuv-variances", "lsuv-training"])
        // Two setups, two starts, four dense layers; two evaluations of two seeds.
        #expect(Self.presenter.figures[0].data.rows.count == 2 * 2 * 4)
        #expect(Self.presenter.figures[1].data.rows.count == 2 * 2 * 2 * 2)
        #expect(
            Self.presenter.figures[0].alt.contains("relu, orthogonal + LSUV: Var(a) ")
                && Self.presenter.figures[0].alt.contains("tanh, glorot-normal: Var(a) "))
        #expect(Self.presenter.tables["lsuv"]?.rows.count == 2 * 2 * 2 * 4)
    }

    @Test func everyFigureIsCaptionedInTheProse() throws {
        #expect(try ProseCaptions.uncaptioned(Self.presenter.figures.map(\.id)).isEmpty)
    }

    @Test func numbersAreThere() throws {
        for number in LSUVPresenter.numbers {
            let value: Double = try #require(number.value(Self.presenter), "\(number.name)")
            #expect(value.isFinite, "\(number.name)")
        }
        #expect(LSUVPresenter.numbers.first { $0.name == "lsuv_relu_most_rescalings" }?.value(Self.presenter) == 1)
    }
}
