import Foundation
import Numerics
import Scratch
import Testing

@testable import Networks

@Suite struct DataSourceTests {
    typealias F = IDXFixtures
    static let random = RandomSource(seed: 41)

    /// The file index of each sample of `data`, read back from the pixels the fixture gives it.
    static func fileIndices(_ data: LabelledData, _ standardization: Standardization) -> [Int] {
        (0..<data.count).map { row in
            func raw(_ column: Int) -> Int {
                let value = data.inputs[row, column] / standardization.inverseStandardDeviations[column] + standardization.means[column]
                return Int((value * 255).rounded())
            }
            return raw(1) + 256 * raw(2)
        }
    }

    @Test func aLabelSortedFileIsSplitInProportionWithinEveryClass() throws {
        try withScratchFolder("data-source-tests") { folder in
            let counts = [50, 50, 30, 70, 1]
            let (images, labels) = try F.write(
                images: F.sortedByLabel(classCounts: counts).images,
                labels: F.sortedByLabel(classCounts: counts).labels, in: folder)
            let source = DataSource.files(IDXPair(images: images.path, labels: labels.path), heldOut: nil)
            let data = try source.load(random: Self.random)
            // 20 % of each class; the classes' remainders (0.2 for the one-sample class) add up
            // to none, as 20 % of the 201 samples is 40.2.
            #expect(data.heldOut.classCounts == [10, 10, 6, 14, 0])
            #expect(data.training.classCounts == [40, 40, 24, 56, 1])
            let trainingIndices = Self.fileIndices(data.training, data.standardization)
            let heldOutIndices = Self.fileIndices(data.heldOut, data.standardization)
            #expect(Set(trainingIndices + heldOutIndices) == Set(0..<201) && trainingIndices.count + heldOutIndices.count == 201)
            // Not a cut in file order: the held-out samples of class 0 are spread over its 50.
            let heldOutZeros = heldOutIndices.filter { $0 < 50 }
            #expect(try #require(heldOutZeros.max()) - #require(heldOutZeros.min()) > 25)
            // Every prefix holds the classes in proportion: the first 20 held-out samples are
            // 5, 5, 3 and 7 of classes 0 to 3.
            let prefix = LabelledData(materializing: data.heldOut, count: 20).classCounts
            #expect(prefix == [5, 5, 3, 7, 0])
            // The same stream splits the same way; another stream, another way.
            let again = try source.load(random: Self.random)
            #expect(again == data)
            let other = try source.load(random: RandomSource(seed: 42))
            #expect(Self.fileIndices(other.heldOut, other.standardization) != heldOutIndices)
            #expect(other.heldOut.classCounts == data.heldOut.classCounts)
        }
    }

    @Test func largestRemaindersMakeTheTotal() {
        // Three classes of 3 at 50 %: 1.5 each, 4.5 in all, rounded to 5; the tie goes to the
        // lower classes.
        let split = StratifiedSplit(labels: [0, 0, 0, 1, 1, 1, 2, 2, 2], classCount: 3, heldOutFraction: 0.5, random: Self.random)
        #expect(split.heldOut.map { [0, 0, 0, 1, 1, 1, 2, 2, 2][$0] }.sorted() == [0, 0, 1, 1, 2])
        #expect(Set(split.training + split.heldOut) == Set(0..<9))
    }

    @Test func standardisationUsesTheTrainingPartOnly() throws {
        try withScratchFolder("data-source-tests") { folder in
            // Training images all dark (pixels 0 and 10), held-out ones bright (200, 250).
            let (trainImages, trainLabels) = try F.write(
                images: F.images([0, 10, 0, 10, 10, 0, 0, 10], count: 4, rows: 1, columns: 2),
                labels: F.labels([0, 1, 0, 1]), in: folder, prefix: "train-")
            let (testImages, testLabels) = try F.write(
                images: F.images([200, 250, 250, 200], count: 2, rows: 1, columns: 2),
                labels: F.labels([1, 2]), in: folder, prefix: "test-")
            let data = try DataSource.files(
                IDXPair(images: trainImages.path, labels: trainLabels.path),
                heldOut: IDXPair(images: testImages.path, labels: testLabels.path)
            ).load(random: Self.random)
            #expect(data.training.count == 4 && data.heldOut.count == 2)
            // The classes widen to the held-out pair's label 2.
            #expect(data.training.classCount == 3 && data.heldOut.classCount == 3)
            // One mean (5/255) and one standard deviation (5/255) for all pixels of the training part.
            #expect(Set(data.standardization.means) == [Float(5) / 255])
            #expect(abs(data.standardization.inverseStandardDeviations[0] - 51) < 1e-3)
            #expect(data.training.inputs.elements.allSatisfy { abs(abs($0) - 1) < 1e-5 })
            #expect(abs(data.heldOut.inputs[0, 0] - 39) < 1e-3 && abs(data.heldOut.inputs[0, 1] - 49) < 1e-3)
            // A held-out pair of 2×1 images cannot be evaluated by a network of 1×2 ones.
            let (tallImages, tallLabels) = try F.write(
                images: F.images([1, 2, 3, 4], count: 2, rows: 2, columns: 1),
                labels: F.labels([1, 2]), in: folder, prefix: "tall-")
            let error = try #require(throws: DataSourceError.self) {
                try DataSource.files(
                    IDXPair(images: trainImages.path, labels: trainLabels.path),
                    heldOut: IDXPair(images: tallImages.path, labels: tallLabels.path)
                ).load(random: Self.random)
            }
            #expect(
                error
                    == .imageSizeMismatch(
                        training: trainImages.path, trainingSize: [1, 2],
                        heldOut: tallImages.path, heldOutSize: [2, 1]))
            #expect(error.description.hasPrefix(tallImages.path + ": images of 2×1 pixels"))
        }
    }

    @Test func tooFewImagesOrABadFractionCannotBeSplit() throws {
        try withScratchFolder("data-source-tests") { folder in
            let (images, labels) = try F.write(
                images: F.images([1, 2], count: 2, rows: 1, columns: 1),
                labels: F.labels([0, 1]), in: folder)
            let source = DataSource.files(IDXPair(images: images.path, labels: labels.path), heldOut: nil)
            #expect(throws: DataSourceError.tooFewToSplit(file: images.path, count: 2, heldOutFraction: 0.2)) {
                try source.load(random: Self.random)
            }
            #expect(try source.load(random: Self.random, heldOutFraction: 0.5).heldOut.count == 1)
            let fraction = try #require(throws: DataSourceError.self) { try source.load(random: Self.random, heldOutFraction: 1) }
            #expect(fraction.description.hasPrefix("held-out fraction: 1.0 is not allowed"))
            // Errors of the files come through with their file.
            let missing = try #require(throws: DataSourceError.self) {
                try DataSource.files(IDXPair(images: folder.path + "/none", labels: labels.path), heldOut: nil).load(random: Self.random)
            }
            #expect(missing.location == folder.path + "/none")
        }
    }

    @Test func shapesetStaysTheSyntheticOption() throws {
        let data = try DataSource.shapeset(side: 16, trainingSamples: 60, heldOutSamples: 20).load(random: Self.random)
        #expect(data.training.count == 60 && data.heldOut.count == 20 && data.training.featureCount == 256)
        #expect(data.training.classCount == 9 && data.contentHash == nil && data.imageRows == 16)
        // Standardised as one pool: mean 0 and variance 1 over every pixel of the training part.
        let moments = Moments(data.training.inputs.elements)
        #expect(abs(moments.mean) < 1e-4 && abs(moments.variance - 1) < 1e-4)
        #expect(throws: DataSourceError.parameter(name: "side", value: "4", requirement: "from 8 to 256")) {
            try DataSource.shapeset(side: 4, trainingSamples: 60, heldOutSamples: 20).load(random: Self.random)
        }
    }
}
