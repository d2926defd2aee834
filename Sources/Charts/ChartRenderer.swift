import CCairo
import Foundation

/// Output file formats.
public enum Format: String, Sendable, Hashable, CaseIterable {
    /// Vector, glyphs as paths, with `<title>` and `<desc>`.
    case svg
    /// Raster at twice the point size (a 480×300 pt figure is 960×600 pixels), marked as
    /// 144 pixels per inch so that it prints at the figure's size.
    case png
    /// Vector, with the figure title and a reproducible creation date as metadata.
    case pdf
}

/// Turns figures into file bytes with cairo.
///
/// Each call lays the figure out with a private measuring context and draws it on a surface
/// it creates and destroys itself, so figures can be rendered concurrently from separate
/// tasks. Output is deterministic: the same figure and theme give the same bytes.
public enum ChartRenderer {
    /// PNG pixels per point.
    public static let pngScale = 2.0

    /// Renders the figure; PNG at 2x the point size. Deterministic: same input, same bytes.
    public static func render(_ figure: Figure, as format: Format, theme: Theme = .light) throws -> [UInt8] {
        try render(figure, as: [format], theme: theme)[format] ?? []
    }

    /// Renders the figure in several formats from a single layout.
    public static func render(_ figure: Figure, as formats: Set<Format>, theme: Theme = .light) throws -> [Format: [UInt8]] {
        let layout = try layout(figure)
        var files: [Format: [UInt8]] = [:]
        for format in Format.allCases where formats.contains(format) {
            files[format] = try draw(figure, layout, as: format, theme: theme)
        }
        return files
    }

    /// The positions of everything in the figure, in points.
    static func layout(_ figure: Figure) throws -> FigureLayout {
        try LayoutEngine(measurer: TextMeasurer()).layout(figure)
    }

    private static func draw(_ figure: Figure, _ layout: FigureLayout, as format: Format, theme: Theme) throws -> [UInt8] {
        let (width, height) = (figure.size.width, figure.size.height)
        let paint = { (context: OpaquePointer) in CairoPainter(context: context, theme: theme).paint(figure, layout) }
        switch format {
        case .svg:
            let svg = try produce(
                create: { cairo_svg_surface_create_for_stream(writeToSink, $0, width, height) },
                paint: paint, emit: finish)
            return SVGPostprocess.finish(svg, title: figure.title, description: figure.description)
        case .pdf:
            let date = DocumentDate.current(environment: ProcessInfo.processInfo.environment)
            return try produce(
                create: { cairo_pdf_surface_create_for_stream(writeToSink, $0, width, height) },
                prepare: { surface in
                    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, figure.title)
                    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
                    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
                },
                paint: paint, emit: finish)
        case .png:
            // Points are 1/72 inch, so 2 pixels per point make 144 pixels per inch.
            return try rasterize(figure, layout, theme: theme) { try PNGEncoder.encode($0, pixelsPerInch: 72 * pngScale) }
        }
    }

    /// Draws the figure at ``pngScale`` pixels per point on an RGB24 image surface and hands
    /// its pixels to `use` while the surface exists. RGB24 rather than ARGB32 because every
    /// figure starts with an opaque background: the pixels need no alpha and are not
    /// premultiplied, so the PNG carries cairo's colours exactly.
    static func rasterize<Output>(
        _ figure: Figure, _ layout: FigureLayout, theme: Theme, _ use: (RGBRaster) throws -> Output
    ) throws -> Output {
        let pixelsWide = Int32((figure.size.width * pngScale).rounded(.up))
        let pixelsHigh = Int32((figure.size.height * pngScale).rounded(.up))
        return try produce(
            create: { _ in cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixelsWide, pixelsHigh) },
            scale: pngScale,
            paint: { CairoPainter(context: $0, theme: theme).paint(figure, layout) },
            emit: { surface, _ in
                cairo_surface_flush(surface)
                guard let data = cairo_image_surface_get_data(surface) else {
                    throw ChartError(.cairo, "the image surface has no pixel data")
                }
                return try use(
                    RGBRaster(
                        base: UnsafeRawPointer(data), width: Int(cairo_image_surface_get_width(surface)),
                        height: Int(cairo_image_surface_get_height(surface)), stride: Int(cairo_image_surface_get_stride(surface))))
            })
    }

    /// Creates a surface (stream surfaces write into a byte sink), paints on it through a fresh
    /// context, and returns what `emit` makes of the surface and the sink; every cairo object
    /// is destroyed before returning.
    private static func produce<Output>(
        create: (UnsafeMutableRawPointer) -> OpaquePointer?,
        prepare: (OpaquePointer) -> Void = { _ in },
        scale: Double = 1,
        paint: (OpaquePointer) -> Void,
        emit: (OpaquePointer, ByteSink) throws -> Output
    ) throws -> Output {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) {
            let closure = Unmanaged.passUnretained(sink).toOpaque()
            guard let surface = create(closure) else { throw ChartError(.cairo, "could not create a surface") }
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface), "creating a surface")
            prepare(surface)
            guard let context = cairo_create(surface) else { throw ChartError(.cairo, "could not create a context") }
            cairo_scale(context, scale, scale)
            CairoText.configure(context)
            paint(context)
            let drawn = cairo_status(context)
            cairo_destroy(context)
            try check(drawn, "drawing")
            return try emit(surface, sink)
        }
    }

    /// Ends a stream surface, which flushes the rest of the file into the sink.
    private static func finish(_ surface: OpaquePointer, _ sink: ByteSink) throws -> [UInt8] {
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "writing")
        return sink.bytes
    }

    private static func check(_ status: cairo_status_t, _ action: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ChartError(.cairo, "\(action) failed: \(String(cString: cairo_status_to_string(status)))")
        }
    }
}

/// The bytes a cairo stream surface writes, collected through ``writeToSink``.
private final class ByteSink {
    var bytes: [UInt8] = []
}

/// cairo's write callback: appends to the ``ByteSink`` passed as the closure pointer.
private func writeToSink(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    if let data { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
    return CAIRO_STATUS_SUCCESS
}
