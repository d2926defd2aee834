import Foundation
import Testing

@testable import Experiments

@Suite struct ResultCacheTests {
    /// A folder of the test's own under the temporary folder, removed by `remove()`.
    struct Scratch {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-cache-\(UUID().uuidString)")
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static let code = CodeIdentity(code: String(repeating: "ab", count: 32), blas: "BLIS 0.9.0 int64 pthreads")

    /// Saturation at sizes that run in milliseconds.
    static let saturation: Saturation = {
        // From the quick profile, so that parameters this test does not care about keep their
        // names and values as the experiment changes.
        var parameters = Saturation(profile: .quick).parameters
        parameters.fanIns = [1, 4]
        parameters.settings = SaturationSetting.allCases
        (parameters.units, parameters.batch, parameters.drawsPerFanIn, parameters.maxReplicates) = (8, 8, 1 << 10, 4)
        return Saturation(parameters: parameters)
    }()

    /// A diverged run records infinities and NaNs; the cache must give them back, not call the
    /// entry corrupt and rerun the experiment at every build.
    @Test func nonFiniteValuesRoundTrip() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let cache = ResultCache(folder: scratch.folder)
        let experiment = Convergence(parameters: Convergence(profile: .quick).parameters.withOneRun)
        let point = Convergence.Point(
            step: 3, trainingLoss: .infinity, heldOutLoss: -.infinity, heldOutAccuracy: 0.5, unitSpread: .nan, distance: 0.25)
        let run = Convergence.Run(
            setup: experiment.parameters.setups[0].name, rule: experiment.parameters.setups[0].rules[0],
            batchNorm: experiment.parameters.setups[0].batchNorm[0], seed: 0, points: [point], divergedAt: 3)
        try cache.store(Convergence.Result(runs: [run], classes: 9, inputs: 4, trainingSamples: 100, heldOutSamples: 10), for: experiment, seed: 7)
        guard case .hit(let result) = cache.load(experiment, seed: 7) else {
            Issue.record("the entry did not load: \(cache.load(experiment, seed: 7))")
            return
        }
        let loaded = try #require(result.runs.first?.points.first)
        #expect(loaded.trainingLoss == .infinity && loaded.heldOutLoss == -.infinity && loaded.unitSpread.isNaN)
        #expect(loaded.heldOutAccuracy == 0.5 && loaded.distance == 0.25 && result.runs.first?.divergedAt == 3)
    }

    /// The key follows the code: another digest of the experiment's code, or another BLAS, is
    /// another entry, so a fix to the code is never served the old numbers.
    @Test func keysDifferWhenTheCodeDiffers() {
        let parameters = Data("{\"units\":8}".utf8)
        let name = ResultCache.entryName(id: "saturation", seed: 1, parameters: parameters, code: Self.code)
        var otherCode = Self.code
        otherCode.code = String(repeating: "ab", count: 31) + "ac"
        var otherBLAS = Self.code
        otherBLAS.blas = "OpenBLAS 0.3.21 Haswell"
        #expect(ResultCache.entryName(id: "saturation", seed: 1, parameters: parameters, code: otherCode) != name)
        #expect(ResultCache.entryName(id: "saturation", seed: 1, parameters: parameters, code: otherBLAS) != name)
    }

    /// The same inputs give the same entry on any machine and in any cache folder: nothing but
    /// the id, seed, parameters and code identity enters the name (pinned, so a machine-dependent
    /// input cannot creep in unnoticed; the value is FNV-1a of the key text, as any tool computes it).
    @Test func keysAreTheSameOnEveryMachine() {
        let first = ResultCache(folder: URL(fileURLWithPath: "/srv/shard-1"), identity: { _ in Self.code })
        let second = ResultCache(folder: URL(fileURLWithPath: "/home/teacher/course/.initlab-cache"), identity: { _ in Self.code })
        let name = first.entry(for: Self.saturation, seed: 3)?.lastPathComponent
        #expect(name != nil && name == second.entry(for: Self.saturation, seed: 3)?.lastPathComponent)
        #expect(
            ResultCache.entryName(id: "saturation", seed: 1, parameters: Data("{}".utf8), code: Self.code)
                == "saturation-67fccac127931b0b0b0ac5764d5cf2f4.json")
    }

    /// The build's own digests: one for every experiment of the catalogue, each different, so an
    /// edit of one experiment's folder re-runs that experiment alone.
    @Test func everyExperimentHasItsOwnCodeDigest() {
        let digests = Plan.catalogue.map { CodeIdentity.ofBuild(experiment: $0.id)?.code }
        #expect(digests.allSatisfy { $0?.count == 64 })
        #expect(Set(digests).count == Plan.catalogue.count)
        #expect(CodeIdentity.blas.hasPrefix("OpenBLAS 0.3.31"), "\(CodeIdentity.blas)")
    }

    /// An entry stored by other code is a miss for this code, though it lies in the same folder.
    @Test func anEntryOfOtherCodeIsAMiss() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let result = Self.saturation.run(random: Saturation.stream(seed: 1))
        try ResultCache(folder: scratch.folder, identity: { _ in Self.code }).store(result, for: Self.saturation, seed: 1)
        let fixed = CodeIdentity(code: String(repeating: "cd", count: 32), blas: Self.code.blas)
        guard case .miss = ResultCache(folder: scratch.folder, identity: { _ in fixed }).load(Self.saturation, seed: 1) else {
            Issue.record("an entry of other code was served")
            return
        }
        guard case .hit = ResultCache(folder: scratch.folder, identity: { _ in Self.code }).load(Self.saturation, seed: 1) else {
            Issue.record("the entry of the same code was not served")
            return
        }
    }

    /// An entry whose checksum holds but whose content is not a result of its parameters (one
    /// saturation row where there are six) is not served: the build recomputes it, with a warning,
    /// and stores the whole result in its place.
    @Test func anEntryThatDoesNotFitItsParametersIsRecomputed() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let cache = ResultCache(folder: scratch.folder, identity: { _ in Self.code })
        let full = Self.saturation.run(random: Saturation.stream(seed: 1))
        try cache.store(Saturation.Result(rows: Array(full.rows.prefix(1))), for: Self.saturation, seed: 1)
        guard case .corrupt(let reason) = cache.load(Self.saturation, seed: 1) else {
            Issue.record("a one-row saturation result was served")
            return
        }
        #expect(reason.contains("saturation rows: 1 instead of 6"))
        let outcome = Runner(plan: Plan(seed: 1, profile: .quick, experiments: [Self.saturation]), cache: cache).run()
        #expect(outcome.timings.map(\.cached) == [false])
        #expect(outcome.warnings.count == 1 && outcome.warnings[0].contains("does not fit its parameters"))
        guard case .hit(let stored) = cache.load(Self.saturation, seed: 1) else {
            Issue.record("the recomputed result was not stored")
            return
        }
        #expect(stored.rows.count == 6)
    }
}

extension Convergence.Parameters {
    /// One setup with one rule, batch-norm choice and seed: a result of one run fits it.
    var withOneRun: Self {
        var parameters = self
        parameters.setups = [parameters.setups[0]]
        parameters.setups[0].rules = [parameters.setups[0].rules[0]]
        parameters.setups[0].batchNorm = [parameters.setups[0].batchNorm[0]]
        parameters.seeds = 1
        return parameters
    }
}
