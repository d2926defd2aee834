import Foundation

/// Small IDX files for tests that read data through a configuration: images whose class a
/// network can learn, written plain or gzipped.
public enum IDXWriter {
    /// `perClass` images of each of `classes` classes, `side`×`side` pixels: class c lights
    /// row c (modulo the side), the rest is faint noise from the image's index. Sorted by label,
    /// as MNIST-style files may be.
    public static func images(classes: Int, perClass: Int, side: Int) -> (images: Data, labels: Data) {
        var pixels: [UInt8] = [], labels: [UInt8] = []
        for label in 0..<classes {
            for index in 0..<perClass {
                labels.append(UInt8(label))
                for row in 0..<side {
                    for column in 0..<side {
                        pixels.append(row == label % side ? 255 : UInt8((index * 7 + column * 13) % 40))
                    }
                }
            }
        }
        let count = UInt32(classes * perClass)
        return (
            idx(magic: 0x803, sizes: [count, UInt32(side), UInt32(side)], payload: pixels),
            idx(magic: 0x801, sizes: [count], payload: labels)
        )
    }

    /// An IDX file: the magic, big-endian sizes, the payload.
    public static func idx(magic: UInt32, sizes: [UInt32], payload: [UInt8]) -> Data {
        var bytes: [UInt8] = []
        for word in [magic] + sizes { bytes += [24, 16, 8, 0].map { UInt8((word >> $0) & 0xFF) } }
        return Data(bytes + payload)
    }

    /// `data` as one gzip member of stored (uncompressed) deflate blocks: what any gzip reader
    /// must inflate, written without a compressor.
    public static func gzip(_ data: Data) -> Data {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        let bytes = [UInt8](data)
        var start = 0
        repeat {
            let length = min(bytes.count - start, 65_535)
            let last = start + length == bytes.count
            out += [last ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += bytes[start..<start + length]
            start += length
        } while start < bytes.count
        for word in [crc32(bytes), UInt32(truncatingIfNeeded: bytes.count)] { out += [0, 8, 16, 24].map { UInt8((word >> $0) & 0xFF) } }
        return Data(out)
    }

    /// CRC-32 (IEEE, reflected), bit by bit: test files are small.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
