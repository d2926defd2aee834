import Foundation
import Numerics

/// The image and label files of one IDX set. Relative paths are taken from the working folder;
/// a configuration that means them relative to itself resolves them first.
public struct IDXPair: Codable, Sendable, Hashable {
    public var images: String
    public var labels: String

    public init(images: String, labels: String) {
        self.images = images
        self.labels = labels
    }
}

/// Where the images a network trains on come from.
public enum DataSource: Codable, Sendable, Hashable {
    /// A set that ships with initlab (see ``ShippedSet``), split as `files` without a held-out pair.
    case shipped(ShippedSet)
    /// An IDX pair: split into training and held-out parts by a seeded ``StratifiedSplit``, or,
    /// if `heldOut` is given (an official test set), all of it for training and `heldOut` to
    /// evaluate on. The classes are 0 to the largest label of either pair.
    case files(IDXPair, heldOut: IDXPair?)
    /// Synthetic ``Shapeset`` images of side × side pixels: `trainingSamples` from the training
    /// split, `heldOutSamples` from the validation split, both from the stream "shapes".
    case shapeset(side: Int, trainingSamples: Int, heldOutSamples: Int)

    /// The data, read and checked (files are read here, once), split and standardised with the
    /// training part's statistics. A split holds out `heldOutFraction` of each class, drawn from
    /// `random`'s child "split"; `dataFolders` are where shipped sets are looked for.
    public func load(
        random: RandomSource, heldOutFraction: Double = 0.2,
        dataFolders: [URL] = ShippedSet.dataFolders(
            executable: ShippedSet.runningExecutable,
            workingFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    ) throws(DataSourceError) -> TrainingData {
        switch self {
        case .shipped(let set):
            let (images, labels) = try set.locate(in: dataFolders)
            let read = try Self.read(images: images, labels: labels)
            guard read.contentHash == set.contentHash else {
                throw .shippedSetAltered(set, folder: images.deletingLastPathComponent().path, found: read.contentHash)
            }
            return try Self.split(read, file: images.path, heldOutFraction: heldOutFraction, random: random)
        case .files(let pair, heldOut: nil):
            let read = try Self.read(images: URL(fileURLWithPath: pair.images), labels: URL(fileURLWithPath: pair.labels))
            return try Self.split(read, file: pair.images, heldOutFraction: heldOutFraction, random: random)
        case .files(let pair, heldOut: let heldOutPair?):
            let training = try Self.read(images: URL(fileURLWithPath: pair.images), labels: URL(fileURLWithPath: pair.labels))
            let heldOut = try Self.read(images: URL(fileURLWithPath: heldOutPair.images), labels: URL(fileURLWithPath: heldOutPair.labels))
            guard (training.rows, training.columns) == (heldOut.rows, heldOut.columns) else {
                throw .imageSizeMismatch(
                    training: pair.images, trainingSize: [training.rows, training.columns],
                    heldOut: heldOutPair.images, heldOutSize: [heldOut.rows, heldOut.columns])
            }
            let classes = max(training.data.classCount, heldOut.data.classCount)
            func widened(_ data: LabelledData) -> LabelledData {
                LabelledData(inputs: data.inputs, labels: data.labels, classCount: classes)
            }
            let hash = withUnsafeBytes(of: heldOut.contentHash.bigEndian) { FNV1a.hash($0, basis: training.contentHash) }
            return TrainingData(
                rawTraining: widened(training.data), rawHeldOut: widened(heldOut.data),
                imageRows: training.rows, imageColumns: training.columns, contentHash: hash)
        case .shapeset(let side, let trainingSamples, let heldOutSamples):
            guard (8...256).contains(side) else { throw .parameter(name: "side", value: "\(side)", requirement: "from 8 to 256") }
            guard trainingSamples >= 1 && heldOutSamples >= 1 else {
                throw .parameter(name: "samples", value: "\(trainingSamples) and \(heldOutSamples)", requirement: "at least 1 each")
            }
            let shapes = random.derived("shapes")
            return TrainingData(
                rawTraining: LabelledData(materializing: Shapeset(split: .training, random: shapes, side: side), count: trainingSamples),
                rawHeldOut: LabelledData(materializing: Shapeset(split: .validation, random: shapes, side: side), count: heldOutSamples),
                imageRows: side, imageColumns: side, contentHash: nil)
        }
    }

    private static func read(images: URL, labels: URL) throws(DataSourceError) -> IDXSet {
        do {
            return try IDX.read(images: images, labels: labels)
        } catch {
            throw .file(error)
        }
    }

    private static func split(
        _ set: IDXSet, file: String, heldOutFraction: Double, random: RandomSource
    ) throws(DataSourceError) -> TrainingData {
        guard heldOutFraction > 0 && heldOutFraction < 1 else {
            throw .parameter(name: "held-out fraction", value: "\(heldOutFraction)", requirement: "between 0 and 1")
        }
        let split = StratifiedSplit(
            labels: set.data.labels, classCount: set.data.classCount,
            heldOutFraction: heldOutFraction, random: random.derived("split"))
        guard !split.training.isEmpty && !split.heldOut.isEmpty else {
            throw .tooFewToSplit(file: file, count: set.data.count, heldOutFraction: heldOutFraction)
        }
        return TrainingData(
            rawTraining: set.data.subset(split.training), rawHeldOut: set.data.subset(split.heldOut),
            imageRows: set.rows, imageColumns: set.columns, contentHash: set.contentHash)
    }
}

/// Why the data could not be loaded: where (a file, or the parameter), what is wrong, and a hint.
public enum DataSourceError: Error, Hashable, CustomStringConvertible {
    case file(IDXError)
    case shippedSetMissing(ShippedSet, searched: [String])
    case shippedSetAltered(ShippedSet, folder: String, found: UInt64)
    case imageSizeMismatch(training: String, trainingSize: [Int], heldOut: String, heldOutSize: [Int])
    case tooFewToSplit(file: String, count: Int, heldOutFraction: Double)
    case parameter(name: String, value: String, requirement: String)

    public var location: String {
        switch self {
        case .file(let error): error.file
        case .shippedSetMissing(let set, _): "data set \(set.rawValue)"
        case .shippedSetAltered(_, let folder, _): folder
        case .imageSizeMismatch(_, _, let heldOut, _): heldOut
        case .tooFewToSplit(let file, _, _): file
        case .parameter(let name, _, _): name
        }
    }

    public var message: String {
        switch self {
        case .file(let error):
            return error.message
        case .shippedSetMissing(_, let searched):
            return "not found in " + searched.joined(separator: ", ")
        case .shippedSetAltered(let set, _, let found):
            return "content hash \(Self.hex(found)), but \(set.rawValue) as shipped has \(Self.hex(set.contentHash))"
        case .imageSizeMismatch(let training, let trainingSize, _, let heldOutSize):
            return "images of \(heldOutSize.map(String.init).joined(separator: "×")) pixels, "
                + "but those of \(training) have \(trainingSize.map(String.init).joined(separator: "×"))"
        case .tooFewToSplit(_, let count, let fraction):
            return "\(count) images are too few to hold out \(fraction) of them and train on the rest"
        case .parameter(_, let value, let requirement):
            return "\(value) is not allowed: \(requirement)"
        }
    }

    public var hint: String {
        switch self {
        case .file(let error): error.hint
        case .shippedSetMissing: "run initlab from the repository, or install it with make install, which copies data/"
        case .shippedSetAltered: "restore the folder (git checkout data/) or install again"
        case .imageSizeMismatch: "the held-out pair must come from the same set as the training pair"
        case .tooFewToSplit: "give more images, or a held-out pair"
        case .parameter: "change the value"
        }
    }

    public var description: String { "\(location): \(message) (\(hint))" }

    private static func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16, uppercase: true) }
}
