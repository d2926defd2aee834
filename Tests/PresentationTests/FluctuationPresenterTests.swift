import Testing

@testable import Experiments
@testable import Numerics
@testable import Presentation

@Suite struct FluctuationPresenterTests {
    static let experiment = Fluctuation(
        parameters: Fluctuation.Parameters(
            inputWidth: 6,
            shapes: [
                Fluctuation.Shape(name: "constant-8", widths: [8, 8], realisations: 300),
                Fluctuation.Shape(name: "constant-16", widths: [16, 16, 16, 16], realisations: 300),
                Fluctuation.Shape(name: "alternating-10-40", widths: [10, 40, 10, 40], realisations: 300),
            ],
            falseAlarmRate: 1e-5))
    static let presenter = FluctuationPresenter(experiment: experiment, result: experiment.run(random: RandomSource(seed: 1)))

    @Test func theFigureCarriesEveryShapeAtEveryLayer() throws {
        let figure = try #require(Self.presenter.figures.first)
        #expect(Self.presenter.figures.map(\.id) == ["fluctuation-variance"])
        #expect(figure.data.rows.count == 2 + 4 + 4)
        #expect(figure.alt.contains("2 × 8: ") && figure.alt.contains("2 × (10, 40): "))
        #expect(Self.presenter.tables["fluctuation"]?.rows.count == 10)
    }

    @Test func everyFigureIsCaptionedInTheProse() throws {
        #expect(try ProseCaptions.uncaptioned(Self.presenter.figures.map(\.id)).isEmpty)
    }

    @Test func theLayerTableSetsTheExactValueBesideFiveOverN() throws {
        let table = try #require(Self.presenter.pageTables.first)
        #expect(table.id == "fluctuation-layer" && table.rows.count == FluctuationPresenter.tableWidths.count)
        #expect(table.rows.last?[0] == "256")
        #expect(table.data.rows.last?[2] == .number(5.0 / 256))
    }

    @Test func numbersDescribeTheShapesAtTheirLastLayer() throws {
        var numbers: [String: Double] = [:]
        for number in FluctuationPresenter.numbers {
            numbers[number.name] = try #require(number.value(Self.presenter), "\(number.name)")
        }
        #expect(numbers["fluctuation_constant_16_depth"] == 4)
        #expect(abs(try #require(numbers["fluctuation_constant_16_leading"]) - 5 * 4.0 / 16) < 1e-12)
        #expect(abs(try #require(numbers["fluctuation_constant_16_exact"]) - 4 * LayerRatioLaw(width: 16).variance) < 1e-12)
        #expect(abs(try #require(numbers["fluctuation_dead_probability_8"]) - 1.0 / 256) < 1e-15)
    }
}
