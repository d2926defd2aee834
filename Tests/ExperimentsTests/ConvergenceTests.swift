import Foundation
import Testing

@testable import Experiments
@testable import Networks
@testable import Numerics

@Suite struct ConvergenceTests {
    static let experiment = Convergence(profile: .quick)
    static let result = experiment.run(random: RandomSource(seed: 1))

    /// Every claim of the prose is checked, and holds in the quick profile too.
    @Test func theClaimsAboutTrainingAreChecked() {
        let checks = Self.experiment.checks(Self.result)
        #expect(
            checks.map(\.id) == [
                "convergence/symmetry/zeros", "convergence/symmetry/glorot-uniform-over-zeros",
                "convergence/deep-relu/he-normal-over-glorot-normal", "convergence/deep-relu/he-normal-over-fan-in-uniform",
                "convergence/sigmoid/glorot-uniform-sigmoid-over-fan-in-uniform", "convergence/sigmoid/kumar-over-fan-in-uniform",
                "convergence/bad-scale/normal-bn-over-normal", "convergence/bad-scale/he-normal-over-normal", "convergence/width/distance",
            ])
        #expect(checks.allSatisfy { $0.passed }, "\(checks.filter { !$0.passed })")
        #expect(checks.dropFirst().allSatisfy { $0.kind == .comparison && $0.basis.hasPrefix("Welch t, 9 d.f. (Hsu)") })
        CheckPolicy.expectFollowed(checks)
        // The comparison rule really does break the symmetry.
        let spread = Self.result.runs.filter { $0.setup == "symmetry" && $0.rule.rule != .zeros }.compactMap { $0.points.last?.unitSpread }
        #expect(spread.allSatisfy { $0 > 0.01 })
    }

    @Test func everyRunIsRecordedAtEveryEvaluation() {
        let parameters = Self.experiment.parameters
        let expected = parameters.setups.reduce(0) { $0 + $1.batchNorm.count * $1.rules.count } * parameters.seeds
        #expect(Self.result.runs.count == expected)
        for run in Self.result.runs where run.divergedAt == nil {
            #expect(run.points.count == parameters.evaluations)
            #expect(run.points.allSatisfy { $0.heldOutLoss.isFinite && (0...1).contains($0.heldOutAccuracy) })
        }
    }

    @Test func distanceIsRelativeToTheStart() throws {
        let architecture = try Architecture(inputs: 2, hiddenWidths: [2], outputs: 1, activation: .tanh)
        var network = Network(architecture, random: RandomSource(seed: 1)) { weights, _ in
            for i in weights.elements.indices { weights.elements[i] = 1 }
        }
        let start = network.dense.map(\.weights)
        #expect(Convergence.distance(network, from: start) == 0)
        // ‖W₀‖² = 4 + 2 = 6; moving one weight by 3 gives ‖W − W₀‖ = 3.
        network.dense[1].weights = Matrix(rows: 1, columns: 2, elements: [4, 1])
        #expect(abs(Convergence.distance(network, from: start) - 3 / 6.0.squareRoot()) < 1e-12)
    }

    @Test func unitSpreadIsTheStandardDeviationAcrossUnits() throws {
        let architecture = try Architecture(inputs: 2, hiddenWidths: [2], outputs: 2, activation: .tanh)
        var network = Network(architecture, random: RandomSource(seed: 1)) { weights, _ in
            for i in weights.elements.indices { weights.elements[i] = 0 }
        }
        #expect(Convergence.unitSpread(network) == 0)
        // Units (rows) 1 and 2 differ by 2 in input 0 and by 0 in input 1: spreads 1 and 0.
        network.dense[0].weights = Matrix(rows: 2, columns: 2, elements: [1, 5, 3, 5])
        #expect(abs(Convergence.unitSpread(network) - 0.5) < 1e-12)
    }

    @Test func aDivergingRunIsRecordedNotFatal() throws {
        var parameters = Self.experiment.parameters
        parameters.setups = [
            Convergence.Setup(
                name: "explode", activation: .relu, depth: 4, width: 16, batchNorm: [false],
                rules: [InitializerChoice(.normal, std: 3)], learningRate: 10, momentum: 0.9, steps: 30)
        ]
        parameters.seeds = 1
        let result = Convergence(parameters: parameters).run(random: RandomSource(seed: 3))
        #expect(result.runs.count == 1)
        #expect(result.runs[0].divergedAt != nil)
    }

    /// Every profile trains on the shipped digits: 4,000 to train on, 1,000 held out.
    @Test func profilesTrainOnTheShippedDigits() {
        for profile in Profile.allCases {
            #expect(Convergence(profile: profile).parameters.dataset == .shipped(.mnist5k))
        }
        #expect(Self.result.classes == 10 && Self.result.trainingSamples == 4000 && Self.result.heldOutSamples == 1000)
        #expect(Self.experiment.problems(in: Self.result).isEmpty)
        var one = Self.result
        one.classes = 1
        #expect(!Self.experiment.problems(in: one).isEmpty)
    }

    /// Shapeset stays a choice: the same setups train on generated shapes of nine classes.
    @Test func shapesetIsStillAChoice() {
        var parameters = Self.experiment.parameters
        parameters.dataset = .shapeset
        parameters.setups = [parameters.setups[4]]
        parameters.seeds = 2
        parameters.trainingSamples = 500
        parameters.heldOutSamples = 100
        let result = Convergence(parameters: parameters).run(random: RandomSource(seed: 2))
        #expect(result.classes == Shapeset.classes.count && result.trainingSamples == 500 && result.heldOutSamples == 100)
        #expect(result.runs.count == 4)
    }

    /// The runs go longest first (the deep setups), but the result keeps the order of the setups,
    /// rules and seeds, which `problems(in:)` checks run by run.
    @Test func theLongestRunsGoFirstAndTheResultKeepsItsOrder() {
        let costs = Self.experiment.parameters.setups.map(Convergence.cost)
        #expect(costs.max() == costs.first)
        #expect(Self.experiment.problems(in: Self.result).isEmpty)
    }

    /// A name is text, files a mapping; the content hash goes into the cache's spelling only.
    @Test func datasetsAreSpelledAsNamesOrFiles() throws {
        func decoded(_ json: String) throws -> Convergence.Dataset {
            try JSONDecoder().decode(Convergence.Dataset.self, from: Data(json.utf8))
        }
        #expect(try decoded("\"shapeset\"") == .shapeset)
        #expect(try decoded("\"mnist-5k\"") == .shipped(.mnist5k))
        #expect(throws: DecodingError.self) { try decoded("\"mnist\"") }
        let files = Convergence.Dataset.files(
            IDXPair(images: "a", labels: "b"), heldOut: IDXPair(images: "c", labels: "d"),
            contentHash: 7)
        #expect(try decoded(#"{"images": "a", "labels": "b", "held_out": {"images": "c", "labels": "d"}, "content_hash": 7}"#) == files)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(
            String(decoding: try encoder.encode(files), as: UTF8.self)
                == #"{"content_hash":7,"held_out":{"images":"c","labels":"d"},"images":"a","labels":"b"}"#)
        encoder.userInfo[try #require(Convergence.Dataset.withoutContentHash)] = true
        #expect(
            String(decoding: try encoder.encode(files), as: UTF8.self)
                == #"{"held_out":{"images":"c","labels":"d"},"images":"a","labels":"b"}"#)
    }
}
