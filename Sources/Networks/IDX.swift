import Foundation
import Numerics

/// The IDX format of MNIST and its relatives (Fashion-MNIST, KMNIST, ...): a magic number
/// 0x0000 08 D (unsigned bytes, D dimensions), D big-endian 32-bit sizes, then the bytes.
/// Images have D = 3 (count, rows, columns), labels D = 1 (count).
public enum IDX {
    static let imageMagic: UInt32 = 0x0000_0803
    static let labelMagic: UInt32 = 0x0000_0801

    /// The images of `images`, pixels scaled from 0...255 to [0, 1], one image per row, with the
    /// labels of `labels`; each label must be below `classCount`.
    public static func read(images: URL, labels: URL, classCount: Int = 10) throws(IDXError) -> LabelledData {
        let imageBytes = try contents(of: images)
        let imageSizes = try header(imageBytes, file: images, magic: imageMagic)
        let labelBytes = try contents(of: labels)
        let labelSizes = try header(labelBytes, file: labels, magic: labelMagic)
        guard imageSizes[0] == labelSizes[0] else {
            throw .countMismatch(images: images.path, imageCount: imageSizes[0], labels: labels.path, labelCount: labelSizes[0])
        }
        guard imageSizes[0] > 0 else { throw .empty(file: images.path) }
        let count = imageSizes[0], pixels = imageSizes[1] * imageSizes[2]
        let imageStart = imageBytes.count - count * pixels, labelStart = labelBytes.count - count
        var inputs = Matrix(rows: count, columns: pixels)
        for i in 0..<count * pixels { inputs.elements[i] = Float(imageBytes[imageStart + i]) / 255 }
        var classLabels = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let label = Int(labelBytes[labelStart + i])
            guard label < classCount else { throw .labelOutOfRange(file: labels.path, index: i, label: label, classCount: classCount) }
            classLabels[i] = label
        }
        return LabelledData(inputs: inputs, labels: classLabels, classCount: classCount)
    }

    private static func contents(of file: URL) throws(IDXError) -> [UInt8] {
        do {
            return try [UInt8](Data(contentsOf: file))
        } catch {
            throw .unreadable(file: file.path, reason: error.localizedDescription)
        }
    }

    /// The sizes in the header, after checking the magic number and that the file holds exactly
    /// the bytes they announce.
    private static func header(_ bytes: [UInt8], file: URL, magic: UInt32) throws(IDXError) -> [Int] {
        if bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B { throw .compressed(file: file.path) }
        func word(_ offset: Int) -> UInt32 {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        guard bytes.count >= 4 else { throw .truncated(file: file.path, expectedBytes: 4, actualBytes: bytes.count) }
        guard word(0) == magic else { throw .wrongMagic(file: file.path, found: word(0), expected: magic) }
        let dimensions = Int(magic & 0xFF), headerSize = 4 + 4 * dimensions
        guard bytes.count >= headerSize else { throw .truncated(file: file.path, expectedBytes: headerSize, actualBytes: bytes.count) }
        let sizes = (0..<dimensions).map { Int(word(4 + 4 * $0)) }
        // Sizes are below 2³², so the product fits in Int unless the header is nonsense, which
        // the overflow check reports as a size no file can have.
        let (payload, overflow) = sizes.reduce((1, false)) { partial, size in
            let (product, overflowed) = partial.0.multipliedReportingOverflow(by: size)
            return (product, partial.1 || overflowed)
        }
        let expected = overflow ? Int.max : headerSize + payload
        guard bytes.count == expected else {
            throw bytes.count < expected
                ? .truncated(file: file.path, expectedBytes: expected, actualBytes: bytes.count)
                : .trailingBytes(file: file.path, expectedBytes: expected, actualBytes: bytes.count)
        }
        return sizes
    }
}

/// Why an IDX file could not be read; every case names the file.
public enum IDXError: Error, Hashable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case compressed(file: String)
    case wrongMagic(file: String, found: UInt32, expected: UInt32)
    case truncated(file: String, expectedBytes: Int, actualBytes: Int)
    case trailingBytes(file: String, expectedBytes: Int, actualBytes: Int)
    case countMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)
    case empty(file: String)
    case labelOutOfRange(file: String, index: Int, label: Int, classCount: Int)

    public var description: String {
        func hex(_ value: UInt32) -> String { "0x" + String(format: "%08X", value) }
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot be read (\(reason))"
        case .compressed(let file):
            return "\(file): is gzip-compressed; decompress it first (gunzip)"
        case .wrongMagic(let file, let found, let expected):
            let kind = expected == IDX.imageMagic ? "image" : "label"
            let hint = found == IDX.imageMagic || found == IDX.labelMagic ? " (images and labels swapped?)" : ""
            return "\(file): not an IDX \(kind) file: magic number \(hex(found)), expected \(hex(expected))\(hint)"
        case .truncated(let file, let expected, let actual):
            return "\(file): truncated: its header announces \(expected) bytes, the file has \(actual)"
        case .trailingBytes(let file, let expected, let actual):
            return "\(file): \(actual - expected) bytes more than the \(expected) its header announces"
        case .countMismatch(let images, let imageCount, let labels, let labelCount):
            return "\(images) holds \(imageCount) images but \(labels) holds \(labelCount) labels"
        case .empty(let file):
            return "\(file): holds no images"
        case .labelOutOfRange(let file, let index, let label, let classCount):
            return "\(file): label \(label) of sample \(index) is not below the \(classCount) classes"
        }
    }
}
