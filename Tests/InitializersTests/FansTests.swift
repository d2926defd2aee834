import Testing

@testable import Initializers

@Suite struct FansTests {
    @Test func denseWeightIsFanOutByFanIn() throws {
        let fans = try Fans(shape: [30, 20])
        #expect(fans == Fans(fanIn: 20, fanOut: 30))
    }

    /// The bug several ports have: the receptive field is the product of the kernel's sizes,
    /// not the number of its axes. Conv2d(3 → 64, 3×3) has fan_in 3·9 = 27, not 3·2.
    @Test func receptiveFieldIsTheProductOfTheKernelSizes() throws {
        let fans = try Fans(shape: [64, 3, 3, 3])
        #expect(fans.receptiveField == 9)
        #expect(fans.fanIn == 27)
        #expect(fans.fanOut == 576)
        #expect(try Fans(shape: [8, 4, 5, 7, 2]).fanIn == 4 * 5 * 7 * 2)
    }

    @Test(arguments: [[], [784], [0, 3], [3, -1], [2, 3, 0]])
    func shapesNoRuleCanReadAreErrors(_ shape: [Int]) {
        #expect(throws: ShapeError.self) { try Fans(shape: shape) }
    }

    @Test func overflowingShapeIsAnErrorNotACrash() {
        #expect(throws: ShapeError.self) { try Fans(shape: [Int.max / 2, 3]) }
    }

    @Test func modeChoosesTheFan() throws {
        let fans = try Fans(shape: [64, 3, 3, 3])
        #expect(fans.fan(.fanIn) == 27)
        #expect(fans.fan(.fanOut) == 576)
    }
}
