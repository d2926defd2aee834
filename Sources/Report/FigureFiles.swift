import Charts
import Experiments
import Foundation
import Numerics

/// The files of one figure: SVG, PNG and PDF in the light theme (print and default), SVG and
/// PNG in the dark theme (for readers whose system is dark), and its CSV.
struct FigureFiles {
    static let variants: [(Theme, Format)] = [(.light, .svg), (.light, .png), (.light, .pdf), (.dark, .svg), (.dark, .png)]

    static func path(_ id: String, _ theme: Theme, _ format: Format) -> String {
        theme == .light ? "figures/\(id).\(format.rawValue)" : "figures/\(id).dark.\(format.rawValue)"
    }

    static func csvPath(_ id: String) -> String { "data/\(id).csv" }

    /// Renders every variant of every figure, in parallel: each render owns its cairo surface.
    static func render(_ figures: [FigureSpec]) throws(ReportError) -> [String: Data] {
        let jobs = figures.flatMap { figure in variants.map { (figure, $0.0, $0.1) } }
        let outputs = ParallelMap.map(jobs) { job -> Swift.Result<[UInt8], ChartError> in
            do { return .success(try ChartRenderer.render(job.0.chart, as: job.2, theme: job.1)) } catch let error as ChartError {
                return .failure(error)
            } catch {
                return .failure(ChartError("\(error)"))
            }
        }
        var files: [String: Data] = [:]
        for (job, output) in zip(jobs, outputs) {
            switch output {
            case .success(let bytes): files[path(job.0.id, job.1, job.2)] = Data(bytes)
            case .failure(let error): throw ReportError("figure \(job.0.id)", "cannot draw it as \(job.2.rawValue): \(error)")
            }
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

    static func manifestEntry(_ figure: FigureSpec) -> Manifest.FigureEntry {
        Manifest.FigureEntry(
            id: figure.id, title: figure.title, caption: figure.caption, alt: figure.alt,
            files: [
                "svg": path(figure.id, .light, .svg), "png": path(figure.id, .light, .png),
                "pdf": path(figure.id, .light, .pdf), "csv": csvPath(figure.id),
                "svg-dark": path(figure.id, .dark, .svg), "png-dark": path(figure.id, .dark, .png),
            ])
    }
}
