import Testing

@testable import Numerics

@Suite struct FNV1aTests {
    // The reference vectors of the FNV authors' test suite for 64-bit FNV-1a.
    @Test(arguments: [("", 0xCBF2_9CE4_8422_2325 as UInt64), ("a", 0xAF63_DC4C_8601_EC8C), ("foobar", 0x8594_4171_F739_67E8)])
    func matchesTheReferenceVectors(_ text: String, _ expected: UInt64) {
        #expect(FNV1a.hash(text) == expected)
    }
}
