import Foundation
import Scratch
import Testing
import TextSupport

@testable import Configuration
@testable import Experiments
@testable import Networks

/// `experiments.convergence.dataset` pointed at IDX files the tests write.
@Suite struct DatasetConfigurationTests {
    static let classes = 3

    /// Writes the set (images gzipped, labels plain) into `data/` of `folder` and a quick
    /// configuration that names them relative to itself (or gives `dataset` instead).
    func configuration(in folder: URL, dataset: String? = nil) throws -> URL {
        let set = IDXWriter.images(classes: Self.classes, perClass: 20, side: 4)
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try IDXWriter.gzip(set.images).write(to: data.appendingPathComponent("images-idx3-ubyte.gz"))
        try set.labels.write(to: data.appendingPathComponent("labels-idx1-ubyte"))
        let file = folder.appendingPathComponent("course.yml")
        let value = dataset ?? "{images: data/images-idx3-ubyte.gz, labels: data/labels-idx1-ubyte}"
        try Data("profile: quick\nexperiments:\n  convergence:\n    seeds: 1\n    dataset: \(value)\n".utf8).write(to: file)
        return file
    }

    func convergence(_ configuration: BuildConfiguration) throws -> Convergence {
        try #require(configuration.experiments.compactMap { $0 as? Convergence }.first)
    }

    @Test func aConfigurationTrainsOnIDXFilesReadOnce() throws {
        try withScratchFolder("initlab-dataset") { folder in
            let file = try configuration(in: folder)
            let experiment = try convergence(BuildConfiguration(path: file.path))
            guard case .files(let pair, nil, let hash?) = experiment.parameters.dataset else {
                Issue.record("not files with a content hash: \(experiment.parameters.dataset)")
                return
            }
            // Relative to the configuration file's folder, not the working folder.
            #expect(pair.images == folder.appendingPathComponent("data/images-idx3-ubyte.gz").standardizedFileURL.path)
            #expect(hash != 0)
            // Read when the configuration was: the run trains on that, whatever the files hold now.
            try Data("gone".utf8).write(to: URL(fileURLWithPath: pair.images))
            let result = experiment.run(random: Convergence.stream(seed: 1))
            #expect(result.classes == Self.classes)
            #expect(experiment.problems(in: result).isEmpty, "\(experiment.problems(in: result))")
            // 4×4 images, three classes: the network's widths come from the data.
            let run = try #require(result.runs.first { $0.divergedAt == nil })
            #expect(run.points.allSatisfy { (0...1).contains($0.heldOutAccuracy) })
        }
    }

    /// The printed configuration names the files and leaves the hash to the build, so that it
    /// can be fed back unchanged.
    @Test func thePrintedConfigurationNamesTheFilesWithoutTheirHash() throws {
        try withScratchFolder("initlab-dataset") { folder in
            let file = try configuration(in: folder)
            let printed = try BuildConfiguration(path: file.path).yaml()
            let images = folder.appendingPathComponent("data/images-idx3-ubyte.gz").standardizedFileURL.path
            #expect(printed.contains("    dataset:\n      images: \(images)\n"))
            #expect(!printed.contains("content_hash"))
            try Data(printed.utf8).write(to: file)
            #expect(try BuildConfiguration(path: file.path).yaml() == printed)
        }
    }

    @Test func aMissingFileIsLocatedAtItsKey() throws {
        try withScratchFolder("initlab-dataset") { folder in
            let file = try configuration(in: folder, dataset: "{images: data/images-idx3-ubyte.gz, labels: data/absent}")
            let error = try #require(throws: LocatedError.self) { try BuildConfiguration(path: file.path) }
            #expect(error.location == "\(file.path):5:58")
            let absent = "\(folder.path)/data/absent"
            #expect(error.message.hasPrefix("experiments.convergence.dataset.labels: \(absent): cannot be read"), "\(error)")
            #expect(error.hint == "check the path, which is relative to the configuration file's folder")
        }
    }

    @Test func aCorruptFileIsLocatedAtItsKey() throws {
        try withScratchFolder("initlab-dataset") { folder in
            let file = try configuration(in: folder)
            let images = folder.appendingPathComponent("data/images-idx3-ubyte.gz")
            var bytes = [UInt8](try Data(contentsOf: images))
            bytes.removeLast(30)
            try Data(bytes).write(to: images)
            let error = try #require(throws: LocatedError.self) { try BuildConfiguration(path: file.path) }
            #expect(error.location == "\(file.path):5:23")
            #expect(error.message.hasPrefix("experiments.convergence.dataset.images: \(images.path): "), "\(error)")
            #expect(error.hint == "download the file again")
        }
    }

    @Test func anUnknownNameSuggestsTheNearest() throws {
        try withScratchFolder("initlab-dataset") { folder in
            let file = try configuration(in: folder, dataset: "mnist5k")
            let error = try #require(throws: LocatedError.self) { try BuildConfiguration(path: file.path) }
            #expect(
                error.description
                    == "\(file.path):5:14: experiments.convergence.dataset: no data set is called mnist5k (did you mean mnist-5k?)")
        }
    }

    /// One changed pixel is other data: its results are not the cached ones.
    @Test func changedDataMissesTheCache() throws {
        try withScratchFolder("initlab-dataset") { folder in
            let file = try configuration(in: folder)
            let cache = ResultCache(folder: folder.appendingPathComponent("cache")) { _ in CodeIdentity(code: "test", blas: "test") }
            func entry() throws -> URL? { cache.entry(for: try convergence(BuildConfiguration(path: file.path)), seed: 1) }
            let first = try #require(try entry())
            #expect(try entry() == first)
            let set = IDXWriter.images(classes: Self.classes, perClass: 20, side: 4)
            var images = [UInt8](set.images)
            images[images.count - 1] ^= 1
            try IDXWriter.gzip(Data(images)).write(to: folder.appendingPathComponent("data/images-idx3-ubyte.gz"))
            #expect(try entry() != first)
        }
    }

    /// A build reads the shipped digits when its configuration is made, split 4,000 / 1,000 for
    /// the run to train on; a configuration that asks for Shapeset reads nothing.
    @Test func theProfilesReadTheirData() throws {
        let paper = try convergence(BuildConfiguration(profile: .paper, seed: 3).readingData())
        #expect(paper.parameters.dataset == .shipped(.mnist5k))
        let samples = try #require(paper.readData.samples(stream: Convergence.stream(seed: 3).derived("data").key))
        #expect((samples.training.count, samples.heldOut.count, samples.training.featureCount) == (4000, 1000, 784))
        #expect(samples.training.classCount == 10)
        try withScratchFolder("initlab-dataset") { folder in
            let file = folder.appendingPathComponent("course.yml")
            try Data("experiments:\n  convergence:\n    dataset: shapeset\n".utf8).write(to: file)
            let shapes = try convergence(BuildConfiguration(path: file.path).readingData())
            #expect(shapes.parameters.dataset == .shapeset)
            #expect(shapes.readData.samples(stream: Convergence.stream(seed: 1).derived("data").key) == nil)
        }
    }
}
