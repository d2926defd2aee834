import Foundation
import Testing
@testable import Experiments

@Suite struct ResultCacheTests {
    /// A diverged run records infinities and NaNs; the cache must give them back, not call the
    /// entry corrupt and rerun the experiment at every build.
    @Test func nonFiniteValuesRoundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ResultCache(folder: folder)
        let experiment = Convergence(profile: .quick)
        let point = Convergence.Point(step: 3, trainingLoss: .infinity, heldOutLoss: -.infinity, heldOutAccuracy: 0.5, unitSpread: .nan, distance: 0.25)
        let run = Convergence.Run(setup: "symmetry", rule: InitializerChoice(.zeros), batchNorm: false, seed: 0, points: [point], divergedAt: 3)
        try cache.store(Convergence.Result(runs: [run]), for: experiment, seed: 7)
        guard case .hit(let result) = cache.load(experiment, seed: 7) else {
            Issue.record("the entry did not load: \(cache.load(experiment, seed: 7))")
            return
        }
        let loaded = try #require(result.runs.first?.points.first)
        #expect(loaded.trainingLoss == .infinity && loaded.heldOutLoss == -.infinity && loaded.unitSpread.isNaN)
        #expect(loaded.heldOutAccuracy == 0.5 && loaded.distance == 0.25 && result.runs.first?.divergedAt == 3)
    }
}
