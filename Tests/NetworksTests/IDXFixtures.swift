import CZlib
import Foundation

@testable import Networks

/// Small IDX files the tests write themselves, plain or gzipped.
enum IDXFixtures {
    static func idx(magic: UInt32, sizes: [UInt32], payload: [UInt8]) -> Data {
        var bytes: [UInt8] = []
        for word in [magic] + sizes { bytes += [24, 16, 8, 0].map { UInt8((word >> $0) & 0xFF) } }
        return Data(bytes + payload)
    }

    static func images(_ pixels: [UInt8], count: Int, rows: Int, columns: Int) -> Data {
        idx(magic: 0x803, sizes: [UInt32(count), UInt32(rows), UInt32(columns)], payload: pixels)
    }

    static func labels(_ labels: [UInt8]) -> Data {
        idx(magic: 0x801, sizes: [UInt32(labels.count)], payload: labels)
    }

    /// `data` as one gzip member (no name, mtime 0), compressed by zlib at `level`.
    static func gzip(_ data: Data, level: Int32 = 6) -> Data {
        var stream = z_stream()
        // 15 + 16: the largest window, with a gzip wrapper.
        let started = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard started == Z_OK else {
            return Data()
        }
        defer { deflateEnd(&stream) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))))
        let written = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                return deflate(&stream, Z_FINISH) == Z_STREAM_END ? outputBuffer.count - Int(stream.avail_out) : 0
            }
        }
        return Data(output.prefix(written))
    }

    /// Writes `images` and `labels` into `folder` under the names MNIST uses (with `.gz` when
    /// `suffix` says so) and returns their URLs.
    static func write(images: Data, labels: Data, in folder: URL, prefix: String = "", suffix: String = "") throws -> (URL, URL) {
        let imageURL = folder.appendingPathComponent(prefix + "images-idx3-ubyte" + suffix)
        let labelURL = folder.appendingPathComponent(prefix + "labels-idx1-ubyte" + suffix)
        try images.write(to: imageURL)
        try labels.write(to: labelURL)
        return (imageURL, labelURL)
    }

    /// A label-sorted set of `classCounts[c]` images of class c, 3×2 pixels, each image's
    /// pixels its class and its index in the file, so a test can tell images apart.
    static func sortedByLabel(classCounts: [Int]) -> (images: Data, labels: Data) {
        var labels: [UInt8] = []
        for (label, count) in classCounts.enumerated() { labels += Array(repeating: UInt8(label), count: count) }
        var pixels: [UInt8] = []
        for (index, label) in labels.enumerated() {
            pixels += [label, UInt8(index % 256), UInt8(index / 256), 0, 255, label &* 20]
        }
        return (images(pixels, count: labels.count, rows: 3, columns: 2), self.labels(labels))
    }
}
