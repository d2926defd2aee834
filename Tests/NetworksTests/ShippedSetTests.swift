import Foundation
import Numerics
import Scratch
import Testing

@testable import Networks

@Suite struct ShippedSetTests {
    @Test func mnist5kLoadsFromTheRepository() throws {
        let (images, labels) = try ShippedSet.mnist5k.locate()
        let set = try IDX.read(images: images, labels: labels)
        #expect(set.data.count == 5000 && set.rows == 28 && set.columns == 28 && set.data.classCount == 10)
        #expect(set.data.classCounts == Array(repeating: 500, count: 10))
        #expect(set.contentHash == ShippedSet.mnist5k.contentHash)
        // As the source file is: sorted by label.
        #expect(set.data.labels == set.data.labels.sorted())
        // Digits are dark strokes on a blank page: about a fifth of the pixels lit, every image some.
        let lit = set.data.inputs.elements.filter { $0 > 0 }.count
        #expect((0.15...0.25).contains(Double(lit) / Double(5000 * 784)))

        let data = try DataSource.shipped(.mnist5k).load(random: RandomSource(seed: 1))
        #expect(data.training.count == 4000 && data.heldOut.count == 1000)
        #expect(data.training.classCounts == Array(repeating: 400, count: 10))
        #expect(data.heldOut.classCounts == Array(repeating: 100, count: 10))
        #expect(data.contentHash == ShippedSet.mnist5k.contentHash && data.imageRows == 28 && data.imageColumns == 28)
    }

    @Test func anInstalledCopyIsFoundBesideTheBinary() throws {
        try withScratchFolder("shipped-set-tests") { folder in
            let (images, labels) = try ShippedSet.mnist5k.locate()
            let installed = folder.appendingPathComponent("prefix/share/initlab/data/mnist-5k")
            try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
            for file in [images, labels] {
                try FileManager.default.copyItem(at: file, to: installed.appendingPathComponent(file.lastPathComponent))
            }
            let elsewhere = folder.appendingPathComponent("elsewhere")
            let binary = folder.appendingPathComponent("prefix/bin/initlab")
            let folders = ShippedSet.dataFolders(executable: binary, workingFolder: elsewhere)
            #expect(folders.first == folder.appendingPathComponent("prefix/share/initlab/data"))
            #expect(folders.last == elsewhere.appendingPathComponent("data"))
            let found = try ShippedSet.mnist5k.locate(in: folders)
            #expect(found.images.path == installed.appendingPathComponent("images-idx3-ubyte.gz").path)
            #expect(try DataSource.shipped(.mnist5k).load(random: RandomSource(seed: 1), dataFolders: folders).training.count == 4000)

            // Missing, the error lists where it looked.
            let nowhere = [elsewhere.appendingPathComponent("data")]
            let missing = try #require(throws: DataSourceError.self) { try ShippedSet.mnist5k.locate(in: nowhere) }
            #expect(missing == .shippedSetMissing(.mnist5k, searched: [elsewhere.path + "/data/mnist-5k"]))
            #expect(missing.description.contains("make install"))

            // Altered, it is refused rather than trained on under its name.
            let labelCopy = installed.appendingPathComponent(ShippedSet.mnist5k.labelFile)
            let relabelled = IDXFixtures.gzip(IDXFixtures.labels((0..<5000).map { UInt8($0 % 10) }))
            try relabelled.write(to: labelCopy)
            let altered = try #require(throws: DataSourceError.self) {
                try DataSource.shipped(.mnist5k).load(random: RandomSource(seed: 1), dataFolders: folders)
            }
            guard case .shippedSetAltered(.mnist5k, let place, _) = altered else {
                Issue.record("unexpected \(altered)")
                return
            }
            #expect(place == installed.path && altered.hint.contains("git checkout data/"))
        }
    }
}
