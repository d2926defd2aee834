import Foundation
import Numerics
import Scratch
import Testing

@testable import Networks

@Suite struct IDXTests {
    typealias F = IDXFixtures
    /// Three 2×3 images and their labels.
    static let images = F.images((0..<18).map { UInt8($0 * 15) }, count: 3, rows: 2, columns: 3)
    static let labels = F.labels([7, 0, 9])

    @Test func readsImagesAndLabels() throws {
        try withScratchFolder("idx-tests") { folder in
            let (images, labels) = try F.write(images: Self.images, labels: Self.labels, in: folder)
            let set = try IDX.read(images: images, labels: labels)
            #expect(set.rows == 2 && set.columns == 3)
            // Classes run to the largest label unless given.
            #expect(set.data.count == 3 && set.data.featureCount == 6 && set.data.classCount == 10)
            #expect(set.data.labels == [7, 0, 9])
            #expect(set.data.inputs.elements == (0..<18).map { Float($0 * 15) / 255 })
            #expect(try IDX.read(images: images, labels: labels, classCount: 12).data.classCount == 12)
        }
    }

    @Test func gzippedFilesReadAsThePlainOnes() throws {
        try withScratchFolder("idx-tests") { folder in
            let (plainImages, plainLabels) = try F.write(images: Self.images, labels: Self.labels, in: folder)
            let plain = try IDX.read(images: plainImages, labels: plainLabels)
            let (images, labels) = try F.write(images: F.gzip(Self.images), labels: F.gzip(Self.labels), in: folder, suffix: ".gz")
            let compressed = try IDX.read(images: images, labels: labels)
            #expect(compressed.data == plain.data && compressed.contentHash == plain.contentHash)
            // Two gzip members, as `cat a.gz b.gz` makes, read as one file.
            let halves = F.gzip(Self.images.prefix(10)) + F.gzip(Self.images.dropFirst(10), level: 0)
            _ = try F.write(images: halves, labels: F.gzip(Self.labels), in: folder, suffix: ".gz")
            #expect(try IDX.read(images: images, labels: labels).data == plain.data)
        }
    }

    @Test func anyImageSizeAndUpTo256Classes() throws {
        try withScratchFolder("idx-tests") { folder in
            let pixels = (0..<4 * 35).map { UInt8($0 % 256) }
            let (images, labels) = try F.write(
                images: F.images(pixels, count: 4, rows: 5, columns: 7),
                labels: F.labels([255, 3, 0, 128]), in: folder)
            let set = try IDX.read(images: images, labels: labels)
            #expect(set.rows == 5 && set.columns == 7 && set.data.featureCount == 35)
            #expect(set.data.classCount == 256 && set.data.labels == [255, 3, 0, 128])
        }
    }

    @Test func theContentHashFollowsEveryByte() throws {
        try withScratchFolder("idx-tests") { folder in
            let (images, labels) = try F.write(images: Self.images, labels: Self.labels, in: folder)
            let original = try IDX.read(images: images, labels: labels).contentHash
            var changed = [UInt8](Self.images)
            changed[changed.count - 1] ^= 1
            _ = try F.write(images: Data(changed), labels: Self.labels, in: folder)
            let onePixel = try IDX.read(images: images, labels: labels).contentHash
            _ = try F.write(images: Self.images, labels: F.labels([7, 0, 8]), in: folder)
            let oneLabel = try IDX.read(images: images, labels: labels).contentHash
            #expect(Set([original, onePixel, oneLabel]).count == 3)
        }
    }

    @Test func swappedFilesAreReportedWithAHint() throws {
        try withScratchFolder("idx-tests") { folder in
            let (images, labels) = try F.write(images: Self.images, labels: Self.labels, in: folder)
            let error = try #require(throws: IDXError.self) { try IDX.read(images: labels, labels: images) }
            #expect(error == .wrongDimensions(file: labels.path, found: 1, expected: 3))
            #expect(error.description.hasPrefix(labels.path + ": ") && error.description.contains("swapped"))
        }
    }

    @Test func headerFieldsAreChecked() throws {
        try withScratchFolder("idx-tests") { folder in
            let (images, labels) = try F.write(images: Data("P5\n2 3\n255\n".utf8), labels: Self.labels, in: folder)
            #expect(throws: IDXError.notIDX(file: images.path, firstBytes: Array("P5\n2".utf8))) {
                try IDX.read(images: images, labels: labels)
            }
            // 32-bit floats (type 0x0D), as some converted sets hold.
            let floats = F.idx(magic: 0x0D03, sizes: [3, 2, 3], payload: Array(repeating: 0, count: 72))
            _ = try F.write(images: floats, labels: Self.labels, in: folder)
            let type = try #require(throws: IDXError.self) { try IDX.read(images: images, labels: labels) }
            #expect(type == .unsupportedType(file: images.path, code: 0x0D) && type.message.contains("32-bit floats"))
            let matrix = F.idx(magic: 0x802, sizes: [3, 6], payload: Array(repeating: 0, count: 18))
            _ = try F.write(images: matrix, labels: Self.labels, in: folder)
            #expect(throws: IDXError.wrongDimensions(file: images.path, found: 2, expected: 3)) {
                try IDX.read(images: images, labels: labels)
            }
        }
    }

    @Test func truncatedAndOverlongFilesNameTheirSize() throws {
        try withScratchFolder("idx-tests") { folder in
            let short = F.idx(magic: 0x803, sizes: [3, 2, 3], payload: Array(repeating: 1, count: 17))
            let (images, labels) = try F.write(images: short, labels: Self.labels, in: folder)
            #expect(throws: IDXError.truncated(file: images.path, expectedBytes: 34, actualBytes: 33)) {
                try IDX.read(images: images, labels: labels)
            }
            _ = try F.write(images: F.gzip(short), labels: Self.labels, in: folder)
            #expect(throws: IDXError.truncated(file: images.path, expectedBytes: 34, actualBytes: 33)) {
                try IDX.read(images: images, labels: labels)
            }
            _ = try F.write(images: Data([0, 0, 8, 3, 0, 0]), labels: Self.labels, in: folder)
            #expect(throws: IDXError.truncated(file: images.path, expectedBytes: 16, actualBytes: 6)) {
                try IDX.read(images: images, labels: labels)
            }
            let long = F.idx(magic: 0x801, sizes: [3], payload: [1, 2, 3, 4])
            _ = try F.write(images: Self.images, labels: long, in: folder)
            #expect(throws: IDXError.trailingBytes(file: labels.path, expectedBytes: 11, actualBytes: 12)) {
                try IDX.read(images: images, labels: labels)
            }
            _ = try F.write(images: Self.images, labels: F.gzip(long), in: folder)
            #expect(throws: IDXError.trailingBytes(file: labels.path, expectedBytes: 11, actualBytes: nil)) {
                try IDX.read(images: images, labels: labels)
            }
        }
    }

    @Test func brokenCompressionIsNamed() throws {
        try withScratchFolder("idx-tests") { folder in
            let compressed = [UInt8](F.gzip(Self.images))
            // The last 8 bytes are the CRC-32 and the length: a flipped CRC bit must be caught.
            var wrongChecksum = compressed
            wrongChecksum[compressed.count - 8] ^= 1
            let cut = Array(compressed.dropLast(8))
            let garbage = compressed + [0x00, 0x01, 0x02]
            let header = Array(compressed.prefix(10))
            for (bytes, reason) in [(wrongChecksum, "check"), (cut, "before its checksum"), (garbage, "not gzip data"), (header, "")] {
                let (images, labels) = try F.write(images: Data(bytes), labels: Self.labels, in: folder)
                let error = try #require(throws: IDXError.self) { try IDX.read(images: images, labels: labels) }
                if case .corruptCompression(let file, let message) = error {
                    #expect(file == images.path && message.contains(reason), "\(message)")
                } else if case .truncated(let file, _, let actual) = error {
                    // Only a stream that stops inside the IDX header reads as a short file.
                    #expect(file == images.path && actual < 16 && bytes == header)
                } else {
                    Issue.record("unexpected \(error)")
                }
            }
        }
    }

    @Test func oversizedInputIsRefusedBeforeItIsRead() throws {
        try withScratchFolder("idx-tests") { folder in
            // A header announcing 60,000 images of 200×200 pixels (2.4 GB) and nothing more.
            let huge = F.idx(magic: 0x803, sizes: [60_000, 200, 200], payload: [])
            let (images, labels) = try F.write(images: F.gzip(huge), labels: Self.labels, in: folder)
            #expect(throws: IDXError.tooLarge(file: images.path, bytes: 2_400_000_000, maximumBytes: IDX.defaultMaximumBytes)) {
                try IDX.read(images: images, labels: labels)
            }
            // A file larger than the limit is refused by its size alone.
            _ = try F.write(images: Self.images, labels: Self.labels, in: folder)
            #expect(throws: IDXError.tooLarge(file: images.path, bytes: 34, maximumBytes: 10)) {
                try IDX.read(images: images, labels: labels, maximumBytes: 10)
            }
        }
    }

    @Test func aDecompressionBombInflatesNoFurtherThanItsHeaderAnnounces() throws {
        try withScratchFolder("idx-tests") { folder in
            // 3 labels announced, followed by 64 MiB of zeros that compress to 64 KiB.
            let bomb = F.gzip(F.labels([1, 2, 3]) + Data(count: 64 << 20), level: 9)
            #expect(bomb.count < 100_000)
            let (images, labels) = try F.write(images: Self.images, labels: bomb, in: folder)
            #expect(throws: IDXError.trailingBytes(file: labels.path, expectedBytes: 11, actualBytes: nil)) {
                try IDX.read(images: images, labels: labels)
            }
            // Taking the 11 announced bytes and one more consumes a sliver of the compressed data.
            let stream = try GzipStream([UInt8](bomb))
            #expect(try stream.read(12).count == 12)
            #expect(stream.consumed < 1024)
        }
    }

    @Test func countsMustAgree() throws {
        try withScratchFolder("idx-tests") { folder in
            let (images, labels) = try F.write(images: Self.images, labels: F.labels([1, 2]), in: folder)
            let error = try #require(throws: IDXError.self) { try IDX.read(images: images, labels: labels) }
            #expect(error == .countMismatch(images: images.path, imageCount: 3, labels: labels.path, labelCount: 2))
            #expect(error.description.contains("3 images") && error.description.contains("2 labels"))
        }
    }

    @Test func otherFailuresNameTheFile() throws {
        try withScratchFolder("idx-tests") { folder in
            let missing = folder.appendingPathComponent("missing")
            let (images, labels) = try F.write(images: Self.images, labels: Self.labels, in: folder)
            let unreadable = try #require(throws: IDXError.self) { try IDX.read(images: missing, labels: labels) }
            #expect(unreadable.description.hasPrefix(missing.path + ": "))
            _ = try F.write(images: Self.images, labels: F.labels([1, 12, 2]), in: folder)
            #expect(throws: IDXError.labelOutOfRange(file: labels.path, index: 1, label: 12, classCount: 10)) {
                try IDX.read(images: images, labels: labels, classCount: 10)
            }
            _ = try F.write(images: Self.images, labels: F.labels([0, 0, 0]), in: folder)
            #expect(throws: IDXError.singleClass(file: labels.path)) { try IDX.read(images: images, labels: labels) }
            _ = try F.write(images: F.images([], count: 3, rows: 0, columns: 3), labels: Self.labels, in: folder)
            #expect(throws: IDXError.emptyImages(file: images.path, rows: 0, columns: 3)) { try IDX.read(images: images, labels: labels) }
            _ = try F.write(images: F.images([], count: 0, rows: 2, columns: 3), labels: F.labels([]), in: folder)
            #expect(throws: IDXError.empty(file: images.path)) { try IDX.read(images: images, labels: labels) }
        }
    }
}
