import Foundation
import Numerics

/// A Shapeset-3×2-style set (Glorot & Bengio 2010): grey images, 32×32 by default, holding one
/// or two objects from {triangle, parallelogram, ellipse} of random size, shape, rotation,
/// position and grey level, labelled by which objects are present: 9 classes.
///
/// Sample i of a split is drawn from a stream derived from the split's by the label "i", so
/// any sample can be regenerated alone and the set has no end. The class is drawn first,
/// uniformly; of two different objects either may lie on top. A second object may cover at
/// most half of the smaller object's area (Glorot & Bengio: "at most 50% of its area"),
/// measured on the rasteriser's sample points; the placement is redrawn until it does, keeping
/// the least overlapping of 100 tries in the rare case that none does. Objects lie wholly inside
/// the image, half a pixel from its edges. Pixels are in [0, 1], background 0.
public struct Shapeset: Dataset {
    /// The objects of each class, in class order.
    public static let classes: [[ShapeKind]] = [
        [.triangle], [.parallelogram], [.ellipse],
        [.triangle, .triangle], [.parallelogram, .parallelogram], [.ellipse, .ellipse],
        [.triangle, .parallelogram], [.triangle, .ellipse], [.parallelogram, .ellipse],
    ]
    /// "T", "P", "E", "TT", "PP", "EE", "TP", "TE", "PE".
    public static let classNames = classes.map { $0.map(\.letter).joined() }

    /// The largest share of the smaller object's area the two objects may have in common.
    public static let maximumOverlap = 0.5
    private static let placementTries = 100

    /// What paints the images; it also measures areas as the images show them.
    public let rasterizer: ShapeRasterizer
    private let stream: RandomSource

    /// The samples of `split`, drawn from `random`'s child "shapeset/<split>", as images of
    /// side × side pixels, each the mean of supersampling² points.
    public init(split: DataSplit, random: RandomSource, side: Int = 32, supersampling: Int = 4) {
        rasterizer = ShapeRasterizer(side: side, supersampling: supersampling)
        stream = random.derived("shapeset/" + split.rawValue)
    }

    public var featureCount: Int { rasterizer.side * rasterizer.side }
    public var classCount: Int { Self.classes.count }
    public var sampleCount: Int? { nil }

    public func sample(_ index: Int, into features: UnsafeMutableBufferPointer<Float>) -> Int {
        let scene = scene(index)
        rasterizer.render(bottom: scene.bottom, top: scene.top, into: features)
        return scene.label
    }

    /// Sample `index`'s class and objects, bottom first.
    public func scene(_ index: Int) -> (label: Int, bottom: PaintedShape, top: PaintedShape?) {
        var random = stream.derived(String(index))
        let label = Int(random.next() % UInt64(Self.classes.count))
        let kinds = Self.classes[label]
        let swap = kinds.count == 2 && random.nextUnit() < 0.5
        let bottom = painted(kinds[swap ? 1 : 0], &random)
        guard kinds.count == 2 else { return (label, bottom, nil) }
        let bottomArea = rasterizer.area(bottom.shape)
        var best = bottom, bestShare = Double.infinity
        for _ in 0..<Self.placementTries {
            let candidate = painted(kinds[swap ? 0 : 1], &random)
            let smaller = min(bottomArea, rasterizer.area(candidate.shape))
            let share = Double(rasterizer.overlap(bottom.shape, candidate.shape)) / Double(max(smaller, 1))
            if share < bestShare { (best, bestShare) = (candidate, share) }
            if share <= Self.maximumOverlap { break }
        }
        return (label, bottom, best)
    }

    /// An object of `kind` with random proportions, rotation, position and grey level in
    /// [0.3, 1], so that it stands out from the background. Sizes are in pixels of a 32-pixel
    /// image and scale with the side; the largest still fits inside.
    private func painted(_ kind: ShapeKind, _ random: inout RandomSource) -> PaintedShape {
        let unit = Double(rasterizer.side) / 32
        func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * random.nextUnit() }
        let turn = uniform(0, 2 * Double.pi)
        let centred: Shape
        switch kind {
        case .triangle:
            // Vertices about a third of a turn apart, at 60–100% of the radius: never degenerate.
            let radius = uniform(4.5, 9) * unit
            func vertex(_ j: Int) -> SIMD2<Double> {
                let angle = turn + 2 * Double.pi * Double(j) / 3 + uniform(-0.35, 0.35)
                return radius * uniform(0.6, 1) * SIMD2(cos(angle), sin(angle))
            }
            centred = .triangle(vertex(0), vertex(1), vertex(2))
        case .parallelogram:
            // Sides of 5–12 pixels meeting at 60°–120°.
            let between = uniform(Double.pi / 3, 2 * Double.pi / 3)
            centred = .parallelogram(
                center: .zero,
                first: uniform(5, 12) * unit * SIMD2(cos(turn), sin(turn)),
                second: uniform(5, 12) * unit * SIMD2(cos(turn + between), sin(turn + between)))
        case .ellipse:
            let major = uniform(4, 8) * unit
            centred = .ellipse(center: .zero, semiAxes: SIMD2(major, major * uniform(0.4, 1)), angle: turn)
        }
        let (lower, upper) = centred.bounds
        let margin = 0.5 * unit, side = Double(rasterizer.side)
        func position(_ low: Double, _ high: Double) -> Double {
            let first = margin - low, last = side - margin - high
            return first <= last ? uniform(first, last) : (first + last) / 2
        }
        let offset = SIMD2(position(lower.x, upper.x), position(lower.y, upper.y))
        return PaintedShape(shape: centred.translated(by: offset), grey: Float(uniform(0.3, 1)))
    }
}
