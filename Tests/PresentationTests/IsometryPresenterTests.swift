import Foundation
import Testing

@testable import Experiments
@testable import Presentation

@Suite struct IsometryPresenterTests {
    /// Narrow, shallow networks and few draws: the presenter needs every cell, not precise ones.
    static let experiment: Isometry = {
        var parameters = Isometry(profile: .quick).parameters
        parameters.width = 8
        parameters.depths = [1, 3]
        parameters.realisations = 3
        parameters.spectrum.depths = [1, 3]
        parameters.spectrum.realisations = 2
        parameters.signCorrection.draws = 400
        return Isometry(parameters: parameters)
    }()
    static let result = experiment.run(random: Isometry.stream(seed: 1))
    static let presenter = IsometryPresenter(experiment: experiment, result: result)

    static func numbers(_ presenter: IsometryPresenter) -> [String: Double?] {
        Dictionary(uniqueKeysWithValues: IsometryPresenter.numbers.map { ($0.name, $0.value(presenter)) })
    }

    @Test func figuresCarryTheirDataAndWords() throws {
        let figures = Self.presenter.figures
        #expect(figures.map(\.id) == ["isometry-variance", "isometry-spectra", "isometry-qr-signs"])
        for figure in figures {
            #expect(!figure.alt.isEmpty && !figure.alt.contains("NaN"), "\(figure.id)")
        }
        let parameters = Self.experiment.parameters
        let variance = try #require(figures.first { $0.id == "isometry-variance" })
        #expect(variance.chart.panels.count == Isometry.Unit.allCases.count)
        #expect(variance.data.rows.count == (2 * 4 - 1) * parameters.depths.count)
        // One line of the alt text per unit and weight kind, each ending at the deepest depth.
        #expect(variance.alt.components(separatedBy: "at depth \(parameters.depths.last ?? 0) (theory").count - 1 == 7)
        let spectra = try #require(figures.first { $0.id == "isometry-spectra" })
        #expect(spectra.chart.panels.count == parameters.spectrum.depths.count)
        #expect(spectra.data.rows.count == 2 * parameters.spectrum.depths.count * parameters.spectrum.bins)
        let signs = try #require(figures.first { $0.id == "isometry-qr-signs" })
        #expect(signs.data.rows.count == 2 * Isometry.signHistogramBins)
    }

    @Test func everyFigureIsCaptionedInTheProse() throws {
        #expect(try ProseCaptions.uncaptioned(Self.presenter.figures.map(\.id)).isEmpty)
    }

    /// The histograms share the values out: every orthogonal singular value is 1, inside the
    /// axis, so their shares add up to one; Householder QR without the correction never gives a
    /// positive W₁₁.
    @Test func histogramsHoldTheirValues() throws {
        let figures = Self.presenter.figures
        let spectra = try #require(figures.first { $0.id == "isometry-spectra" })
        let orthogonal = spectra.data.rows.filter { $0.first == .text("orthogonal") }.compactMap { row -> Double? in
            if case .number(let fraction) = row.last { fraction } else { nil }
        }
        #expect(abs(orthogonal.reduce(0, +) - Double(Self.experiment.parameters.spectrum.depths.count)) < 1e-12)
        let signs = try #require(figures.first { $0.id == "isometry-qr-signs" })
        let positiveUncorrected = signs.data.rows.filter { row in
            guard row.first == .flag(false), case .number(let left) = row[1] else { return false }
            return left >= 0
        }
        #expect(!positiveUncorrected.isEmpty && positiveUncorrected.allSatisfy { $0[3] == .integer(0) })
    }

    @Test func tableHasOneSortedRowPerNetworkAndDepth() throws {
        let table = try #require(Self.presenter.tables["isometry"])
        #expect(table.columns.starts(with: ["weights", "activation", "width", "depth", "realisation"]))
        #expect(table.rows.count == Self.result.moments.count)
        #expect(table.rows.first?.prefix(2) == [.text("gaussian"), .text("linear")])
        #expect(table.rows.last?.prefix(2) == [.text("orthogonal"), .text("tanh-critical")])
    }

    @Test func namedNumbersComeFromTheResultAndTheTheory() throws {
        let numbers = Self.numbers(Self.presenter)
        #expect(numbers.values.allSatisfy { $0 != nil }, "\(numbers.filter { $0.value == nil }.keys.sorted())")
        func number(_ name: String) throws -> Double { try #require(numbers[name] ?? nil, "\(name)") }
        #expect(try number("isometry_width") == 8 && number("isometry_max_depth") == 3 && number("isometry_spectrum_max_depth") == 3)
        #expect(try number("isometry_spectrum_values") == 16 && number("isometry_spectrum_bins") == 30)
        let exact = IsometryTheory.gaussianLinearExact(width: 8, depth: 3)
        #expect(try number("isometry_exact_variance_at_max_depth") == exact.secondMoment - exact.meanSquareOfMean)
        let deepest = Self.result.moments.filter { $0.kind == .gaussian && $0.unit == .linear && $0.depth == 3 }.map(\.variance)
        #expect(try abs(number("isometry_variance_gaussian_linear_at_max_depth") - deepest.reduce(0, +) / 3) < 1e-12)
        #expect(try number("isometry_theory_variance_gaussian_relu_at_max_depth") == 6)
        #expect(try number("isometry_qr_negative_percent_uncorrected") == 100)
        #expect(try (0...100).contains(number("isometry_tiny_percent_gaussian_at_spectrum_max_depth")))
        #expect(try number("isometry_orthogonal_largest_deviation") < 1e-5)
    }

    @Test func numbersOfAResultWithoutSpectraOrSignsAreMissing() {
        let empty = IsometryPresenter(experiment: Self.experiment, result: Isometry.Result(moments: [], spectra: [], signs: []))
        let numbers = Self.numbers(empty)
        for name in [
            "isometry_tiny_percent_gaussian_at_spectrum_max_depth", "isometry_largest_singular_value_gaussian_at_spectrum_max_depth",
            "isometry_orthogonal_largest_deviation", "isometry_qr_mean_corrected", "isometry_qr_negative_percent_uncorrected",
        ] {
            #expect(numbers[name] == .some(nil), "\(name)")
        }
        #expect(numbers["isometry_width"] == 8)
    }

    @Test func everyNumberIsQuotedByTheProse() throws {
        let unquoted = try QuotedNumbers.unquoted(IsometryPresenter.numbers.map(\.name))
        #expect(unquoted.isEmpty, "\(unquoted)")
    }
}
