import Foundation
import Numerics
import Testing

@testable import Networks

@Suite struct ShapesetTests {
    static let set = Shapeset(split: .training, random: RandomSource(seed: 31))
    static let rasterizer = ShapeRasterizer(side: 32, supersampling: 4)

    @Test func classesAreTheNineCombinations() {
        #expect(Shapeset.classNames == ["T", "P", "E", "TT", "PP", "EE", "TP", "TE", "PE"])
        #expect(Self.set.featureCount == 1024 && Self.set.classCount == 9 && Self.set.sampleCount == nil)
    }

    @Test func scenesMatchTheirLabels() {
        for index in 0..<300 {
            let scene = Self.set.scene(index)
            let kinds = [scene.bottom.shape.kind] + (scene.top.map { [$0.shape.kind] } ?? [])
            #expect(kinds.sorted { $0.rawValue < $1.rawValue } == Shapeset.classes[scene.label].sorted { $0.rawValue < $1.rawValue })
        }
    }

    @Test func classesAreDrawnUniformly() {
        var counts = [Int](repeating: 0, count: 9)
        for index in 0..<1800 { counts[Self.set.scene(index).label] += 1 }
        // 200 expected per class, binomial standard deviation √(1800·(1/9)·(8/9)) ≈ 13.3: four
        // of them either way.
        #expect(counts.allSatisfy { abs($0 - 200) < 54 })
    }

    @Test func objectsLieInsideTheImageAndOverlapAtMostHalf() {
        var overlapping = 0
        for index in 0..<400 {
            let scene = Self.set.scene(index)
            for shape in [scene.bottom] + (scene.top.map { [$0] } ?? []) {
                let (lower, upper) = shape.shape.bounds
                #expect(lower.x >= 0.5 - 1e-9 && lower.y >= 0.5 - 1e-9 && upper.x <= 31.5 + 1e-9 && upper.y <= 31.5 + 1e-9)
                #expect(shape.grey >= 0.3 && shape.grey <= 1)
            }
            if let top = scene.top {
                let shared = Self.rasterizer.overlap(scene.bottom.shape, top.shape)
                let smaller = min(Self.rasterizer.area(scene.bottom.shape), Self.rasterizer.area(top.shape))
                #expect(Double(shared) <= Shapeset.maximumOverlap * Double(smaller))
                if shared > 0 { overlapping += 1 }
            }
        }
        // Objects do touch: overlap is allowed, only limited.
        #expect(overlapping > 0)
    }

    @Test func samplesRegenerateAloneAndStayInTheUnitInterval() {
        let data = LabelledData(materializing: Self.set, count: 20)
        var image = [Float](repeating: 0, count: 1024)
        let label = image.withUnsafeMutableBufferPointer { Self.set.sample(17, into: $0) }
        #expect(label == data.labels[17] && image == Array(data.inputs.elements[17 * 1024..<18 * 1024]))
        #expect(data.inputs.elements.allSatisfy { $0 >= 0 && $0 <= 1 + 1e-6 })
        let other = Shapeset(split: .test, random: RandomSource(seed: 31))
        #expect(LabelledData(materializing: other, count: 20).inputs != data.inputs)
    }

    @Test func areasAreCountedOnTheSamplePoints() {
        // A 10×10 square on pixel boundaries covers exactly 100 pixels of 16 points each.
        let square = Shape.parallelogram(center: SIMD2(16, 16), first: SIMD2(10, 0), second: SIMD2(0, 10))
        #expect(Self.rasterizer.area(square) == 1600)
        // Half the square, cut along its diagonal: the 40 points on the diagonal count too.
        let triangle = Shape.triangle(SIMD2(11, 11), SIMD2(21, 11), SIMD2(21, 21))
        #expect(Self.rasterizer.area(triangle) == 40 * 41 / 2)
        // An ellipse of semi-axes 8 and 4: π·32 px² ≈ 1608 points; the boundary, 38 px long,
        // passes through 4 points per pixel of length, and the count errs by far less than that.
        let ellipse = Shape.ellipse(center: SIMD2(16, 16), semiAxes: SIMD2(8, 4), angle: 0.7)
        #expect(abs(Double(Self.rasterizer.area(ellipse)) - Double.pi * 32 * 16) < 40)
        #expect(Self.rasterizer.overlap(square, triangle) == 40 * 41 / 2)
    }

    @Test func topShapesHideBottomOnes() {
        let bottom = PaintedShape(shape: .parallelogram(center: SIMD2(8, 8), first: SIMD2(8, 0), second: SIMD2(0, 8)), grey: 0.5)
        let top = PaintedShape(shape: .parallelogram(center: SIMD2(10, 10), first: SIMD2(8, 0), second: SIMD2(0, 8)), grey: 1)
        var image = [Float](repeating: 7, count: 1024)
        image.withUnsafeMutableBufferPointer { Self.rasterizer.render(bottom: bottom, top: top, into: $0) }
        #expect(image[5 * 32 + 5] == 0.5)  // bottom only
        #expect(image[8 * 32 + 8] == 1)  // both: the top wins
        #expect(image[31 * 32 + 31] == 0)  // background
        // The edges lie on pixel boundaries: every pixel is background, bottom or top.
        #expect(image.allSatisfy { [0, 0.5, 1].contains($0) })
        // A square spanning y = 14.5...18.5 covers half of each pixel in row 14.
        let partial = PaintedShape(shape: .parallelogram(center: SIMD2(16, 16.5), first: SIMD2(4, 0), second: SIMD2(0, 4)), grey: 1)
        image.withUnsafeMutableBufferPointer { Self.rasterizer.render(bottom: partial, top: nil, into: $0) }
        #expect(image[14 * 32 + 15] == 0.5 && image[15 * 32 + 15] == 1)
    }

    @Test func largerImagesScaleTheObjects() {
        let big = Shapeset(split: .training, random: RandomSource(seed: 31), side: 64, supersampling: 2)
        let scene = big.scene(3)
        let (lower, upper) = scene.bottom.shape.bounds
        #expect(big.featureCount == 4096 && upper.x - lower.x > 8 && upper.x <= 63.5 + 1e-9)
    }
}
