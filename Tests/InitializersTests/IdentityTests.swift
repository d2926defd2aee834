import Testing

@testable import Initializers

@Suite struct IdentityTests {
    @Test(arguments: [(3, 5), (5, 3), (4, 4)])
    func gainOnTheDiagonalOfARectangle(_ rows: Int, _ columns: Int) throws {
        let tensor = try draw(try Rule(.identity, gain: 2), shape: [rows, columns])
        for i in 0..<rows {
            for j in 0..<columns {
                #expect(tensor.elements[i * columns + j] == (i == j ? 2 : 0))
            }
        }
    }

    /// A kernel gets PyTorch's dirac_: channel d to channel d at index k/2 in each spatial
    /// dimension, the right-of-centre tap for an even size.
    @Test func aKernelGetsTheCentredDelta() throws {
        let shape = [3, 2, 3, 4]
        let tensor = try draw(try Rule(.identity), shape: shape)
        var expected = [Float](repeating: 0, count: 3 * 2 * 3 * 4)
        for d in 0..<2 { expected[((d * 2 + d) * 3 + 1) * 4 + 2] = 1 }
        #expect(tensor.elements == expected)
        #expect(try Rule(.identity).variance(for: tensor.fans) == nil)
    }
}
