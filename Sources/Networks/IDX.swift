import Foundation
import Numerics

/// The IDX format of MNIST and its relatives (Fashion-MNIST, KMNIST, ...): two zero bytes, a
/// type byte (0x08: unsigned bytes, the only type these sets use), a dimension count D, D
/// big-endian 32-bit sizes, then the elements. Images have D = 3 (count, rows, columns), labels
/// D = 1 (count). Files may be gzip-compressed, as they are distributed (`*.gz`, recognised by
/// their content, not their name).
public enum IDX {
    static let unsignedBytes: UInt8 = 0x08
    static let imageDimensions = 3
    static let labelDimensions = 1
    /// The most bytes one file may announce or hold (256 MiB, a gigabyte once the pixels are
    /// Floats): full MNIST's images take 47 MB, EMNIST-Balanced's 88 MB.
    public static let defaultMaximumBytes = 1 << 28

    /// The images of `images`, pixels scaled from 0...255 to [0, 1], one image per row, with the
    /// labels of `labels`: each label must be below `classCount`, or, if that is nil, the classes
    /// are 0 to the largest label. Neither file may announce or hold more than `maximumBytes`.
    public static func read(
        images: URL, labels: URL, classCount: Int? = nil, maximumBytes: Int = defaultMaximumBytes
    ) throws(IDXError) -> IDXSet {
        let imageFile = try IDXFile(images, dimensions: imageDimensions, maximumBytes: maximumBytes)
        let labelFile = try IDXFile(labels, dimensions: labelDimensions, maximumBytes: maximumBytes)
        let count = imageFile.sizes[0], rows = imageFile.sizes[1], columns = imageFile.sizes[2]
        guard count == labelFile.sizes[0] else {
            throw .countMismatch(images: images.path, imageCount: count, labels: labels.path, labelCount: labelFile.sizes[0])
        }
        guard count > 0 else { throw .empty(file: images.path) }
        guard rows > 0 && columns > 0 else { throw .emptyImages(file: images.path, rows: rows, columns: columns) }
        let largest = Int(labelFile.payload.max() ?? 0)
        let classes = classCount ?? largest + 1
        if let index = labelFile.payload.firstIndex(where: { Int($0) >= classes }) {
            throw .labelOutOfRange(file: labels.path, index: index, label: Int(labelFile.payload[index]), classCount: classes)
        }
        guard classes >= 2 else { throw .singleClass(file: labels.path) }
        let inputs = Matrix(rows: count, columns: rows * columns, elements: imageFile.payload.map { Float($0) / 255 })
        let data = LabelledData(inputs: inputs, labels: labelFile.payload.map(Int.init), classCount: classes)
        let hash = FNV1a.hash(labelFile.header + labelFile.payload, basis: FNV1a.hash(imageFile.header + imageFile.payload))
        return IDXSet(data: data, rows: rows, columns: columns, contentHash: hash)
    }
}

/// Images and labels read from an IDX pair.
public struct IDXSet: Sendable {
    /// Pixels in [0, 1], one image per row, rows of the image one after another.
    public let data: LabelledData
    public let rows: Int
    public let columns: Int
    /// 64-bit FNV-1a of the decompressed image file followed by the decompressed label file:
    /// the same for a file and its gzipped copy, different for any changed byte that matters.
    public let contentHash: UInt64
}

/// One IDX file of unsigned bytes, checked against its header: the magic, the element type,
/// the dimensions, and a payload of exactly the announced size.
private struct IDXFile {
    let header: [UInt8]
    let sizes: [Int]
    let payload: [UInt8]

    init(_ url: URL, dimensions: Int, maximumBytes: Int) throws(IDXError) {
        let file = url.path
        var bytes = try FileBytes(url, maximumBytes: maximumBytes)
        let magic = try bytes.read(4)
        guard magic.count == 4 else { throw .truncated(file: file, expectedBytes: 4, actualBytes: magic.count) }
        guard magic[0] == 0 && magic[1] == 0 else { throw .notIDX(file: file, firstBytes: magic) }
        guard magic[2] == IDX.unsignedBytes else { throw .unsupportedType(file: file, code: magic[2]) }
        guard Int(magic[3]) == dimensions else { throw .wrongDimensions(file: file, found: Int(magic[3]), expected: dimensions) }
        let sizeBytes = try bytes.read(4 * dimensions)
        header = magic + sizeBytes
        guard sizeBytes.count == 4 * dimensions else {
            throw .truncated(file: file, expectedBytes: 4 + 4 * dimensions, actualBytes: header.count)
        }
        sizes = (0..<dimensions).map { d in sizeBytes[4 * d..<4 * d + 4].reduce(0) { $0 << 8 | Int($1) } }
        // Each size is below 2³², so a product of three fits in Int only if it is checked.
        var announced = 1
        for size in sizes {
            let (product, overflow) = announced.multipliedReportingOverflow(by: size)
            announced = overflow ? Int.max : product
        }
        guard announced <= maximumBytes else {
            throw .tooLarge(file: file, bytes: announced, maximumBytes: maximumBytes)
        }
        payload = try bytes.read(announced)
        guard payload.count == announced else {
            throw .truncated(file: file, expectedBytes: header.count + announced, actualBytes: header.count + payload.count)
        }
        try bytes.expectEnd(afterAnnounced: header.count + announced)
    }
}

/// The bytes of a file as written before any gzip compression, taken from the front.
private struct FileBytes {
    private let file: String
    private var plain: [UInt8]
    private var position = 0
    private let gzip: GzipStream?

    init(_ url: URL, maximumBytes: Int) throws(IDXError) {
        file = url.path
        do {
            // The size first, so that an oversized file is refused before it is read.
            let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0
            // Neither a plain file nor a gzipped one (IDX data always shrinks under gzip) can
            // be larger than the limit and a header.
            guard size <= maximumBytes + 4 + 4 * IDX.imageDimensions else {
                throw IDXError.tooLarge(file: file, bytes: size, maximumBytes: maximumBytes)
            }
            plain = try [UInt8](Data(contentsOf: url))
        } catch let error as IDXError {
            throw error
        } catch {
            throw .unreadable(file: file, reason: (error as NSError).localizedDescription)
        }
        if plain.count >= 2 && plain[0] == 0x1F && plain[1] == 0x8B {
            do {
                gzip = try GzipStream(plain)
            } catch {
                throw .corruptCompression(file: file, reason: error.reason)
            }
        } else {
            gzip = nil
        }
    }

    /// The next `count` bytes, fewer where the file ends.
    mutating func read(_ count: Int) throws(IDXError) -> [UInt8] {
        guard let gzip else {
            let end = min(position + count, plain.count)
            defer { position = end }
            return Array(plain[position..<end])
        }
        do {
            return try gzip.read(count)
        } catch {
            throw .corruptCompression(file: file, reason: error.reason)
        }
    }

    /// Throws unless the file ends here, where its header says it does; a compressed file must
    /// also end with its gzip checksum, which zlib verifies on the way.
    mutating func expectEnd(afterAnnounced expected: Int) throws(IDXError) {
        guard let gzip else {
            if plain.count > position {
                throw .trailingBytes(file: file, expectedBytes: expected, actualBytes: plain.count)
            }
            return
        }
        if try !read(1).isEmpty {
            throw .trailingBytes(file: file, expectedBytes: expected, actualBytes: nil)
        }
        if gzip.cutShort {
            throw .corruptCompression(file: file, reason: "the compressed data ends before its checksum (a cut download?)")
        }
    }
}

/// Why an IDX file could not be read; every case names the file, says what is wrong and hints
/// at what to do.
public enum IDXError: Error, Hashable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case tooLarge(file: String, bytes: Int, maximumBytes: Int)
    case corruptCompression(file: String, reason: String)
    case notIDX(file: String, firstBytes: [UInt8])
    case unsupportedType(file: String, code: UInt8)
    case wrongDimensions(file: String, found: Int, expected: Int)
    case truncated(file: String, expectedBytes: Int, actualBytes: Int)
    /// `actualBytes` is nil for a compressed file, which is not inflated past the announced end.
    case trailingBytes(file: String, expectedBytes: Int, actualBytes: Int?)
    case countMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)
    case empty(file: String)
    case emptyImages(file: String, rows: Int, columns: Int)
    case labelOutOfRange(file: String, index: Int, label: Int, classCount: Int)
    case singleClass(file: String)

    /// The file the error is about: the images of a pair whose counts disagree.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .tooLarge(let file, _, _), .corruptCompression(let file, _), .notIDX(let file, _),
            .unsupportedType(let file, _), .wrongDimensions(let file, _, _), .truncated(let file, _, _),
            .trailingBytes(let file, _, _), .countMismatch(let file, _, _, _), .empty(let file), .emptyImages(let file, _, _),
            .labelOutOfRange(let file, _, _, _), .singleClass(let file):
            return file
        }
    }

    /// What is wrong, in one line, without the file.
    public var message: String {
        switch self {
        case .unreadable(_, let reason):
            return "cannot be read (\(reason))"
        case .tooLarge(_, let bytes, let maximum):
            return "\(bytes) bytes, more than the \(maximum) an IDX file may have here"
        case .corruptCompression(_, let reason):
            return "not valid gzip data: \(reason)"
        case .notIDX(_, let first):
            return "not an IDX file: it starts with " + first.map { String(format: "%02X", $0) }.joined(separator: " ") + ", not 00 00"
        case .unsupportedType(_, let code):
            return "holds \(Self.typeName(code)) (type 0x\(String(format: "%02X", code))), not unsigned bytes (0x08)"
        case .wrongDimensions(_, let found, let expected):
            let kind = expected == IDX.imageDimensions ? "an image file has 3 (count, rows, columns)" : "a label file has 1 (count)"
            return "\(found) dimension\(found == 1 ? "" : "s"), but \(kind)"
        case .truncated(_, let expected, let actual):
            return "truncated: its header announces \(expected) bytes, the file holds \(actual)"
        case .trailingBytes(_, let expected, let actual):
            return (actual.map { "\($0 - expected) bytes more" } ?? "more bytes") + " than the \(expected) its header announces"
        case .countMismatch(_, let imageCount, let labels, let labelCount):
            return "holds \(imageCount) images but \(labels) holds \(labelCount) labels"
        case .empty:
            return "holds no images"
        case .emptyImages(_, let rows, let columns):
            return "its images have \(rows)×\(columns) pixels"
        case .labelOutOfRange(_, let index, let label, let classCount):
            return "label \(label) of sample \(index) is not below the \(classCount) classes"
        case .singleClass:
            return "every label is 0: there is only one class to learn"
        }
    }

    public var hint: String {
        switch self {
        case .unreadable: "check the path, which is relative to the working folder"
        case .tooLarge: "use a subset of the data"
        case .corruptCompression, .truncated, .trailingBytes: "download the file again"
        case .notIDX, .unsupportedType: "give the IDX files of MNIST-style data (…-idx3-ubyte and …-idx1-ubyte, or their .gz)"
        case .wrongDimensions(_, let found, _) where found == IDX.imageDimensions || found == IDX.labelDimensions:
            "images and labels swapped?"
        case .wrongDimensions: "give the IDX files of MNIST-style data (…-idx3-ubyte and …-idx1-ubyte, or their .gz)"
        case .countMismatch: "the two files must come from the same set (training with training, test with test)"
        case .empty, .emptyImages, .singleClass: "give a set with images of at least two classes"
        case .labelOutOfRange: "give the label file that belongs to these images"
        }
    }

    public var description: String { "\(file): \(message) (\(hint))" }

    private static func typeName(_ code: UInt8) -> String {
        switch code {
        case 0x09: "signed bytes"
        case 0x0B: "16-bit integers"
        case 0x0C: "32-bit integers"
        case 0x0D: "32-bit floats"
        case 0x0E: "64-bit floats"
        default: "an unknown type"
        }
    }
}
