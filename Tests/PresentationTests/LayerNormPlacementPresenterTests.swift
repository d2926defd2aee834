import Testing

@testable import Experiments
@testable import Numerics
@testable import Presentation

@Suite struct LayerNormPlacementPresenterTests {
    static let experiment = LayerNormPlacement(
        parameters: LayerNormPlacement.Parameters(width: 16, depth: 6, batch: 4, realisations: 3, falseAlarmRate: 1e-5))
    static let presenter = LayerNormPlacementPresenter(experiment: experiment, result: experiment.run(random: RandomSource(seed: 1)))

    @Test func theFigureCarriesBothPlacementsAndTheirTheory() throws {
        let figure = try #require(Self.presenter.figures.first)
        #expect(Self.presenter.figures.map(\.id) == ["layernorm-gradients"])
        // Two placements: seven stream values and six gradients each.
        #expect(figure.data.rows.count == 2 * (7 + 6))
        #expect(figure.alt.contains("pre-LN") && figure.alt.contains("post-LN"))
        #expect(Self.presenter.tables["layernorm"]?.rows.count == 2 * 3 * 7)
    }

    @Test func everyFigureIsCaptionedInTheProse() throws {
        #expect(try ProseCaptions.uncaptioned(Self.presenter.figures.map(\.id)).isEmpty)
    }

    @Test func everyNumberHasAValue() throws {
        for number in LayerNormPlacementPresenter.numbers {
            let value = try #require(number.value(Self.presenter), "\(number.name)")
            #expect(value.isFinite, "\(number.name)")
        }
        // (1 + L r)/(1 + r) with L = 6, r = 1.
        let ratio = try #require(LayerNormPlacementPresenter.numbers.first { $0.name == "layernorm_top_ratio_theory" }?.value(Self.presenter))
        #expect(abs(ratio - 3.5) < 1e-12)
    }
}
