import Testing

@testable import ChartGallery
@testable import Charts

/// One chunk of a PNG file, as read back by ``PNGChunks``.
private struct Chunk {
    var type: String
    var data: [UInt8]
    var storedCRC: UInt32
}

/// Splits a PNG into its chunks without the code under test.
private enum PNGChunks {
    static func read(_ png: [UInt8]) -> [Chunk]? {
        guard png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        var chunks: [Chunk] = []
        var offset = 8
        while offset < png.count {
            guard offset + 12 <= png.count else { return nil }
            let length = Int(bigEndian(png, offset))
            guard offset + 12 + length <= png.count else { return nil }
            chunks.append(
                Chunk(
                    type: String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self),
                    data: Array(png[(offset + 8)..<(offset + 8 + length)]),
                    storedCRC: bigEndian(png, offset + 8 + length)))
            offset += 12 + length
        }
        return chunks
    }

    static func bigEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        bytes[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// CRC-32 as the PNG specification defines it, bit by bit, independent of zlib.
    static func crc(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

@Suite struct PNGTests {
    /// cairo's own pixels for the figure, as 0xRRGGBB.
    private func cairoPixels(_ figure: Figure, theme: Theme) throws -> TestSupport.DecodedImage {
        try ChartRenderer.rasterize(figure, try ChartRenderer.layout(figure), theme: theme) { raster in
            var pixels: [UInt32] = []
            for y in 0..<raster.height {
                for x in 0..<raster.width { pixels.append(raster.word(x: x, y: y) & 0xFF_FFFF) }
            }
            return TestSupport.DecodedImage(width: raster.width, height: raster.height, pixels: pixels)
        }
    }

    /// A count rather than the arrays, whose printout would drown a failure.
    private func differingPixels(_ a: TestSupport.DecodedImage, _ b: TestSupport.DecodedImage) -> Int {
        zip(a.pixels, b.pixels).count { $0 != $1 } + abs(a.pixels.count - b.pixels.count)
    }

    @Test(arguments: ["violins", "boxes-and-heatmap", "annotations"], Theme.allCases)
    func decodesToCairosPixelsExactly(name: String, theme: Theme) throws {
        let example = try #require(ChartGallery.examples.first { $0.name == name })
        let png = try ChartRenderer.render(example.figure, as: .png, theme: theme)
        let decoded = try #require(TestSupport.decodePNG(png), "libpng rejects the file")
        let drawn = try cairoPixels(example.figure, theme: theme)
        #expect(decoded.width == drawn.width && decoded.height == drawn.height)
        #expect(differingPixels(decoded, drawn) == 0)
    }

    @Test func chunksAreWellFormedWithValidCRCs() throws {
        let figure = ChartGallery.bandAndGaps.figure
        let png = try ChartRenderer.render(figure, as: .png)
        let chunks = try #require(PNGChunks.read(png))
        for chunk in chunks {
            #expect(PNGChunks.crc(Array(chunk.type.utf8) + chunk.data) == chunk.storedCRC, "\(chunk.type) CRC")
        }
        let types = chunks.map(\.type)
        #expect(types.first == "IHDR" && types.dropFirst().first == "pHYs" && types.last == "IEND")
        #expect(types.dropFirst(2).dropLast().allSatisfy { $0 == "IDAT" } && types.count >= 4)

        let header = chunks[0].data
        #expect(header.count == 13)
        #expect(Int(PNGChunks.bigEndian(header, 0)) == Int(figure.size.width * 2))
        #expect(Int(PNGChunks.bigEndian(header, 4)) == Int(figure.size.height * 2))
        #expect(Array(header[8...]) == [8, 2, 0, 0, 0], "8-bit RGB, deflate, no interlacing")
        #expect(chunks.last?.data.isEmpty == true)
    }

    /// 2 pixels per point and 72 points per inch: 144 pixels per inch, 5669 per metre.
    @Test func physicalSizeIs144PixelsPerInch() throws {
        let png = try ChartRenderer.render(ChartGallery.small.figure, as: .png)
        let physical = try #require(PNGChunks.read(png)?.first { $0.type == "pHYs" }?.data)
        #expect(physical == [0, 0, 0x16, 0x25, 0, 0, 0x16, 0x25, 1])
        let pixelsPerInch = Double(PNGChunks.bigEndian(physical, 0)) * 0.0254
        #expect(abs(pixelsPerInch - 144) < 0.01)
    }

    /// Incompressible pixels overflow one IDAT chunk; row padding and cairo's undefined top
    /// byte must not reach the file.
    @Test func encodesRowsPastTheStrideAndAcrossSeveralIDATChunks() throws {
        let (width, height) = (300, 400)
        let stride = 4 * width + 16
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let memory: [UInt8] = (0..<(stride * height)).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let png = try memory.withUnsafeBytes { bytes in
            let base = try #require(bytes.baseAddress)
            return try PNGEncoder.encode(RGBRaster(base: base, width: width, height: height, stride: stride), pixelsPerInch: 144)
        }
        let chunks = try #require(PNGChunks.read(png))
        #expect(chunks.filter { $0.type == "IDAT" }.count >= 2)
        #expect(chunks.allSatisfy { PNGChunks.crc(Array($0.type.utf8) + $0.data) == $0.storedCRC })

        let decoded = try #require(TestSupport.decodePNG(png))
        let expected = (0..<height).flatMap { y in
            (0..<width).map { x in
                memory.withUnsafeBytes { $0.load(fromByteOffset: y * stride + 4 * x, as: UInt32.self) & 0xFF_FFFF }
            }
        }
        #expect(decoded.width == width && decoded.height == height)
        #expect(differingPixels(decoded, TestSupport.DecodedImage(width: width, height: height, pixels: expected)) == 0)
    }
}
