/// The 64-bit FNV-1a hash (Fowler, Noll, Vo): stable across runs, processes and platforms,
/// unlike Swift's Hasher, which is seeded per process. Used to name random streams and cache
/// entries, never for security.
public enum FNV1a {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325

    public static func hash<Bytes: Sequence>(_ bytes: Bytes, basis: UInt64 = offsetBasis) -> UInt64 where Bytes.Element == UInt8 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    public static func hash(_ text: String, basis: UInt64 = offsetBasis) -> UInt64 {
        hash(text.utf8, basis: basis)
    }
}
