import Foundation
import Testing

@testable import Experiments
@testable import Networks
@testable import Numerics

@Suite struct ConvergenceTests {
    static let experiment = Convergence(profile: .quick)
    static let result = experiment.run(random: RandomSource(seed: 1))

    @Test func zeroWeightsKeepUnitsIdentical() {
        let checks = Self.experiment.checks(Self.result)
        #expect(checks.map(\.id) == ["convergence/symmetry/zeros"])
        #expect(checks.allSatisfy { $0.passed }, "\(checks)")
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

    /// The handout keeps Shapeset until its prose moves to real data; the paper profile trains
    /// on the shipped digits.
    @Test func profilesChooseTheirData() {
        #expect(Convergence(profile: .quick).parameters.dataset == .shapeset)
        #expect(Convergence(profile: .handout).parameters.dataset == .shapeset)
        #expect(Convergence(profile: .paper).parameters.dataset == .shipped(.mnist5k))
        #expect(Self.result.classes == Shapeset.classes.count)
        #expect(Self.experiment.problems(in: Self.result).isEmpty)
        #expect(!Self.experiment.problems(in: Convergence.Result(runs: Self.result.runs, classes: 1)).isEmpty)
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
