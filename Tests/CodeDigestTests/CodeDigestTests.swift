import Foundation
import Testing

@testable import CodeDigest

@Suite struct CodeDigestTests {
    /// The test vectors of FIPS 180-4 (and the empty message), including a message whose padding
    /// needs a second block.
    @Test func sha256MatchesTheStandard() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// A package in a temporary folder with two experiments and a shared module.
    struct Package {
        let root: URL
        init(files: [String: String]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-digest-\(UUID().uuidString)")
            for (path, contents) in files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url)
            }
        }
        var paths: [String] {
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }.map(\.path)
        }
        func digests() throws -> [String: String] {
            let digest = try CodeDigest(packageFolder: root.path, files: paths)
            var result = digest.experiments.mapValues { digest.digest(digest.shared + $0) }
            result["shared"] = digest.digest(digest.shared)
            return result
        }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let sources = [
        "Sources/Experiments/Saturation/Saturation.swift": "struct Saturation {}",
        "Sources/Experiments/Modes/Modes.swift": "struct Modes {}",
        "Sources/Experiments/Shared/LayerStatistics.swift": "struct LayerStatistics {}",
        "Sources/Networks/Network.swift": "struct Network {}",
        "Sources/Numerics/Matrix.swift": "struct Matrix {}",
    ]

    @Test func experimentsHaveTheirOwnDigests() throws {
        let package = try Package(files: Self.sources)
        defer { package.remove() }
        let digests = try package.digests()
        #expect(Set(digests.keys) == ["Saturation", "Modes", "shared"])
        #expect(Set(digests.values).count == 3)
    }

    /// Two copies in different folders, written at different times, digest alike: nothing of
    /// the machine enters.
    @Test func digestsDependOnRelativePathsAndContentsOnly() throws {
        let first = try Package(files: Self.sources)
        defer { first.remove() }
        Thread.sleep(forTimeInterval: 0.01)
        let second = try Package(files: Self.sources)
        defer { second.remove() }
        #expect(try first.digests() == second.digests())
    }

    /// An edit of a shared module changes every experiment's digest; an edit of one experiment
    /// changes only its own.
    @Test func editsChangeTheDigestsOfWhatTheyTouch() throws {
        let original = try Package(files: Self.sources)
        defer { original.remove() }
        var networks = Self.sources
        networks["Sources/Networks/Network.swift"] = "struct Network { var layers = 2 }"
        let editedNetworks = try Package(files: networks)
        defer { editedNetworks.remove() }
        var saturation = Self.sources
        saturation["Sources/Experiments/Saturation/Saturation.swift"] = "struct Saturation { var rows = 13 }"
        let editedSaturation = try Package(files: saturation)
        defer { editedSaturation.remove() }
        let before = try original.digests(), afterNetworks = try editedNetworks.digests(), afterSaturation = try editedSaturation.digests()
        #expect(afterNetworks["Saturation"] != before["Saturation"] && afterNetworks["Modes"] != before["Modes"])
        #expect(afterSaturation["Saturation"] != before["Saturation"] && afterSaturation["Modes"] == before["Modes"])
    }

    /// The experiments' Shared folder is no experiment: its edits change every digest.
    @Test func theSharedFolderIsInEveryDigest() throws {
        let original = try Package(files: Self.sources)
        defer { original.remove() }
        var shared = Self.sources
        shared["Sources/Experiments/Shared/LayerStatistics.swift"] = "struct LayerStatistics { var mean = 0.0 }"
        let edited = try Package(files: shared)
        defer { edited.remove() }
        let before = try original.digests(), after = try edited.digests()
        #expect(before["Shared"] == nil)
        #expect(after["Saturation"] != before["Saturation"] && after["Modes"] != before["Modes"])
    }

    @Test func aFileOutsideThePackageIsRefused() {
        #expect(throws: CodeDigest.Failure.self) { try CodeDigest(packageFolder: "/work/nowhere", files: ["/etc/hostname"]) }
    }
}
