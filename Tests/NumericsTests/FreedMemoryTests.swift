import Testing

@testable import Numerics

@Suite struct FreedMemoryTests {
    /// mallopt is found by name and takes both thresholds; were the lookup to break, the
    /// experiments would silently pay the page faults again.
    @Test func glibcKeepsFreedMemory() {
        #expect(FreedMemory.kept)
    }
}
