import Testing

@testable import Experiments
@testable import Numerics
@testable import Presentation

@Suite struct ResidualPresenterTests {
    static let experiment = Residual(
        parameters: Residual.Parameters(width: 16, depth: 6, batch: 4, realisations: 3, falseAlarmRate: 1e-5))
    static let presenter = ResidualPresenter(experiment: experiment, result: experiment.run(random: RandomSource(seed: 1)))

    @Test func theFiguresCarryEverySchemeAndTheirTheory() throws {
        #expect(Self.presenter.figures.map(\.id) == ["residual-depth", "residual-gradients"])
        let depth = try #require(Self.presenter.figures.first)
        // Three open schemes and one closed, two passes, blocks 0…6.
        #expect(depth.data.rows.count == 4 * 2 * 7)
        let gradients = try #require(Self.presenter.figures.last)
        #expect(gradients.data.rows.count == 6 * 6)
        for scheme in ResidualScheme.allCases { #expect(gradients.alt.contains(Residual.name(scheme))) }
        #expect(Self.presenter.tables["residual"]?.rows.count == 6 * 3 * 7)
    }

    @Test func everyFigureIsCaptionedInTheProse() throws {
        #expect(try ProseCaptions.uncaptioned(Self.presenter.figures.map(\.id)).isEmpty)
    }

    @Test func numbersDescribeTheStacksAndTheirTheory() throws {
        var numbers: [String: Double] = [:]
        for number in ResidualPresenter.numbers {
            numbers[number.name] = try #require(number.value(Self.presenter), "\(number.name)")
        }
        #expect(numbers["residual_width"] == 16 && numbers["residual_depth"] == 6 && numbers["residual_realisations"] == 3)
        #expect(numbers["residual_he_final_theory"] == 64)
        // Fixup: n²·(2/L)/2 = 256/6; SkipInit: n.
        #expect(abs(try #require(numbers["residual_fixup_gradient_theory"]) - 256.0 / 6) < 1e-12)
        #expect(numbers["residual_skipinit_gradient_theory"] == 16)
    }
}
