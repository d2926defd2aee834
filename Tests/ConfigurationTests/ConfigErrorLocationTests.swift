import Foundation
import Testing
import TextSupport

@testable import Configuration

/// Bad configuration files, each with the place and the words its error must have.
@Suite struct ConfigErrorLocationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        /// `line:column`, or nil when the error names the file alone.
        let position: String?
        let message: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ position: String?, _ message: String) {
            self.init(name, Array(text.utf8), position, message)
        }

        init(_ name: String, _ bytes: [UInt8], _ position: String?, _ message: String) {
            self.name = name
            self.bytes = bytes
            self.position = position
            self.message = message
        }
    }

    static let cases: [Case] = [
        Case("duplicate top-level key", "seed: 1\nprofile: quick\nseed: 2\n", "3:1", "duplicate key 'seed'"),
        Case(
            "duplicate nested key", "experiments:\n  propagation:\n    grid:\n      depth: 3\n      width: 8\n      depth: 4\n",
            "6:7", "duplicate key 'depth'"),
        Case(
            "duplicate quoted key in a flow mapping", "experiments: {saturation: {units: 3, \"units\": 4}}\n", "1:39",
            "duplicate key 'units'"),
        Case("a key three times: the second", "seed: 1\nseed: 2\nseed: 3\n", "2:1", "duplicate key 'seed'"),
        Case(
            "two repeated keys in one mapping: the first in order",
            "experiments:\n  saturation:\n    units: 3\n    batch: 2\n    units: 4\n    batch: 1\n", "6:5", "duplicate key 'batch'"),
        Case(
            "repeated keys in two mappings: the first to close",
            "experiments:\n  saturation:\n    units: 3\n    units: 4\n  modes:\n    batch: 2\n    batch: 3\n", "4:5",
            "duplicate key 'units'"),
        Case(
            "Latin-1 in a comment", Array("seed: 1\n# caf".utf8) + [0xE9] + Array("\nprofile: quick\n".utf8), "2:6",
            "not UTF-8: byte 0xE9 at offset 13"),
        Case("a cut-off character after UTF-8 ones", Array("seed: 1 # é ".utf8) + [0xC3], "1:13", "not UTF-8: byte 0xC3 at offset 13"),
        Case(
            "out-of-range nested value", "experiments:\n  propagation:\n    grid:\n      depth: 3\n      batch: 1\n", "5:14",
            "experiments.propagation.grid.batch: 1 is outside 2 to 8192"),
        Case(
            "out-of-range value two levels down", "experiments:\n  isometry:\n    spectrum:\n      tiny_singular_value: 2\n", "4:28",
            "experiments.isometry.spectrum.tiny_singular_value: must be between 0 and 1"),
        Case(
            "out-of-range list entry", "experiments:\n  modes:\n    widths: [8, 0, 8]\n", "3:17",
            "experiments.modes.widths[1]: 0 is outside 1 to 8192"),
        Case(
            "missing key in a record", "experiments:\n  propagation:\n    grid:\n      rules: [{rule: he-normal}, {std: 2}]\n", "4:34",
            "experiments.propagation.grid.rules[1]: missing key 'rule'"),
        Case(
            "list over the limit",
            "experiments:\n  saturation:\n    fan_ins: [" + Array(repeating: "1", count: 10_001).joined(separator: ",") + "]\n", "3:14",
            "experiments.saturation.fan_ins has 10001 entries; a list has at most 10000"),
        Case("course not a mapping", "course: Winter\n", "1:9", "course must be a mapping of keys"),
        Case("misspelt course key", "course:\n  titel: Weights\n", "2:3", "unknown key of course 'titel'"),
        Case("empty course title", "course:\n  title: \"\"\n", "2:10", "course.title must not be empty"),
        Case("course title a list", "course:\n  title: [a, b]\n", "2:10", "course.title must be text"),
        Case("appendices not a flag", "course:\n  appendices: some\n", "2:15", "course.appendices must be true or false"),
        Case("further not a flag", "course:\n  further: [a]\n", "2:12", "course.further must be true or false"),
        Case("omit not a list", "course:\n  omit: sec:spectra\n", "2:9", "course.omit must be a list of section labels"),
        Case("omit without sec:", "course:\n  omit: [sec:a, spectra]\n", "2:17", "course.omit lists sections by label, as sec:spectra"),
        Case("aliases of aliases", Self.aliasBomb, nil, "the configuration holds more than 100000 values"),
        Case(
            "a file over the size limit", "# " + String(repeating: "x", count: 1 << 16) + "\nseed: 1\n", nil,
            "the file is larger than 64 KiB"),
    ]

    /// Nine levels of ten aliases each: a few hundred bytes that stand for 10⁹ values.
    static let aliasBomb: String = {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text + "experiments: {saturation: {fan_ins: *a8}}\n"
    }()

    func load(_ bytes: [UInt8]) throws -> (error: LocatedError?, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-config-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("course.yml")
        try Data(bytes).write(to: file)
        do {
            _ = try BuildConfiguration(path: file.path)
            return (nil, file.path)
        } catch {
            return (error, file.path)
        }
    }

    @Test(arguments: cases)
    func locatedAndNamed(_ bad: Case) throws {
        let (error, path) = try load(bad.bytes)
        let found = try #require(error)
        #expect(found.location == (bad.position.map { "\(path):\($0)" } ?? path), "\(found)")
        #expect(found.message.hasPrefix(bad.message), "\(found)")
        #expect(!found.description.contains("CodingKeys") && !found.description.contains("\n"), "\(found)")
    }

    @Test func duplicateNamesWhereTheFirstIs() throws {
        let found = try #require(try load(Array("seed: 1\nprofile: quick\nseed: 2\n".utf8)).error)
        #expect(found.hint == "it is first given at line 1, column 1; keep one of them")
    }

    @Test func longestListIsAccepted() throws {
        let text = "experiments:\n  saturation:\n    fan_ins: [" + Array(repeating: "1", count: 10_000).joined(separator: ",") + "]\n"
        #expect(try load(Array(text.utf8)).error == nil)
    }

    /// Five million fan-ins took 65 s and 1.3 GB before they were accepted; now the file's size
    /// alone refuses them, after reading no more than the limit.
    @Test func fiveMillionFanInsAreRefusedAtOnce() throws {
        let text = "experiments:\n  saturation:\n    fan_ins: [" + Array(repeating: "1", count: 5_000_000).joined(separator: ", ") + "]\n"
        let clock = ContinuousClock()
        var outcome: (error: LocatedError?, path: String)?
        let elapsed = try clock.measure { outcome = try load(Array(text.utf8)) }
        let error = try #require(outcome?.error)
        #expect(error.message.hasPrefix("the file is larger than 64 KiB"))
        // Writing the 15 MB file is part of the measurement: the refusal itself takes milliseconds.
        #expect(elapsed < .milliseconds(500), "\(elapsed)")
    }
}
