/// A seeded, splittable source of random bits: xoshiro256** (Blackman & Vigna 2018), seeded
/// through SplitMix64.
///
/// Every experiment and every run inside it derives its own stream with ``derived(_:)`` from a
/// label such as `"saturation/variance/d=64"`. A stream depends only on the root seed and the
/// chain of labels, never on the order or the thread in which work is done, which is what makes
/// parallel builds byte-identical to serial ones.
public struct RandomSource: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64
    /// The key this stream was seeded from; children mix their label into it.
    public let key: UInt64

    /// A stream seeded from `seed`.
    public init(seed: UInt64) {
        key = seed
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        // xoshiro's only forbidden state is all zeros; SplitMix64 cannot produce four zeros in a
        // row, but keep the guarantee explicit.
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// A stream in exactly this xoshiro256** state (the reference test vectors start from one).
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        key = 0
        (s0, s1, s2, s3) = state
    }

    /// An independent stream named by `label`, a pure function of this stream's key and the
    /// label (the state consumed so far does not matter).
    public func derived(_ label: String) -> RandomSource {
        var mixer = SplitMix64(state: key ^ FNV1a.hash(label))
        return RandomSource(seed: mixer.next())
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform Double in (0, 1]: safe to take the logarithm of.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 1) * 0x1.0p-53
    }
}

@inlinable
func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 &- k))
}

/// SplitMix64 (Steele, Lea & Flood 2014): turns any 64-bit seed, even 0 or 1, into well-mixed
/// words, which is what xoshiro needs for its initial state.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
