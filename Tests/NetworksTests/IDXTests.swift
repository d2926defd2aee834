import Foundation
import Testing
@testable import Networks
import Scratch

@Suite struct IDXTests {
    static func idx(magic: UInt32, sizes: [UInt32], payload: [UInt8]) -> Data {
        var bytes: [UInt8] = []
        for word in [magic] + sizes { bytes += [24, 16, 8, 0].map { UInt8((word >> $0) & 0xFF) } }
        return Data(bytes + payload)
    }

    /// Three 2×3 images and their labels.
    static func write(in folder: URL, images: Data? = nil, labels: Data? = nil) throws -> (URL, URL) {
        let imageURL = folder.appendingPathComponent("images-idx3-ubyte"), labelURL = folder.appendingPathComponent("labels-idx1-ubyte")
        try (images ?? idx(magic: 0x803, sizes: [3, 2, 3], payload: (0..<18).map { UInt8($0 * 15) })).write(to: imageURL)
        try (labels ?? idx(magic: 0x801, sizes: [3], payload: [7, 0, 9])).write(to: labelURL)
        return (imageURL, labelURL)
    }

    @Test func readsImagesAndLabels() throws {
        let scratch = try ScratchFolder("idx-tests")
        defer { scratch.remove() }
        let (images, labels) = try Self.write(in: scratch.url)
        let data = try IDX.read(images: images, labels: labels)
        #expect(data.count == 3 && data.featureCount == 6 && data.classCount == 10)
        #expect(data.labels == [7, 0, 9])
        #expect(data.inputs.elements == (0..<18).map { Float($0 * 15) / 255 })
    }

    @Test func swappedFilesAreReportedWithAHint() throws {
        let scratch = try ScratchFolder("idx-tests")
        defer { scratch.remove() }
        let (images, labels) = try Self.write(in: scratch.url)
        let error = try #require(throws: IDXError.self) { try IDX.read(images: labels, labels: images) }
        #expect(error == .wrongMagic(file: labels.path, found: 0x801, expected: 0x803))
        #expect(error.description.contains("labels-idx1-ubyte") && error.description.contains("swapped"))
    }

    @Test func truncatedFilesNameTheirSize() throws {
        let scratch = try ScratchFolder("idx-tests")
        defer { scratch.remove() }
        let folder = scratch.url
        let short = Self.idx(magic: 0x803, sizes: [3, 2, 3], payload: Array(repeating: 1, count: 17))
        let (images, labels) = try Self.write(in: folder, images: short)
        #expect(throws: IDXError.truncated(file: images.path, expectedBytes: 34, actualBytes: 33)) {
            try IDX.read(images: images, labels: labels)
        }
        let header = Data([0, 0, 8, 3, 0, 0])
        _ = try Self.write(in: folder, images: header)
        #expect(throws: IDXError.truncated(file: images.path, expectedBytes: 16, actualBytes: 6)) {
            try IDX.read(images: images, labels: labels)
        }
        let long = Self.idx(magic: 0x801, sizes: [3], payload: [1, 2, 3, 4])
        _ = try Self.write(in: folder, labels: long)
        #expect(throws: IDXError.trailingBytes(file: labels.path, expectedBytes: 11, actualBytes: 12)) {
            try IDX.read(images: images, labels: labels)
        }
    }

    @Test func countsMustAgree() throws {
        let scratch = try ScratchFolder("idx-tests")
        defer { scratch.remove() }
        let (images, labels) = try Self.write(in: scratch.url, labels: Self.idx(magic: 0x801, sizes: [2], payload: [1, 2]))
        let error = try #require(throws: IDXError.self) { try IDX.read(images: images, labels: labels) }
        #expect(error == .countMismatch(images: images.path, imageCount: 3, labels: labels.path, labelCount: 2))
        #expect(error.description.contains("3 images") && error.description.contains("2 labels"))
    }

    @Test func otherFailuresNameTheFile() throws {
        let scratch = try ScratchFolder("idx-tests")
        defer { scratch.remove() }
        let folder = scratch.url
        let missing = folder.appendingPathComponent("missing")
        let (images, labels) = try Self.write(in: folder)
        let unreadable = try #require(throws: IDXError.self) { try IDX.read(images: missing, labels: labels) }
        #expect(unreadable.description.hasPrefix(missing.path))
        _ = try Self.write(in: folder, images: Data([0x1F, 0x8B, 8, 0]))
        #expect(throws: IDXError.compressed(file: images.path)) { try IDX.read(images: images, labels: labels) }
        _ = try Self.write(in: folder, labels: Self.idx(magic: 0x801, sizes: [3], payload: [1, 12, 2]))
        #expect(throws: IDXError.labelOutOfRange(file: labels.path, index: 1, label: 12, classCount: 10)) {
            try IDX.read(images: images, labels: labels)
        }
        _ = try Self.write(in: folder, images: Self.idx(magic: 0x803, sizes: [0, 2, 3], payload: []), labels: Self.idx(magic: 0x801, sizes: [0], payload: []))
        #expect(throws: IDXError.empty(file: images.path)) { try IDX.read(images: images, labels: labels) }
    }
}
