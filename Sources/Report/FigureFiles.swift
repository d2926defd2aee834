import Charts
import Experiments
import Foundation
import Numerics
import Presentation
import TextSupport

/// The files of one figure: SVG, PNG and PDF in the light theme (print and default), SVG and
/// PNG in the dark theme (for readers whose system is dark), and its CSV.
struct FigureFiles {
    /// The formats drawn in each theme: print and the default page use light; dark-mode readers
    /// see the dark SVG, with the PNG as its fallback.
    static let variants: [(Theme, Set<Format>)] = [(.light, [.svg, .png, .pdf]), (.dark, [.svg, .png])]

    static func path(_ id: String, _ theme: Theme, _ format: Format) -> String {
        FigurePaths.rendering(id, theme: theme, format: format)
    }

    /// The CSV of a figure's data, or of a result table: one folder, so that a figure and a
    /// table of the same name clash where the build can see it.
    static func csvPath(_ id: String) -> String { "data/\(id).csv" }

    /// Renders every variant of every figure, in parallel: each render owns its cairo surface.
    static func render(_ figures: [FigureSpec]) throws(LocatedError) -> [String: Data] {
        let jobs = figures.flatMap { figure in variants.map { (figure, $0.0, $0.1) } }
        let outputs = ParallelMap.map(jobs) { job -> (files: [Format: [UInt8]], error: String?) in
            do {
                return (try ChartRenderer.render(job.0.chart, as: job.2, theme: job.1), nil)
            } catch {
                return ([:], "\(error)")
            }
        }
        var files: [String: Data] = [:]
        for (job, output) in zip(jobs, outputs) {
            if let error = output.error {
                throw LocatedError("figure \(job.0.id)", "cannot draw it in the \(job.1.rawValue) theme: \(error)")
            }
            for (format, bytes) in output.files { files[path(job.0.id, job.1, format)] = Data(bytes) }
        }
        for figure in figures { files[csvPath(figure.id)] = Data(figure.data.csv.utf8) }
        return files
    }

    /// What the figure partial needs.
    static func context(_ figure: FigureSpec, number: Int, captionHTML: String) -> [String: Any] {
        [
            "id": figure.id,
            "number": number,
            "title": figure.title,
            "caption": captionHTML,
            "alt": figure.alt,
            "svg": path(figure.id, .light, .svg),
            "png": path(figure.id, .light, .png),
            "pdf": path(figure.id, .light, .pdf),
            "darkSvg": path(figure.id, .dark, .svg),
            "darkPng": path(figure.id, .dark, .png),
            "csv": csvPath(figure.id),
            // CSS pixels are 1/96 inch and chart points 1/72 inch: print at the intended size.
            "width": Int((figure.chart.size.width * 4 / 3).rounded()),
            "height": Int((figure.chart.size.height * 4 / 3).rounded()),
        ]
    }

    static func manifestEntry(_ figure: FigureSpec, caption: String) -> Manifest.FigureEntry {
        Manifest.FigureEntry(
            id: figure.id, title: figure.title, caption: caption, alt: figure.alt,
            files: [
                "svg": path(figure.id, .light, .svg), "png": path(figure.id, .light, .png),
                "pdf": path(figure.id, .light, .pdf), "csv": csvPath(figure.id),
                "svg-dark": path(figure.id, .dark, .svg), "png-dark": path(figure.id, .dark, .png),
            ])
    }
}
