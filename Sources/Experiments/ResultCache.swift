import FileSafety
import Foundation
import Numerics

/// Experiment results kept on disk between builds, so that editing prose or templates re-renders
/// the page without re-running anything, and changing one experiment re-runs only that one.
///
/// An entry is named by the experiment id and a hash of everything its result depends on: the
/// id, the fully resolved parameters, the seed, the code that computes it and the BLAS
/// (`CodeIdentity`) and the entry format version. Each file starts with a checksum of its body,
/// so a corrupt or truncated entry is noticed and recomputed. The entries are plain files:
/// copying cache folders together merges them.
public struct ResultCache: Sendable {
    /// The version of the entry file itself (its header, the JSON spelling of non-finite
    /// numbers), which this file defines and the code digest does not cover. The Result types
    /// live in the experiments' folders, so a change to them changes the digest instead.
    public static let formatVersion = 4
    static let magic = "initlab-cache"

    public let folder: URL
    /// The code identity of an experiment by id; nil keeps the experiment out of the cache.
    let identity: @Sendable (String) -> CodeIdentity?

    public init(folder: URL, identity: @escaping @Sendable (String) -> CodeIdentity? = CodeIdentity.ofBuild(experiment:)) {
        self.folder = folder
        self.identity = identity
    }

    /// The file an experiment's result is stored in, or nil when the experiment's code has no
    /// identity.
    public func entry<E: Experiment>(for experiment: E, seed: UInt64) -> URL? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let parameters = (try? encoder.encode(experiment.parameters)) ?? Data()
        return identity(E.id).map { folder.appendingPathComponent(Self.entryName(id: E.id, seed: seed, parameters: parameters, code: $0)) }
    }

    /// `<id>-<32 hex>.json`: the same on every machine for the same inputs, since nothing of the
    /// folder or the machine but the code identity enters it.
    static func entryName(id: String, seed: UInt64, parameters: Data, code: CodeIdentity) -> String {
        let identity = "\(id)|\(seed)|\(formatVersion)|\(code.code)|\(code.blas)|" + String(decoding: parameters, as: UTF8.self)
        return "\(id)-\(hex(FNV1a.hash(identity)))\(hex(FNV1a.hash(identity, basis: 0x6C62_272E_07BB_0142))).json"
    }

    public enum Lookup<Result> {
        case hit(Result)
        case miss
        /// The entry exists but cannot be trusted; the reason is said once, as a warning.
        case corrupt(String)
    }

    public func load<E: Experiment>(_ experiment: E, seed: UInt64) -> Lookup<E.Result> {
        guard let url = entry(for: experiment, seed: seed), let data = FileManager.default.contents(atPath: url.path) else { return .miss }
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
            let result = try decoder.decode(E.Result.self, from: Data(body))
            // A valid checksum says the file is as written, not that it is a result of these
            // parameters (an edited entry with its checksum redone, or a bug that stored less).
            let problems = experiment.problems(in: result)
            guard problems.isEmpty else {
                let more = problems.count > 3 ? "; and \(problems.count - 3) more" : ""
                return .corrupt("\(url.path) does not fit its parameters: \(problems.prefix(3).joined(separator: "; "))\(more)")
            }
            return .hit(result)
        } catch {
            return .corrupt("\(url.path) does not decode: \(error)")
        }
    }

    /// Writes the entry through a temporary file and a rename, so a reader never sees half of
    /// it; the folder is made, with its tag, at the first entry. A write that fails (a full
    /// disk, a read-only folder) leaves no temporary file behind.
    public func store<E: Experiment>(_ result: E.Result, for experiment: E, seed: UInt64) throws {
        guard let url = entry(for: experiment, seed: seed) else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = Self.nonConformingFloats.encoding
        let body = try encoder.encode(result)
        let header = "\(Self.magic) \(Self.formatVersion) \(Self.hex(FNV1a.hash(body)))\n"
        try CacheFolder.prepareForWriting(folder)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try Created.file(at: temporary, contents: Data(header.utf8) + body)
        do {
            try Created.moveIntoPlace(temporary, to: url)
        } catch {
            try? Deletion.delete(temporary, because: .createdByThisProcess)
            throw error
        }
    }

    /// A diverged run records infinities and NaNs, which JSON has no numbers for: one spelling
    /// for writing and reading them back.
    static let nonConformingFloats:
        (encoding: JSONEncoder.NonConformingFloatEncodingStrategy, decoding: JSONDecoder.NonConformingFloatDecodingStrategy) = (
            .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"),
            .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        )

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
