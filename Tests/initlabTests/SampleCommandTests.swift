import Foundation
import Scratch
import Testing

@Suite struct SampleCommandTests {
    @Test func writesALoadableNpyFile() throws {
        let scratch = try ScratchFolder("initlab-sample-command")
        defer { scratch.remove() }
        let root = scratch.url
        let file = root.appendingPathComponent("w.npy")
        let outcome = try Initlab.run(["sample", "glorot-uniform", "--shape", "256,784", "--seed", "3", "--output", file.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let data = try Data(contentsOf: file)
        // NumPy format 1.0: magic, version, header length, a dict padded to a multiple of 64.
        #expect(data.prefix(8) == Data([0x93]) + Data("NUMPY".utf8) + Data([1, 0]))
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        let header = String(decoding: data[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.contains("'descr': '<f4'") && header.contains("'shape': (256, 784)"))
        #expect((10 + headerLength) % 64 == 0)
        #expect(data.count == 10 + headerLength + 4 * 256 * 784)
        // Glorot-uniform bound for 784×256 (LIBRARIES.md): no weight beyond it.
        let bound: Float = 0.075955452531275
        let weights = data[(10 + headerLength)...].withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        #expect(weights.allSatisfy { abs($0) <= bound })
        #expect(weights.contains { abs($0) > 0.99 * bound })
    }

    @Test func sameSeedSameBytes() throws {
        let scratch = try ScratchFolder("initlab-sample-command")
        defer { scratch.remove() }
        let root = scratch.url
        let paths = ["a", "b", "c"].map { root.appendingPathComponent("\($0).csv").path }
        for (path, seed) in zip(paths, ["1", "1", "2"]) {
            #expect(try Initlab.run(["sample", "orthogonal", "--shape", "8,8", "--seed", seed, "--output", path]).status == 0)
        }
        let contents = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(contents[0] == contents[1])
        #expect(contents[0] != contents[2])
    }

    /// LSUV needs a network and data: refused in one line at the rule, whatever the options,
    /// and nothing is written.
    @Test func lsuvIsRefusedForWantOfData() throws {
        let scratch = try ScratchFolder("initlab-sample-command")
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("w.npy")
        for extra in [[], ["--gain", "2"]] {
            let outcome = try Initlab.run(["sample", "lsuv", "--shape", "4,4", "--output", file.path] + extra)
            #expect(outcome.status == 2)
            #expect(outcome.stderr.hasPrefix("initlab: error: RULE: lsuv needs a network and a batch of data"), "\(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1)
        }
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test(arguments: [
        (["sample", "he-norml", "--shape", "3,3", "--output", "/tmp/x.npy"], "did you mean he-normal?"),
        (["sample", "he-normal", "--shape", "3", "--output", "/tmp/x.npy"], "--shape"),
        (["sample", "uniform", "--shape", "3,3", "--output", "/tmp/x.npy"], "--bound"),
        (["sample", "he-normal", "--shape", "3,3", "--output", "/nonexistent/dir/x.npy"], "/nonexistent/dir"),
    ])
    func badInputIsAUsageError(_ arguments: [String], _ mentioned: String) throws {
        let outcome = try Initlab.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(mentioned), "\(outcome.stderr)")
    }
}
