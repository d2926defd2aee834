import Foundation
import Numerics

/// Experiment results kept on disk between builds, so that editing prose or templates re-renders
/// the page without re-running anything, and changing one experiment re-runs only that one.
///
/// An entry is named by the experiment id and a hash of everything its result depends on: the
/// id, the fully resolved parameters, the seed and the result format version. Each file starts
/// with a checksum of its body, so a corrupt or truncated entry is noticed and recomputed. The
/// entries are plain files: copying cache folders together merges them.
public struct ResultCache: Sendable {
    /// Bump when a Result type changes shape or meaning, so old entries are not read.
    public static let formatVersion = 4
    static let magic = "initlab-cache"

    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The file an experiment's result is stored in.
    public func entry<E: Experiment>(for experiment: E, seed: UInt64) -> URL {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let parameters = (try? encoder.encode(experiment.parameters)) ?? Data()
        let identity = "\(E.id)|\(seed)|\(Self.formatVersion)|" + String(decoding: parameters, as: UTF8.self)
        let name = "\(E.id)-\(Self.hex(FNV1a.hash(identity)))\(Self.hex(FNV1a.hash(identity, basis: 0x6C62_272E_07BB_0142))).json"
        return folder.appendingPathComponent(name)
    }

    public enum Lookup<Result> {
        case hit(Result)
        case miss
        /// The entry exists but cannot be trusted; the reason is said once, as a warning.
        case corrupt(String)
    }

    public func load<E: Experiment>(_ experiment: E, seed: UInt64) -> Lookup<E.Result> {
        let url = entry(for: experiment, seed: seed)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .miss }
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")) else { return .corrupt("\(url.path) has no header") }
        let header = String(decoding: data[..<newline], as: UTF8.self).split(separator: " ")
        let body = data[(newline + 1)...]
        guard header.count == 3, header[0] == Self.magic, header[1] == "\(Self.formatVersion)" else {
            return .corrupt("\(url.path) has an unknown header")
        }
        guard header[2] == Self.hex(FNV1a.hash(body)) else {
            return .corrupt("\(url.path) fails its checksum (truncated or edited)")
        }
        do {
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = Self.nonConformingFloats.decoding
            return .hit(try decoder.decode(E.Result.self, from: Data(body)))
        } catch {
            return .corrupt("\(url.path) does not decode: \(error)")
        }
    }

    /// Writes the entry through a temporary file and a rename, so a reader never sees half of it.
    public func store<E: Experiment>(_ result: E.Result, for experiment: E, seed: UInt64) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = Self.nonConformingFloats.encoding
        let body = try encoder.encode(result)
        let header = "\(Self.magic) \(Self.formatVersion) \(Self.hex(FNV1a.hash(body)))\n"
        let url = entry(for: experiment, seed: seed)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try (Data(header.utf8) + body).write(to: temporary)
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: temporary, to: url)
    }

    /// A diverged run records infinities and NaNs, which JSON has no numbers for: one spelling
    /// for writing and reading them back.
    static let nonConformingFloats: (encoding: JSONEncoder.NonConformingFloatEncodingStrategy, decoding: JSONDecoder.NonConformingFloatDecodingStrategy) = (
        .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"),
        .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"))

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
