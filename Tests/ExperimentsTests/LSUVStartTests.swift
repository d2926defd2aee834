import Testing

@testable import Experiments
@testable import Networks
@testable import Numerics

@Suite struct LSUVStartTests {
    static let experiment: LSUVStart = {
        var parameters = LSUVStart(profile: .quick).parameters
        parameters.setups = parameters.setups.map { setup in
            var small = setup
            small.depth = 6
            small.width = 16
            small.steps = 12
            return small
        }
        parameters.seeds = 2
        parameters.batch = 16
        parameters.lsuvBatch = 64
        parameters.heldOutSamples = 200
        parameters.evaluations = 3
        return LSUVStart(parameters: parameters)
    }()
    static let result = experiment.run(random: RandomSource(seed: 1))

    @Test func everyCheckPassesAndTheResultHasItsShape() {
        #expect(Self.result.dataError == nil)
        #expect(Self.experiment.problems(in: Self.result).isEmpty, "\(Self.experiment.problems(in: Self.result))")
        let checks = Self.experiment.checks(Self.result)
        #expect(
            checks.map(\.id)
                == ["relu", "tanh"].flatMap { ["lsuv/\($0)/within-tolerance", "lsuv/\($0)/iterations", "lsuv/\($0)/one-step"] })
        #expect(checks.allSatisfy { $0.passed }, "\(checks.filter { !$0.passed })")
        CheckPolicy.expectFollowed(checks)
    }

    /// LSUV's runs start with every layer's variance at 1 on the batch; the derived rules'
    /// drift from it (tanh with Glorot's rule shrinks the signal).
    @Test func lsuvStartsAtUnitVarianceAndTheRulesDoNot() throws {
        for setup in Self.experiment.parameters.setups {
            for run in Self.experiment.runs(Self.result, setup, .lsuv) {
                #expect(run.layerVariances.allSatisfy { abs($0 - 1) < 0.1 }, "\(run.layerVariances)")
                let report = try #require(run.lsuv)
                #expect(zip(report.layers.map(\.finalVariance), run.layerVariances).allSatisfy { abs($0 - $1) < 1e-4 })
            }
        }
        let tanh = try #require(Self.experiment.parameters.setups.first { $0.name == "tanh" })
        #expect(Self.experiment.runs(Self.result, tanh, .baseline).allSatisfy { ($0.layerVariances.last ?? 1) < 0.9 })
    }

    @Test func aResultWithoutDataSaysWhy() {
        let result = LSUVStart.Result(runs: [], dataError: "no file")
        #expect(Self.experiment.problems(in: result) == ["lsuv: the data could not be read: no file"])
    }
}
