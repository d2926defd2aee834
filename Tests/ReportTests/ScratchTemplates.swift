import Configuration
import Foundation
import TextSupport

@testable import Report

/// A small template folder in a folder of its own under the temporary folder, which the test
/// removes when done: `defer { scratch.remove() }`.
struct ScratchTemplates {
    static let references = #"[{"key": "a2010", "authors": "A", "title": "T", "venue": "V", "year": 2010, "doi": "10.1/x"}]"#
    static let partials = [
        "figure.mustache": "<figure>{{id}}</figure>",
        "check-table.mustache": "<table>{{#checks}}<tr><td>{{claim}}</td></tr>{{/checks}}</table>",
        "rule-table.mustache": "<table>{{#rules}}<tr><td>{{name}}</td></tr>{{/rules}}</table>",
        "library-table.mustache": "<table></table>",
    ]

    let root: URL

    /// `files`: path inside the folder → text, added to (or replacing) a minimal folder.
    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-scratch-templates-\(UUID().uuidString)")
        var all = [
            "report.mustache": "<main>{{#sections}}{{{html}}}{{/sections}}</main>",
            "style.css": "", "output-README.md": "", "references.json": Self.references,
            "content/01-a.md": "## A\n\nText [@a2010].\n",
        ]
        for (name, text) in Self.partials { all["partials/\(name)"] = text }
        all.merge(files) { $1 }
        for (name, text) in all {
            let file = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    func folder() throws(LocatedError) -> TemplateFolder { try TemplateFolder(path: root.path) }

    /// The page built from the folder with no experiment results.
    func page(course: CourseSettings = CourseSettings(), dataDate: String? = nil) throws -> String {
        let builder = ReportBuilder(templates: try folder(), profile: .quick, seed: 1, course: course, dataDate: dataDate)
        let files = try builder.files(for: []).files
        return String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The error `body` throws, or nil when it throws none.
    static func error(_ body: () throws -> Void) -> LocatedError? {
        do {
            try body()
            return nil
        } catch let error as LocatedError {
            return error
        } catch {
            return LocatedError("unexpected", "\(error)")
        }
    }
}
