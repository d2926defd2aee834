import Foundation
import Testing

@testable import Experiments
@testable import Numerics
@testable import Presentation

@Suite struct SaturationPresenterTests {
    /// A few small layers: the presenter only needs rows of every setting, not precise ones.
    static func presenter(_ settings: [SaturationSetting] = SaturationSetting.allCases) -> SaturationPresenter {
        let experiment = Saturation(
            parameters: Saturation.Parameters(
                fanIns: [1, 4, 16], settings: settings, units: 8, batch: 8, drawsPerFanIn: 1 << 12, maxReplicates: 4,
                curvePoints: 49, falseAlarmRate: 1e-5))
        return SaturationPresenter(experiment: experiment, result: experiment.run(random: RandomSource(seed: 1)))
    }

    static func numbers(_ presenter: SaturationPresenter) -> [String: Double?] {
        Dictionary(uniqueKeysWithValues: SaturationPresenter.numbers.map { ($0.name, $0.value(presenter)) })
    }

    @Test func figuresCarryTheirDataAndWords() {
        let presenter = Self.presenter()
        let ids = presenter.figures.map(\.id)
        #expect(ids == ["saturation-logistic", "saturation-variance", "saturation-outside", "saturation-derivative"])
        for figure in presenter.figures {
            #expect(!figure.alt.isEmpty && !figure.alt.contains("NaN"), "\(figure.id)")
            #expect(!figure.data.rows.isEmpty)
        }
        let table = presenter.tables["saturation"]!
        #expect(table.columns.starts(with: ["setting", "fan_in"]))
        #expect(table.rows.count == 3 * 3)
    }

    @Test func everyFigureIsCaptionedInTheProse() throws {
        #expect(try ProseCaptions.uncaptioned(Self.presenter().figures.map(\.id)).isEmpty)
    }

    @Test func namedNumbersMatchTheClosedForms() throws {
        let numbers = Self.numbers(Self.presenter())
        #expect(numbers.values.allSatisfy { $0 != nil })
        #expect(abs(try #require(numbers["sigmoid_prime_at_2"] ?? nil) - 0.10499358540350649) < 1e-15)
        #expect(abs(try #require(numbers["sigmoid_prime_at_10"] ?? nil) - 4.5395807735951673e-05) < 1e-19)
        let closedForm = { (x: Double) in exp(-x) / ((1 + exp(-x)) * (1 + exp(-x))) }
        let ratio = try #require(numbers["sigmoid_prime_ratio_2_to_10"] ?? nil)
        #expect(abs(ratio / (closedForm(2) / closedForm(10)) - 1) < 1e-14)
        #expect(abs(try #require(numbers["four_in_standard_deviations"] ?? nil) - 6.928203230275509) < 1e-12)
        #expect(abs(try #require(numbers["chebyshev_bound_beyond_four"] ?? nil) - 1.0 / 48) < 1e-15)
        #expect(numbers["max_fan_in"] == 16 && numbers["units_per_layer"] == 8 && numbers["batch_size"] == 8)
    }

    /// A setting the configuration leaves out has nothing to measure: its numbers are nil, and
    /// the alt texts do not describe it.
    @Test func aSettingLeftOutIsNeitherQuotedNorDescribed() {
        let presenter = Self.presenter([.fixedRange])
        let numbers = Self.numbers(presenter)
        for name in [
            "standardised_samples_total", "standardised_pooled_variance", "standardised_fraction_outside_four_at_d1",
            "raw_pixels_max_percent_outside_four",
        ] {
            #expect(numbers[name] == .some(nil), "\(name)")
        }
        for figure in presenter.figures {
            for words in ["NaN", "raw pixel", "fan-in rule"] { #expect(!figure.alt.contains(words), "\(figure.id)") }
        }
    }
}
