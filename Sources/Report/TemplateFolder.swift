import Foundation
import TextSupport

/// What the handout is made from: the page layout and its partials, the style sheet, the
/// prose (`content/*.md`, in file-name order) and the bibliography.
public struct TemplateFolder: Sendable {
    public struct Section: Sendable {
        /// The file name without its order prefix and extension: `03-saturation.md` → `saturation`.
        public let id: String
        public let path: String
        public let text: String
        /// The text split into Markdown and pieces, which also refuses raw HTML and bad links
        /// before any experiment runs.
        let scanner: ContentScanner
    }

    public let path: String
    /// Every `*.mustache` file by name without extension; `report` is the page.
    public let templates: [String: String]
    /// The file each template was read from, for error messages.
    public let templatePaths: [String: String]
    public let styleSheet: String
    public let sections: [Section]
    public let bibliography: Bibliography
    /// The templates compiled, their syntax and partials checked.
    let pages: PageTemplates
    /// What output/README.md says; the site carries it so the folder explains itself.
    public let outputReadme: String

    public init(path: String) throws(LocatedError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LocatedError("--templates \(path)", "no template folder here", hint: "run from the project folder, or pass --templates DIR")
        }
        self.path = path
        let url = URL(fileURLWithPath: path)
        // Every file is read from inside the folder: a link out of it would publish whatever it
        // points to (a partial linked to /etc/passwd is rendered into the page).
        let root = url.resolvingSymlinksInPath().path
        func read(_ file: URL) throws(LocatedError) -> String {
            let target = file.resolvingSymlinksInPath().path
            guard target.hasPrefix(root + "/") else {
                throw LocatedError(file.path, "this file is a link to \(target), outside the template folder \(path)",
                    hint: "copy the file into the folder")
            }
            return try Self.read(file)
        }
        var templates: [String: String] = [:]
        var templatePaths: [String: String] = [:]
        for folder in [url, url.appendingPathComponent("partials")] {
            let names = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".mustache") {
                let template = String(name.dropLast(".mustache".count))
                let file = folder.appendingPathComponent(name)
                if let other = templatePaths[template] {
                    throw LocatedError(file.path, "a second template named \(template); the first is \(other)",
                        hint: "a partial is used by its name, so names must differ")
                }
                templates[template] = try read(file)
                templatePaths[template] = file.path
            }
        }
        guard templates["report"] != nil else {
            throw LocatedError(url.appendingPathComponent("report.mustache").path, "the page template is missing", hint: "every template folder needs report.mustache")
        }
        self.templates = templates
        self.templatePaths = templatePaths
        pages = try PageTemplates(templates: templates, paths: templatePaths, folder: path)
        styleSheet = try read(url.appendingPathComponent("style.css"))
        outputReadme = try read(url.appendingPathComponent("output-README.md"))
        let references = url.appendingPathComponent("references.json")
        bibliography = try Bibliography(path: references.path, text: try read(references))

        let content = url.appendingPathComponent("content")
        guard let names = try? fileManager.contentsOfDirectory(atPath: content.path) else {
            throw LocatedError(content.path, "the content folder is missing", hint: "the prose lives in content/*.md")
        }
        var sections: [Section] = []
        for name in names.sorted() where name.hasSuffix(".md") {
            let file = content.appendingPathComponent(name)
            let stem = String(name.dropLast(3))
            let id = stem.drop { $0.isNumber || $0 == "-" }
            let text = try read(file)
            let scanner = try ContentScanner(path: file.path, text: text)
            sections.append(Section(id: id.isEmpty ? stem : String(id), path: file.path, text: text, scanner: scanner))
        }
        guard !sections.isEmpty else {
            throw LocatedError(content.path, "no content/*.md files", hint: "the handout needs at least one section")
        }
        self.sections = sections
    }

    static func read(_ url: URL) throws(LocatedError) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LocatedError(url.path, "cannot read this file", hint: "it is missing or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LocatedError(url.path, "not valid UTF-8 text")
        }
        return text
    }
}
