/// The pixels of a cairo RGB24 image surface, borrowed from cairo: valid only inside the
/// closure given to ``ChartRenderer/rasterize(_:_:theme:_:)``, while the surface exists.
struct RGBRaster {
    /// cairo's memory, after cairo_surface_flush so that every drawing operation has landed.
    let base: UnsafeRawPointer
    let width: Int
    let height: Int
    /// Bytes from one row to the next: cairo pads rows for alignment, so it may exceed 4 × width.
    let stride: Int

    /// The pixel at (x, y) as a native-endian word 0xXXRRGGBB. cairo leaves the top byte
    /// undefined in RGB24, so only the low 24 bits carry colour; RGB24 is always opaque and
    /// never premultiplied.
    @inline(__always)
    func word(x: Int, y: Int) -> UInt32 {
        base.load(fromByteOffset: y * stride + 4 * x, as: UInt32.self)
    }
}
