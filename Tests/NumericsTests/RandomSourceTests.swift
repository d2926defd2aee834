import Foundation
import Testing

@testable import Numerics

@Suite struct RandomSourceTests {
    @Test func xoshiroMatchesTheReferenceImplementation() {
        // Outputs of Blackman & Vigna's xoshiro256starstar.c from the state {1, 2, 3, 4}.
        var random = RandomSource(state: (1, 2, 3, 4))
        #expect((0..<4).map { _ in random.next() } == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    @Test func splitMixMatchesTheReferenceImplementation() {
        // The first outputs of splitmix64.c seeded with 1234567.
        var mixer = SplitMix64(state: 1_234_567)
        #expect(mixer.next() == 6_457_827_717_110_365_317)
        #expect(mixer.next() == 3_203_168_211_198_807_973)
    }

    @Test func sameSeedSameStreamOtherSeedOtherStream() {
        var a = RandomSource(seed: 7), b = RandomSource(seed: 7), c = RandomSource(seed: 8)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
    }

    @Test func derivedStreamsDependOnLabelNotOnConsumption() {
        let root = RandomSource(seed: 1)
        var used = root
        for _ in 0..<100 { _ = used.next() }
        var x = root.derived("saturation"), y = used.derived("saturation"), z = root.derived("propagation")
        let fromX = (0..<4).map { _ in x.next() }
        #expect(fromX == (0..<4).map { _ in y.next() })
        #expect(fromX != (0..<4).map { _ in z.next() })
    }

    @Test func unitDrawsStayInTheirIntervals() {
        var random = RandomSource(seed: 3)
        for _ in 0..<100_000 {
            let u = random.nextUnit(), v = random.nextOpenUnit()
            #expect(u >= 0 && u < 1)
            #expect(v > 0 && v <= 1)
        }
    }

    /// Mean and variance of n draws, within 5 standard errors of the distribution's values: the
    /// standard error of a mean is σ/√n, that of a variance √((μ₄ − σ⁴)/n).
    @Test func uniformAndNormalHaveTheirMoments() {
        let n = 400_000
        var random = RandomSource(seed: 11)
        var buffer = [Float](repeating: 0, count: n)
        buffer.withUnsafeMutableBufferPointer { random.fillUniform($0, low: -2, high: 2) }
        let uniform = Moments(buffer)
        // U(−2, 2): variance 4/3, fourth central moment 16/5.
        #expect(abs(uniform.mean) < 5 * (4.0 / 3 / Double(n)).squareRoot())
        #expect(abs(uniform.variance - 4.0 / 3) < 5 * ((16.0 / 5 - 16.0 / 9) / Double(n)).squareRoot())
        #expect(buffer.allSatisfy { $0 >= -2 && $0 <= 2 })

        buffer.withUnsafeMutableBufferPointer { random.fillNormal($0, mean: 1, std: 3) }
        let normal = Moments(buffer)
        // N(1, 9): fourth central moment 3 · 81.
        #expect(abs(normal.mean - 1) < 5 * (9 / Double(n)).squareRoot())
        #expect(abs(normal.variance - 9) < 5 * ((243.0 - 81) / Double(n)).squareRoot())
        let beyondTwo = buffer.filter { abs($0 - 1) > 6 }.count
        let p = StandardNormal.twoSidedTail(2)
        #expect(abs(Double(beyondTwo) / Double(n) - p) < 5 * (p * (1 - p) / Double(n)).squareRoot())
    }
}
