import Testing

@testable import Experiments
@testable import Numerics
@testable import Presentation

@Suite struct OrderAndChaosPresenterTests {
    static let parameters = OrderAndChaos.Parameters(
        phaseColumns: 5, phaseRows: 2, maxWeightVariance: 4, maxBiasVariance: 2, biasVariance: 0.05, orderedWeightVariance: 1,
        chaoticWeightVariance: 4, width: 32, depth: 6, networks: 3, pairs: 2, inputCorrelation: 0.5, dataset: .mnist5k,
        trainWeightVariances: [1, 2, 4], trainDepths: [1, 3], trainWidth: 4, trainSeeds: 1, steps: 5, batch: 8, learningRate: 0.01,
        momentum: 0.9, heldOutSamples: 50, falseAlarmRate: 1e-5)
    static let experiment = OrderAndChaos(parameters: parameters)
    static let presenter = OrderAndChaosPresenter(experiment: experiment, result: experiment.run(random: RandomSource(seed: 2)))

    @Test func theFiguresCarryTheirData() throws {
        let figures = Self.presenter.figures
        #expect(figures.map { $0.id } == ["meanfield-phase", "meanfield-correlation", "meanfield-trainability"])
        let p = Self.parameters
        #expect(figures[0].data.rows.count == p.phaseRows + 1)
        #expect(figures[1].data.rows.count == 3 * p.depth)
        #expect(figures[2].data.rows.count == p.trainWeightVariances.count * p.trainDepths.count)
        #expect(Self.presenter.tables["meanfield-phase-cells"]?.rows.count == p.phaseRows * p.phaseColumns)
        #expect(figures[1].alt.contains("chaotic, σ_w² = 4"))
    }

    @Test func everyFigureIsCaptionedInTheProse() throws {
        #expect(try ProseCaptions.uncaptioned(Self.presenter.figures.map { $0.id }).isEmpty)
    }

    @Test func midpointsBracketEveryCentre() {
        #expect(OrderAndChaosPresenter.midpoints([4, 8, 16]) == [2, 6, 12, 20])
        #expect(OrderAndChaosPresenter.midpoints([1]) == [0.5, 1.5])
    }

    @Test func numbersAreDeclaredAndComputed() throws {
        for number in OrderAndChaosPresenter.numbers {
            let value = try #require(number.value(Self.presenter), "\(number.name)")
            #expect(value.isFinite, "\(number.name)")
        }
    }
}
