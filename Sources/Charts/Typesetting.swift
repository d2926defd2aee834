import CCairo

/// Rich text measured with the real font and broken into runs ready to draw, so layout and
/// drawing use exactly the same positions.
struct TextBlock: Sendable, Hashable {
    /// One stretch of text in one font size.
    struct Run: Sendable, Hashable {
        var text: String
        var fontSize: Double
        /// Offset of the run's baseline start from the block's origin (y down).
        var dx: Double
        var dy: Double
    }

    var runs: [Run]
    /// Distance from the origin to where following text would start.
    var advance: Double
    /// Bounding box of the inked pixels, relative to the origin (baseline start, y down).
    var ink: Rect

    var isEmpty: Bool { runs.isEmpty }
    /// Ink height above the baseline (positive for ordinary text).
    var ascent: Double { -ink.minY }
    /// Ink depth below the baseline.
    var descent: Double { ink.maxY }
}

/// A text block positioned on the page.
struct PlacedText: Sendable, Hashable {
    enum Horizontal { case left, center, right }
    enum Vertical { case top, middle, bottom }

    var block: TextBlock
    /// Where the block's origin lands.
    var origin: Point
    /// Rotated a quarter turn anticlockwise, reading upwards (y axis titles).
    var vertical: Bool
    /// The ink box on the page.
    var box: Rect

    init(_ block: TextBlock, origin: Point, vertical: Bool = false) {
        self.block = block
        self.origin = origin
        self.vertical = vertical
        let ink = block.ink
        box =
            vertical
            ? Rect(minX: origin.x + ink.minY, minY: origin.y - ink.maxX, maxX: origin.x + ink.maxY, maxY: origin.y - ink.minX)
            : Rect(x: origin.x + ink.minX, y: origin.y + ink.minY, width: ink.width, height: ink.height)
    }

    /// Places horizontal text so that `anchor` is at the given side of its advance box
    /// (horizontally) and ink box (vertically).
    init(_ block: TextBlock, at anchor: Point, _ horizontal: Horizontal, _ vertical: Vertical) {
        let x: Double
        switch horizontal {
        case .left: x = anchor.x
        case .center: x = anchor.x - block.advance / 2
        case .right: x = anchor.x - block.advance
        }
        let y: Double
        switch vertical {
        case .top: y = anchor.y - block.ink.minY
        case .middle: y = anchor.y - block.ink.midY
        case .bottom: y = anchor.y - block.ink.maxY
        }
        self.init(block, origin: Point(x: x, y: y))
    }

    /// The same text moved by (dx, dy).
    func offsetBy(dx: Double, dy: Double) -> PlacedText {
        PlacedText(block, origin: Point(x: origin.x + dx, y: origin.y + dy), vertical: vertical)
    }
}

/// Measures text with cairo on a private one-pixel surface, configured exactly like the
/// output surfaces, so that the layout is the same for SVG, PNG and PDF.
final class TextMeasurer {
    /// Script runs are drawn smaller and shifted from the baseline, in ems of the base size.
    static let scriptScale = 0.7
    static let superscriptRise = 0.36
    static let subscriptDrop = 0.16

    private let surface: OpaquePointer
    private let context: OpaquePointer
    private struct Key: Hashable {
        var text: String
        var size: Double
    }
    private var cache: [Key: cairo_text_extents_t] = [:]

    init() throws {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else {
            throw ChartError(.cairo, "could not create a measuring surface")
        }
        guard let context = cairo_create(surface), cairo_status(context) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw ChartError(.cairo, "could not create a measuring context")
        }
        self.surface = surface
        self.context = context
        CairoText.configure(context)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    private func extents(_ text: String, size: Double) -> cairo_text_extents_t {
        let key = Key(text: text, size: size)
        if let cached = cache[key] { return cached }
        var extents = cairo_text_extents_t()
        cairo_set_font_size(context, size)
        cairo_text_extents(context, text, &extents)
        cache[key] = extents
        return extents
    }

    /// Measures `text` set at `size` points.
    func block(_ text: RichText, size: Double) -> TextBlock {
        var runs: [TextBlock.Run] = []
        var pen = 0.0
        var ink: Rect?
        for run in text.runs {
            let fontSize: Double, shift: Double
            switch run.script {
            case .normal: (fontSize, shift) = (size, 0)
            case .superscript: (fontSize, shift) = (size * Self.scriptScale, -size * Self.superscriptRise)
            case .`subscript`: (fontSize, shift) = (size * Self.scriptScale, size * Self.subscriptDrop)
            }
            let e = extents(run.text, size: fontSize)
            if e.width > 0 || e.height > 0 {
                let box = Rect(x: pen + e.x_bearing, y: shift + e.y_bearing, width: e.width, height: e.height)
                ink = ink.map { $0.union(box) } ?? box
            }
            runs.append(TextBlock.Run(text: run.text, fontSize: fontSize, dx: pen, dy: shift))
            pen += e.x_advance
        }
        return TextBlock(runs: runs, advance: pen, ink: ink ?? Rect(x: 0, y: 0, width: pen, height: 0))
    }

    func block(markup: String, size: Double) -> TextBlock {
        block(RichText(markup: markup), size: size)
    }
}

/// Font selection and text drawing shared by the measurer and every output surface.
enum CairoText {
    /// Named explicitly: generic family names resolve differently from machine to machine.
    static let family = "DejaVu Sans"

    /// Selects the font and turns hinting off, so that advances do not depend on the device
    /// resolution and PNG, SVG and PDF agree with the measured layout.
    static func configure(_ context: OpaquePointer) {
        cairo_select_font_face(context, family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        guard let options = cairo_font_options_create() else { return }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        // Explicit, so that a machine's fontconfig preferences (subpixel order) cannot change
        // the PNG bytes.
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    static func draw(_ text: PlacedText, in context: OpaquePointer) {
        cairo_save(context)
        cairo_translate(context, text.origin.x, text.origin.y)
        if text.vertical { cairo_rotate(context, -Double.pi / 2) }
        for run in text.block.runs {
            cairo_set_font_size(context, run.fontSize)
            cairo_move_to(context, run.dx, run.dy)
            cairo_show_text(context, run.text)
        }
        cairo_restore(context)
    }
}
