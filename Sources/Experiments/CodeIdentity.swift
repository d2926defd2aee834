import CBLAS

/// What computed a cached result: the digest of its experiment's code (its folder and the
/// modules it computes with, made at build time by the CodeIdentity plugin) and the BLAS in use.
/// Part of every cache key, so that a change to the code or another BLAS makes older entries
/// misses without anyone bumping a version, and two machines with the same sources and BLAS
/// share entries.
public struct CodeIdentity: Sendable, Hashable {
    public var code: String
    public var blas: String

    public init(code: String, blas: String) {
        self.code = code
        self.blas = blas
    }

    /// The identity of this build for the experiment with `id`, or nil when the experiment has
    /// no folder of its own: then nothing says which code computed it, and it is not cached.
    public static func ofBuild(experiment id: String) -> CodeIdentity? {
        GeneratedCodeDigest.experiments[id].map { CodeIdentity(code: $0, blas: blas) }
    }

    /// The BLAS as it reports itself at run time (see `initlab_blas_identity` in the CBLAS shim).
    public static let blas: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        initlab_blas_identity(&buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()
}
