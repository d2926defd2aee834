import Foundation
import TextSupport

/// What the handout is made from: the page layout and its partials, the style sheet, the
/// prose (`content/*.md`, in file-name order, then the further chapters `content/further/*.md`
/// and the appendices `content/appendix/*.md`) and the bibliography.
public struct TemplateFolder: Sendable {
    /// Where a content file belongs: the core a handout prints, the further chapters after it,
    /// or the appendices.
    public enum Part: String, Sendable, CaseIterable {
        /// `content/`: numbered 1, 2, …
        case core = "content"
        /// `content/further/`: numbered on from the core, each starting a printed page, optional.
        case further = "content/further"
        /// `content/appendix/`: lettered A, B, … after the further chapters, and optional.
        case appendix = "content/appendix"
    }

    public struct Section: Sendable {
        /// The file name without its order prefix and extension: `03-saturation.md` → `saturation`.
        public let id: String
        public let path: String
        public let text: String
        public let part: Part
        /// A further chapter, an appendix, or a core file named `NN-name.optional.md`: a course
        /// may leave it out.
        public let isOptional: Bool
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
    /// The files of `fonts/` (the math font and its licence) by name, which the site carries
    /// under the same folder for the style sheet's `@font-face`.
    public let fonts: [String: Data]

    /// The templates of the folder at `path` (`--templates`).
    public init(path: String) throws(LocatedError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LocatedError(
                "--templates \(path)", "no template folder here",
                hint: "leave out --templates for the built-in ones, or `initlab templates --export DIR` to write them out")
        }
        let url = URL(fileURLWithPath: path)
        // Every file is read from inside the folder: a link out of it would publish whatever it
        // points to (a partial linked to /etc/passwd is rendered into the page).
        let root = url.resolvingSymlinksInPath().path
        try self.init(
            path: url.path,
            source: Source(
                names: { folder in (try? fileManager.contentsOfDirectory(atPath: url.appendingPathComponent(folder).path)) ?? [] },
                data: { relative throws(LocatedError) in
                    let file = url.appendingPathComponent(relative)
                    let target = file.resolvingSymlinksInPath().path
                    guard target.hasPrefix(root + "/") else {
                        throw LocatedError(
                            file.path, "this file is a link to \(target), outside the template folder \(path)",
                            hint: "copy the file into the folder")
                    }
                    guard let data = FileManager.default.contents(atPath: file.path) else {
                        throw LocatedError(file.path, "cannot read this file", hint: "it is missing or not readable")
                    }
                    return data
                }))
    }

    /// The templates built into the executable from the project's `templates/` folder; errors
    /// name their files as `built-in templates/…`.
    public static func builtIn() throws(LocatedError) -> TemplateFolder {
        let files = BuiltInTemplates.files
        return try TemplateFolder(
            path: BuiltInTemplates.label,
            source: Source(
                names: { folder in
                    let prefix = folder.isEmpty ? "" : folder + "/"
                    return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.filter {
                        !$0.contains("/")
                    }
                },
                data: { relative throws(LocatedError) in
                    guard let data = files[relative] else {
                        throw LocatedError("\(BuiltInTemplates.label)/\(relative)", "cannot read this file", hint: "it is missing")
                    }
                    return data
                }))
    }

    /// Where the files of a template folder come from: the names in a subfolder (`""` the top)
    /// and the bytes of a file, both by path relative to the folder.
    struct Source {
        let names: (String) -> [String]
        let data: (String) throws(LocatedError) -> Data
    }

    init(path: String, source: Source) throws(LocatedError) {
        self.path = path
        func located(_ relative: String) -> String { "\(path)/\(relative)" }
        func text(_ relative: String) throws(LocatedError) -> String {
            guard let text = String(data: try source.data(relative), encoding: .utf8) else {
                throw LocatedError(located(relative), "not valid UTF-8 text")
            }
            return text
        }
        var templates: [String: String] = [:]
        var templatePaths: [String: String] = [:]
        for folder in ["", "partials"] {
            for name in source.names(folder).sorted() where name.hasSuffix(".mustache") {
                let template = String(name.dropLast(".mustache".count))
                let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                if let other = templatePaths[template] {
                    throw LocatedError(
                        located(relative), "a second template named \(template); the first is \(other)",
                        hint: "a partial is used by its name, so names must differ")
                }
                templates[template] = try text(relative)
                templatePaths[template] = located(relative)
            }
        }
        guard templates["report"] != nil else {
            throw LocatedError(
                located("report.mustache"), "the page template is missing",
                hint: "every template folder needs report.mustache")
        }
        self.templates = templates
        self.templatePaths = templatePaths
        pages = try PageTemplates(templates: templates, paths: templatePaths, folder: path)
        styleSheet = try text("style.css")
        outputReadme = try text("output-README.md")
        var fonts: [String: Data] = [:]
        for name in source.names("fonts") where !name.hasPrefix(".") {
            fonts[name] = try source.data("fonts/\(name)")
        }
        self.fonts = fonts
        bibliography = try Bibliography(path: located("references.json"), text: try text("references.json"))

        var sections: [Section] = []
        for part in Part.allCases {
            for name in source.names(part.rawValue).sorted() where name.hasSuffix(".md") {
                let relative = "\(part.rawValue)/\(name)"
                var stem = String(name.dropLast(3))
                let isOptional = stem.hasSuffix(Self.optionalSuffix)
                if isOptional { stem.removeLast(Self.optionalSuffix.count) }
                let trimmed = stem.drop { $0.isNumber || $0 == "-" }
                let id = trimmed.isEmpty ? stem : String(trimmed)
                // The id names the file's <section> element; two alike would give the page two elements with one id.
                if let other = sections.first(where: { $0.id == id }) {
                    throw LocatedError(
                        located(relative), "this file's section id \(id) is also that of \(other.path)",
                        hint: "rename one of them: the id is the file name without its number and extension")
                }
                let prose = try text(relative)
                let scanner = try ContentScanner(path: located(relative), text: prose)
                sections.append(
                    Section(id: id, path: located(relative), text: prose, part: part, isOptional: isOptional || part != .core, scanner: scanner))
            }
        }
        guard sections.contains(where: { $0.part == .core }) else {
            throw LocatedError(
                located("content"), "no content/*.md files",
                hint: "the handout needs at least one section; the prose lives in content/*.md")
        }
        self.sections = sections
    }

    /// What ends the name of a core content file a course may leave out (`10-spectra.optional.md`).
    static let optionalSuffix = ".optional"
}
