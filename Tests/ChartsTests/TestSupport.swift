import CCairo
import Foundation

@testable import Charts

/// Independent checks on rendered bytes, using cairo directly rather than the code under test.
enum TestSupport {
    struct Pixel: Equatable, CustomStringConvertible {
        var red: UInt8, green: UInt8, blue: UInt8
        var description: String { "rgb(\(red), \(green), \(blue))" }
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return nil
        }
        func u32(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (u32(16), u32(20))
    }

    private final class Reader {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// A decoded image: colours as 0xRRGGBB, row by row.
    struct DecodedImage: Equatable {
        var width: Int, height: Int
        var pixels: [UInt32]
    }

    /// Decodes a PNG with cairo (libpng, which also checks the chunk CRCs).
    static func decodePNG(_ png: [UInt8]) -> DecodedImage? {
        let reader = Reader(png)
        return withExtendedLifetime(reader) { () -> DecodedImage? in
            let closure = Unmanaged.passUnretained(reader).toOpaque()
            guard
                let surface = cairo_image_surface_create_from_png_stream(
                    { closure, data, length in
                        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                        let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
                        let count = Int(length)
                        guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                        for i in 0..<count { data[i] = reader.bytes[reader.offset + i] }
                        reader.offset += count
                        return CAIRO_STATUS_SUCCESS
                    }, closure)
            else { return nil }
            defer { cairo_surface_destroy(surface) }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
            cairo_surface_flush(surface)
            let width = Int(cairo_image_surface_get_width(surface))
            let height = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            guard let data = cairo_image_surface_get_data(surface) else { return nil }
            var pixels: [UInt32] = []
            pixels.reserveCapacity(width * height)
            for y in 0..<height {
                for x in 0..<width {
                    // Native-endian 32-bit xRGB / ARGB.
                    pixels.append(UnsafeRawPointer(data).load(fromByteOffset: y * stride + 4 * x, as: UInt32.self) & 0xFF_FFFF)
                }
            }
            return DecodedImage(width: width, height: height, pixels: pixels)
        }
    }

    /// Decodes a PNG with cairo and returns the pixel at (x, y).
    static func pixel(_ png: [UInt8], x: Int, y: Int) -> Pixel? {
        guard let image = decodePNG(png), x >= 0, y >= 0, x < image.width, y < image.height else { return nil }
        let word = image.pixels[y * image.width + x]
        return Pixel(red: UInt8((word >> 16) & 0xFF), green: UInt8((word >> 8) & 0xFF), blue: UInt8(word & 0xFF))
    }

    /// Advance width of plain text in DejaVu Sans, measured here without the Charts measurer.
    static func advance(_ text: String, size: Double) -> Double {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else { return .nan }
        defer { cairo_surface_destroy(surface) }
        guard let context = cairo_create(surface) else { return .nan }
        defer { cairo_destroy(context) }
        cairo_select_font_face(context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
        cairo_set_font_size(context, size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// Checks that no two rectangles overlap; returns the first offending pair.
    static func firstOverlap(_ boxes: [Rect]) -> (Rect, Rect)? {
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].intersects(boxes[j]) {
                return (boxes[i], boxes[j])
            }
        }
        return nil
    }
}
