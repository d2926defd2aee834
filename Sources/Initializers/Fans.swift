/// The fan-in and fan-out of a weight tensor, read from its shape by the PyTorch convention:
/// a dense weight is (fanOut, fanIn); a convolution kernel is (out, in, k₁, k₂, …), whose every
/// unit sees in · k₁ · k₂ · … inputs.
public struct Fans: Sendable, Hashable {
    public let fanIn: Int
    public let fanOut: Int
    /// The product of the kernel's spatial sizes (1 for a dense layer). A 3×3 kernel gives 9.
    public let receptiveField: Int

    public init(fanIn: Int, fanOut: Int, receptiveField: Int = 1) {
        self.fanIn = fanIn
        self.fanOut = fanOut
        self.receptiveField = receptiveField
    }

    /// The fans of a tensor of this shape.
    /// - Throws: ``ShapeError`` when the shape has fewer than two dimensions or a dimension below 1.
    public init(shape: [Int]) throws(ShapeError) {
        guard shape.count >= 2 else { throw ShapeError(shape: shape, reason: "needs at least two dimensions (fan_out, fan_in, kernel sizes...)") }
        guard shape.allSatisfy({ $0 >= 1 }) else { throw ShapeError(shape: shape, reason: "every dimension must be at least 1") }
        let field = shape.dropFirst(2).reduce(1, *)
        self.init(fanIn: shape[1] * field, fanOut: shape[0] * field, receptiveField: field)
    }
}

/// A weight shape that no fan rule can read.
public struct ShapeError: Error, Sendable, Hashable, CustomStringConvertible {
    public let shape: [Int]
    public let reason: String
    public var description: String {
        "shape (\(shape.map(String.init).joined(separator: ", "))) \(reason)"
    }
}
