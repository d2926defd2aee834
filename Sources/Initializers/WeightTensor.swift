/// A weight tensor in C order (the last index varies fastest), as a rule draws it: (fan_out,
/// fan_in) for a dense layer, (out, in, k₁, k₂, …) for a convolution.
public struct WeightTensor: Sendable, Hashable {
    /// The dimensions, the units first.
    public let shape: [Int]
    /// The fans read from the shape.
    public let fans: Fans
    /// The weights in C order.
    public var elements: [Float]

    /// A tensor of zeros.
    /// - Throws: ``ShapeError`` when ``Fans/init(shape:)`` cannot read the shape.
    public init(zerosOf shape: [Int]) throws(ShapeError) {
        fans = try Fans(shape: shape)
        self.shape = shape
        elements = [Float](repeating: 0, count: shape[0] * fans.fanIn)
    }

    /// The units: the first dimension.
    public var rows: Int { shape[0] }

    /// The incoming weights of each unit, the product of the other dimensions: fan_in.
    public var columns: Int { fans.fanIn }
}
