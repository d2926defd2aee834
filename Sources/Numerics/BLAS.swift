import CBLAS

/// The BLAS in use as it reports itself at run time (see Sources/CBLAS).
public enum BLAS {
    /// The library, its version and how it was built, without the processor-specific kernel:
    /// what the result cache's key includes.
    public static var identity: String {
        var buffer = [CChar](repeating: 0, count: 256)
        initlab_blas_identity(&buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The kernel chosen for this processor, "SkylakeX" say.
    public static var kernel: String { String(cString: initlab_blas_kernel()) }
}
