import Foundation
import Networks
import Numerics

extension Convergence {
    /// The standardised samples every run of a build trains and is evaluated on.
    struct Samples: Sendable {
        let training: LabelledData
        let heldOut: LabelledData
    }

    /// Data read from files, kept with the experiment so that a build reads them once: when its
    /// configuration is checked (which needs their content hash for the cache key and must find
    /// bad files before anything runs), not again when the experiment runs. Copies of the
    /// experiment share it.
    final class ReadData: @unchecked Sendable {
        private let lock = NSLock()
        private var entry: (stream: UInt64, samples: Samples)?

        /// The samples split by the stream with this key, if they were read.
        func samples(stream: UInt64) -> Samples? {
            lock.withLock { entry?.stream == stream ? entry?.samples : nil }
        }

        func keep(_ samples: Samples, stream: UInt64) {
            lock.withLock { entry = (stream, samples) }
        }
    }

    /// This experiment with its files read, checked, split and standardised for a build with
    /// `seed`, and their content hash in its parameters. Shapeset is generated when the
    /// experiment runs, as it costs nothing to check and a cached result needs none of it.
    public func readingData(seed: UInt64) throws(DataSourceError) -> Convergence {
        guard let source = parameters.dataset.source else { return self }
        let stream = Self.stream(seed: seed).derived("data")
        let data = try source.load(random: stream)
        var parameters = parameters
        parameters.dataset = parameters.dataset.hashed(data.contentHash)
        let read = Convergence(parameters: parameters)
        read.readData.keep(Samples(training: data.training, heldOut: data.heldOut), stream: stream.key)
        return read
    }

    /// The samples of a run with `random`: read already, or read now (a plan made without a
    /// configuration, as the seed sweep makes it), or generated.
    func samples(random: RandomSource) -> Samples {
        let p = parameters
        guard let source = p.dataset.source else {
            // One data set for every run, so that the runs differ only in what they compare.
            let shapes = Shapeset(split: .training, random: random.derived("shapes"), side: p.imageSide)
            let rawTraining = LabelledData(materializing: shapes, count: p.trainingSamples)
            let standardization = Standardization(fittedTo: rawTraining, samples: p.trainingSamples)
            let heldOutShapes = Shapeset(split: .validation, random: random.derived("shapes"), side: p.imageSide)
            return Samples(
                training: LabelledData(materializing: rawTraining.standardized(by: standardization), count: p.trainingSamples),
                heldOut: LabelledData(materializing: heldOutShapes.standardized(by: standardization), count: p.heldOutSamples))
        }
        let stream = random.derived("data")
        if let samples = readData.samples(stream: stream.key) { return samples }
        do {
            let data = try source.load(random: stream)
            return Samples(training: data.training, heldOut: data.heldOut)
        } catch {
            // A build reads its files when its configuration is checked, and stops there with
            // a located error; only a plan that skipped that check gets here.
            preconditionFailure("the data of \(Self.id) cannot be read: \(error)")
        }
    }
}
