/// The fan-in and fan-out of a weight tensor, read from its shape by the PyTorch convention:
/// a dense weight is (fanOut, fanIn); a convolution kernel is (out, in, k₁, k₂, …), whose every
/// unit sees in · k₁ · k₂ · … inputs.
public struct Fans: Sendable, Hashable {
    /// The inputs each unit sees: what the forward signal's variance scales with.
    public let fanIn: Int
    /// The units each input feeds: what the backward gradient's variance scales with.
    public let fanOut: Int
    /// The product of the kernel's spatial sizes (1 for a dense layer). A 3×3 kernel gives 9.
    public let receptiveField: Int

    /// Fans given directly, as for a dense (fanOut, fanIn) matrix.
    public init(fanIn: Int, fanOut: Int, receptiveField: Int = 1) {
        self.fanIn = fanIn
        self.fanOut = fanOut
        self.receptiveField = receptiveField
    }

    /// The fans of a tensor of this shape.
    /// - Throws: ``ShapeError`` when the shape has fewer than two dimensions, a dimension below 1,
    ///   or more elements than an `Int` can count.
    public init(shape: [Int]) throws(ShapeError) {
        guard shape.count >= 2 else {
            throw ShapeError(shape: shape, reason: "needs at least two dimensions (fan_out, fan_in, kernel sizes...)")
        }
        guard shape.allSatisfy({ $0 >= 1 }) else { throw ShapeError(shape: shape, reason: "every dimension must be at least 1") }
        // Checking the whole product once bounds every partial product below.
        guard Self.elementCount(of: shape) != nil else { throw ShapeError(shape: shape, reason: "has more elements than can be counted") }
        let field = shape.dropFirst(2).reduce(1, *)
        self.init(fanIn: shape[1] * field, fanOut: shape[0] * field, receptiveField: field)
    }

    /// The number of elements of a tensor of this shape, or nil when it overflows `Int`.
    static func elementCount(of shape: [Int]) -> Int? {
        var count = 1
        for size in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            if overflow { return nil }
            count = product
        }
        return count
    }

    /// The fan a rule divides by in this mode.
    public func fan(_ mode: FanMode) -> Int {
        switch mode {
        case .fanIn: fanIn
        case .fanOut: fanOut
        }
    }
}

/// A weight shape that no fan rule can read.
public struct ShapeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The shape as given.
    public let shape: [Int]
    /// What is wrong with it, as the end of a sentence that starts with the shape.
    public let reason: String

    /// An error about `shape`.
    public init(shape: [Int], reason: String) {
        self.shape = shape
        self.reason = reason
    }

    /// One line: the shape and the reason.
    public var description: String {
        "shape (\(shape.map(String.init).joined(separator: ", "))) \(reason)"
    }
}
