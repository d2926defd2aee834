import CZlib

/// Writes PNG files from cairo's RGB24 pixels.
///
/// cairo_surface_write_to_png_stream hands the image to libpng with settings cairo does not
/// expose (libpng tries every row filter on every row, zlib compresses at level 6); that took
/// about 50 of the 60 ms a 1280×960 figure needed. We encode ourselves with the cheapest
/// settings that measured well on the figures initlab draws (flat backgrounds, antialiased
/// lines, text): rows unfiltered, zlib level 1. On the benchmark figure that is 11 ms and a
/// smaller file than cairo's; Sub, Up, Average, Paeth and a per-row choice were all slower,
/// and larger there too. Level 6 shrinks files by 10–20 % for two to three times the time.
///
/// The output is 8-bit RGB (colour type 2) without alpha: the renderer paints an opaque
/// background first and draws on an RGB24 surface, whose pixels are opaque and not
/// premultiplied, so cairo's colour values go into the file unchanged.
///
/// The same pixels always give the same bytes: no timestamps, fixed zlib settings, and
/// IDAT chunks cut at a fixed size.
enum PNGEncoder {
    /// zlib's fastest level; see the type's documentation for the measurements.
    private static let compressionLevel: Int32 = 1
    /// Compressed bytes per IDAT chunk; one reusable buffer of this size stages them.
    private static let idatCapacity = 1 << 18

    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    private static let metresPerInch = 0.0254

    /// Encodes the raster; `pixelsPerInch` goes into the pHYs chunk so that printing and
    /// page layout programs show the image at its intended physical size.
    static func encode(_ raster: RGBRaster, pixelsPerInch: Double) throws -> [UInt8] {
        // PNG allows up to 2³¹ − 1 pixels a side; zlib takes a row of input at most 2³² − 1 bytes long.
        guard raster.width > 0, raster.height > 0, raster.height <= Int(Int32.max), rowBytes(raster) <= Int(UInt32.max) else {
            throw ChartError(.encoding, "a PNG cannot be \(raster.width)×\(raster.height) pixels")
        }
        var png = signature
        var header: [UInt8] = []
        appendBigEndian(UInt32(raster.width), to: &header)
        appendBigEndian(UInt32(raster.height), to: &header)
        // Bit depth 8, colour type 2 (RGB), deflate compression, adaptive filtering method, not interlaced.
        header += [8, 2, 0, 0, 0]
        appendChunk("IHDR", header, to: &png)

        var physical: [UInt8] = []
        let pixelsPerMetre = UInt32((pixelsPerInch / metresPerInch).rounded())
        appendBigEndian(pixelsPerMetre, to: &physical)
        appendBigEndian(pixelsPerMetre, to: &physical)
        physical.append(1)  // The unit is the metre.
        appendChunk("pHYs", physical, to: &png)

        try appendImageData(raster, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// Converts row by row into one reused buffer and deflates each row as it is ready, so the
    /// unpacked image (3.7 MB for 1280×960) never exists in memory at once.
    private static func appendImageData(_ raster: RGBRaster, to png: inout [UInt8]) throws {
        var stream = z_stream()
        let initialised = deflateInit2_(
            &stream, compressionLevel, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initialised == Z_OK else { throw zlibError(initialised) }
        defer { deflateEnd(&stream) }

        let rowBytes = rowBytes(raster)
        let row = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes)
        defer { row.deallocate() }
        let staged = UnsafeMutablePointer<UInt8>.allocate(capacity: idatCapacity)
        defer { staged.deallocate() }
        stream.next_out = staged
        stream.avail_out = UInt32(idatCapacity)

        /// Runs deflate until it has taken the whole row (or, finishing, ended the stream),
        /// writing an IDAT chunk whenever the staging buffer is full.
        func compress(_ flush: Int32) throws {
            while true {
                let status = deflate(&stream, flush)
                guard status == Z_OK || status == Z_STREAM_END else { throw zlibError(status) }
                let ended = status == Z_STREAM_END
                if stream.avail_out == 0 || ended {
                    appendChunk("IDAT", UnsafeBufferPointer(start: staged, count: idatCapacity - Int(stream.avail_out)), to: &png)
                    stream.next_out = staged
                    stream.avail_out = UInt32(idatCapacity)
                }
                if ended || (flush == Z_NO_FLUSH && stream.avail_in == 0) { return }
            }
        }

        row[0] = 0  // Filter type None on every row.
        let pixels = row + 1
        for y in 0..<raster.height {
            for x in 0..<raster.width {
                let word = raster.word(x: x, y: y)
                pixels[3 * x] = UInt8(truncatingIfNeeded: word >> 16)
                pixels[3 * x + 1] = UInt8(truncatingIfNeeded: word >> 8)
                pixels[3 * x + 2] = UInt8(truncatingIfNeeded: word)
            }
            stream.next_in = row
            stream.avail_in = UInt32(rowBytes)
            try compress(Z_NO_FLUSH)
        }
        try compress(Z_FINISH)
    }

    /// A filter-type byte, then red, green and blue for each pixel.
    private static func rowBytes(_ raster: RGBRaster) -> Int {
        1 + 3 * raster.width
    }

    /// Length, type, data, and the CRC-32 of type and data, as the PNG specification lays out a chunk.
    private static func appendChunk<Data: Collection<UInt8>>(_ type: String, _ data: Data, to png: inout [UInt8]) {
        appendBigEndian(UInt32(data.count), to: &png)
        let start = png.count
        png.append(contentsOf: type.utf8)
        png.append(contentsOf: data)
        let crc = png[start...].withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        appendBigEndian(UInt32(truncatingIfNeeded: crc), to: &png)
    }

    private static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private static func zlibError(_ status: Int32) -> ChartError {
        ChartError(.encoding, "zlib failed to compress the image: \(String(cString: zError(status)))")
    }
}
