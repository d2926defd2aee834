import Foundation
import Testing

@testable import Experiments
@testable import Numerics
@testable import Presentation

@Suite struct BiasPresenterTests {
    static let experiment: Bias = {
        var parameters = Bias(profile: .quick).parameters
        (parameters.realisations, parameters.seeds, parameters.steps) = (3, 2, 20)
        (parameters.vocabulary, parameters.dimension) = (1000, 16)
        return Bias(parameters: parameters)
    }()
    static let presenter = BiasPresenter(experiment: experiment, result: experiment.run(random: RandomSource(seed: 1)))

    @Test func theFigureShowsBothStartsAndTheirReferenceLosses() throws {
        #expect(Self.presenter.figures.map(\.id) == ["bias-training"])
        let figure = try #require(Self.presenter.figures.first)
        let evaluated = Self.experiment.evaluatedSteps.count
        #expect(figure.data.rows.count == 2 * evaluated)
        #expect(figure.alt.contains("output bias 0: loss") && figure.alt.contains("output bias log p̂_k: loss"))
        #expect(Self.presenter.tables["bias-runs"]?.rows.count == 2 * 2 * evaluated)
        #expect(Self.presenter.tables["bias-initial"]?.rows.count == 3)
    }

    @Test func everyFigureIsCaptionedInTheProse() throws {
        #expect(try ProseCaptions.uncaptioned(Self.presenter.figures.map(\.id)).isEmpty)
    }

    @Test func numbersFollowFromTheResultAndTheFormulas() throws {
        var numbers: [String: Double] = [:]
        for number in BiasPresenter.numbers {
            numbers[number.name] = try #require(number.value(Self.presenter), "\(number.name)")
        }
        #expect(numbers["bias_classes"] == 10 && numbers["bias_largest_class"] == 400 && numbers["bias_smallest_class"] == 20)
        #expect(abs(try #require(numbers["bias_log_classes"]) - log(10)) < 1e-12)
        #expect(abs(try #require(numbers["bias_prior_gap"]) - (log(10) - (numbers["bias_entropy"] ?? .nan))) < 1e-12)
        #expect(abs(try #require(numbers["bias_embedding_sd_theory"]) - 0.08) < 1e-12)
        #expect(abs(try #require(numbers["bias_forget_gate_1"]) - 0.7310585786300049) < 1e-12)
        #expect(abs(try #require(numbers["bias_detector_bias"]) - log(0.01 / 0.99)) < 1e-12)
        // Φ(0.01) − ½ ≈ 0.01/√(2π).
        #expect(abs(try #require(numbers["bias_relu_shift"]) - 0.01 / (2 * Double.pi).squareRoot()) < 1e-6)
    }
}
