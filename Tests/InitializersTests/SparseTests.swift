import Testing

@testable import Initializers

@Suite struct SparseTests {
    func nonzerosPerUnit(_ tensor: WeightTensor) -> Set<Int> {
        Set(
            (0..<tensor.rows).map { row in
                tensor.elements[(row * tensor.columns)..<((row + 1) * tensor.columns)].filter { $0 != 0 }.count
            })
    }

    /// Each row of the (fan_out, fan_in) matrix holds one unit's incoming weights.
    @Test func everyUnitGetsExactlyKIncomingWeights() throws {
        #expect(nonzerosPerUnit(try draw(try Rule(.sparse), shape: [256, 784])) == [15])
        #expect(nonzerosPerUnit(try draw(try Rule(.sparse, sparsity: .count(5)), shape: [40, 30])) == [5])
        // A kernel's unit is an output channel with in·k₁·k₂ inputs.
        #expect(nonzerosPerUnit(try draw(try Rule(.sparse, sparsity: .count(7)), shape: [16, 3, 3, 3])) == [7])
    }

    @Test func aFractionIsRoundedToTheNearestCount() throws {
        #expect(Sparsity.fraction(0.1).nonzeros(fanIn: 30) == 3)
        #expect(Sparsity.fraction(0.001).nonzeros(fanIn: 30) == 1)
        #expect(Sparsity.fraction(1).nonzeros(fanIn: 30) == 30)
        #expect(nonzerosPerUnit(try draw(try Rule(.sparse, sparsity: .fraction(0.25)), shape: [20, 40])) == [10])
    }

    /// Martens' count is a limit: a unit with fewer inputs keeps them all.
    @Test func kAboveFanInKeepsEveryWeight() throws {
        let rule = try Rule(.sparse)
        #expect(nonzerosPerUnit(try draw(rule, shape: [6, 10])) == [10])
        #expect(rule.variance(for: Fans(fanIn: 10, fanOut: 6)) == 1)
    }

    /// The positions are spread over the inputs, not stuck at the first k.
    @Test func positionsCoverTheInputs() throws {
        let tensor = try draw(try Rule(.sparse, sparsity: .count(2)), shape: [200, 10])
        let used = Set((0..<tensor.elements.count).filter { tensor.elements[$0] != 0 }.map { $0 % 10 })
        #expect(used.count == 10)
    }
}
