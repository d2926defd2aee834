/// A shape with the grey level it is painted in.
public struct PaintedShape: Sendable, Hashable {
    public var shape: Shape
    public var grey: Float

    public init(shape: Shape, grey: Float) {
        self.shape = shape
        self.grey = grey
    }
}

/// Paints shapes into a square grey image on a black (0) background, anti-aliased by
/// supersampling: each pixel is the mean, over k×k points spread evenly inside it, of the grey
/// level of the topmost shape holding the point. Area is measured on the same points, so
/// "overlap" means what the image shows.
public struct ShapeRasterizer: Sendable, Hashable {
    /// Pixels per side.
    public let side: Int
    /// k: points per pixel along each axis.
    public let supersampling: Int

    /// A rasteriser of side × side images with k = `supersampling`.
    public init(side: Int, supersampling: Int) {
        precondition(side >= 1 && supersampling >= 1, "an image needs at least one pixel and one sample per pixel")
        self.side = side
        self.supersampling = supersampling
    }

    /// Paints `bottom`, then `top` over it, into `image` (side × side values, row after row).
    public func render(bottom: PaintedShape, top: PaintedShape?, into image: UnsafeMutableBufferPointer<Float>) {
        precondition(image.count == side * side, "an image of \(side)×\(side) needs \(side * side) values")
        for i in 0..<image.count { image[i] = 0 }
        let perPoint = 1 / Float(supersampling * supersampling)
        var (lower, upper) = bottom.shape.bounds
        if let top {
            let bounds = top.shape.bounds
            lower = pointwiseMin(lower, bounds.lower)
            upper = pointwiseMax(upper, bounds.upper)
        }
        let inBottom = ShapeMembership(bottom.shape), inTop = top.map { ShapeMembership($0.shape) }
        let topGrey = top?.grey ?? 0
        forEachPoint(from: lower, to: upper) { pixel, point in
            if let inTop, inTop.contains(point) {
                image[pixel] += topGrey * perPoint
            } else if inBottom.contains(point) {
                image[pixel] += bottom.grey * perPoint
            }
        }
    }

    /// How many sample points `shape` covers: its area in units of 1/k² pixel.
    public func area(_ shape: Shape) -> Int {
        let (lower, upper) = shape.bounds, inside = ShapeMembership(shape)
        var count = 0
        forEachPoint(from: lower, to: upper) { _, point in
            if inside.contains(point) { count += 1 }
        }
        return count
    }

    /// How many sample points both shapes cover.
    public func overlap(_ a: Shape, _ b: Shape) -> Int {
        let (lowerA, upperA) = a.bounds, (lowerB, upperB) = b.bounds
        let inA = ShapeMembership(a), inB = ShapeMembership(b)
        var count = 0
        forEachPoint(from: pointwiseMax(lowerA, lowerB), to: pointwiseMin(upperA, upperB)) { _, point in
            if inA.contains(point) && inB.contains(point) { count += 1 }
        }
        return count
    }

    /// Visits the sample points inside the box and the image, with the index of their pixel.
    /// Point (i, j) of the fine grid sits at ((i + ½)/k, (j + ½)/k).
    private func forEachPoint(from lower: SIMD2<Double>, to upper: SIMD2<Double>, _ body: (Int, SIMD2<Double>) -> Void) {
        let k = Double(supersampling), points = side * supersampling
        // Clamped before the conversion to Int, which a NaN or huge bound would trap.
        func range(_ low: Double, _ high: Double) -> Range<Int> {
            guard low.isFinite && high.isFinite else { return 0..<0 }
            let first = Int(min(max(0, (low * k - 0.5).rounded(.up)), Double(points)))
            let last = Int(min(max(-1, (high * k - 0.5).rounded(.down)), Double(points - 1)))
            return first <= last ? first..<(last + 1) : 0..<0
        }
        for j in range(lower.y, upper.y) {
            let rowStart = (j / supersampling) * side
            for i in range(lower.x, upper.x) {
                body(rowStart + i / supersampling, SIMD2((Double(i) + 0.5) / k, (Double(j) + 0.5) / k))
            }
        }
    }
}
