import Testing

@testable import Initializers

@Suite struct CSVMatrixTests {
    /// A kernel (out, in, k₁, k₂) becomes out lines of in·k₁·k₂ numbers, each reading back as
    /// the same float32.
    @Test func oneLinePerUnitWithItsIncomingWeights() throws {
        let tensor = try draw(try Rule(.heUniform), shape: [4, 2, 3, 3])
        let lines = CSVMatrix.text(of: tensor).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5 && lines.last == "")
        let values = lines.dropLast().map { $0.split(separator: ",").compactMap { Float(String($0)) } }
        #expect(values.allSatisfy { $0.count == 18 })
        #expect(values.flatMap { $0 } == tensor.elements)
    }
}
