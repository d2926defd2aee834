import Foundation
import Scratch
import Testing

/// The convergence experiment pointed at IDX files through a configuration, as a user does it.
@Suite struct RealDataCommandTests {
    /// Writes a small label-sorted set into `folder` and a quick configuration naming it
    /// relative to itself; `images` replaces the image file's content when given.
    func configuration(in folder: URL, images: Data? = nil) throws -> URL {
        let set = IDXWriter.images(classes: 4, perClass: 25, side: 5)
        try (images ?? set.images).write(to: folder.appendingPathComponent("train-images-idx3-ubyte"))
        try IDXWriter.gzip(set.labels).write(to: folder.appendingPathComponent("train-labels-idx1-ubyte.gz"))
        let file = folder.appendingPathComponent("digits.yml")
        try Data(
            """
            profile: quick
            experiments:
              convergence:
                dataset:
                  images: train-images-idx3-ubyte
                  labels: train-labels-idx1-ubyte.gz

            """.utf8
        ).write(to: file)
        return file
    }

    @Test func theConvergenceShardTrainsOnTheFiles() throws {
        try withScratchFolder("initlab-real-data") { folder in
            let file = try configuration(in: folder)
            let cache = folder.appendingPathComponent("cache")
            // The configuration's paths are relative to its folder, not to the working folder.
            let outcome = try Initlab.run(["run", "--shard", "5/5", "--config", file.path, "--cache", cache.path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("stored convergence ("), "\(outcome.stderr)")
            let again = try Initlab.run(["run", "--shard", "5/5", "--config", file.path, "--cache", cache.path])
            #expect(again.status == 0 && again.stderr.contains("stored convergence (already cached)"), "\(again.stderr)")
        }
    }

    @Test func aCorruptFileStopsTheBuildBeforeAnyWork() throws {
        try withScratchFolder("initlab-real-data") { folder in
            let file = try configuration(in: folder, images: Data("P5 28 28 255".utf8))
            let site = folder.appendingPathComponent("site")
            let outcome = try Initlab.run(["build", "--config", file.path, "--output", site.path, "--no-cache"])
            #expect(outcome.status == 2)
            let images = folder.appendingPathComponent("train-images-idx3-ubyte").standardizedFileURL.path
            #expect(
                outcome.stderr == "initlab: error: \(file.path):5:15: experiments.convergence.dataset.images: \(images): "
                    + "not an IDX file: it starts with 50 35 20 32, not 00 00 (give the IDX files of MNIST-style data "
                    + "(…-idx3-ubyte and …-idx1-ubyte, or their .gz))\n")
            #expect(!FileManager.default.fileExists(atPath: site.path))
        }
    }
}
