import ArgumentParser
import ChartGallery
import Charts
import FileSafety
import Foundation
import Numerics
import Report
import TextSupport

struct Gallery: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw every mark, scale and layout the figures can use into a folder, with a page showing them all.",
        discussion: """
            Writes figures/<name>.svg, .png (2x) and .pdf in the light theme and \
            figures/<name>.dark.svg, .png and .pdf in the dark one for every example of the chart \
            gallery, and index.html, which shows them all with their names and links every file \
            (relative links, no scripts). The folder is replaced whole; a non-empty folder the \
            gallery did not write (it has no .initlab-gallery marker) is refused.
            """)

    @Option(name: .shortAndLong, help: "The folder the gallery is written to (replaced whole).")
    var output = "gallery"

    @Flag(
        help: """
            Replace the folder even if it holds files the gallery did not write (they are lost). Never replaces the working \
            folder, the home folder or a folder holding them.
            """)
    var force = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        do {
            try MarkedFolder.check(URL(fileURLWithPath: output), kind: ChartGallery.folderKind, force: force)
        } catch {
            throw LocatedError(error, option: "--output")
        }
        Interrupts.removeCreatedItemsOnSignal()
        let jobs = ChartGallery.examples.flatMap { example in Theme.allCases.map { (example, $0) } }
        // Each render owns its cairo surface, so the examples are drawn on all cores.
        let outputs = ParallelMap.map(jobs) { job -> (files: [String: [UInt8]], error: String?) in
            do {
                return (try ChartGallery.files(for: job.0, theme: job.1), nil)
            } catch {
                return ([:], "\(error)")
            }
        }
        var files = ["index.html": Array(ChartGallery.indexPage().utf8)]
        for (job, output) in zip(jobs, outputs) {
            if let error = output.error {
                throw BuildFailure(message: "gallery example \(job.0.name) cannot be drawn in the \(job.1.rawValue) theme: \(error)")
            }
            files.merge(output.files) { $1 }
        }
        do {
            try ChartGallery.write(files, to: URL(fileURLWithPath: output), force: force)
        } catch {
            throw LocatedError(error, option: "--output")
        }
        if !quiet {
            FileHandle.standardError.write(
                Data("initlab: wrote \(output)/index.html: \(ChartGallery.examples.count) examples, \(files.count) files\n".utf8))
        }
    }
}
