import Configuration
import TextSupport

/// Which content files a course keeps: it may leave out the further chapters, the appendices, or
/// any optional file (a further chapter, an appendix, or a core file named `NN-name.optional.md`)
/// by the label of its `##` heading.
/// What a left-out file labels stays known, so that a reference to it from the prose kept reads
/// as text instead of breaking the build or linking nowhere.
struct SectionSelection {
    let kept: [ProseFile]
    /// The appendices the page template writes (by element id) that stay in.
    let keptTemplateAppendices: [String]
    /// Each label of a left-out file (`fig:id`, `tab:id`, `sec:id`, `eq:id`): the title of its file.
    let omittedLabels: [String: String]

    /// `templateAppendices`: the ids of the appendices the page template writes, which the course
    /// may leave out like the others (`sec:verification`).
    init(
        _ files: [ProseFile], templateAppendices: [String], further: Bool, appendices: Bool,
        omissions: [CourseSettings.Omission]
    ) throws(LocatedError) {
        let headingLabels = files.map(Self.headingLabel)
        var left = Set<Int>()
        var leftTemplate = Set<String>()
        if !further { left.formUnion(files.indices.filter { files[$0].section.part == .further }) }
        if !appendices {
            left.formUnion(files.indices.filter { files[$0].section.part == .appendix })
            leftTemplate = Set(templateAppendices)
        }
        for omission in omissions {
            if templateAppendices.contains(omission.label) {
                leftTemplate.insert(omission.label)
                continue
            }
            guard let index = headingLabels.firstIndex(of: omission.label) else {
                let optional = files.indices.filter { files[$0].section.isOptional }.compactMap { headingLabels[$0] } + templateAppendices
                let near = nearestName(to: omission.label, in: optional).map { "did you mean sec:\($0)?" }
                throw LocatedError(
                    omission.location, "no ## heading is labelled sec:\(omission.label)",
                    hint: near ?? "the sections a course may leave out: \(optional.map { "sec:\($0)" }.joined(separator: ", "))")
            }
            guard files[index].section.isOptional else {
                throw LocatedError(
                    omission.location, "sec:\(omission.label) is part of the core and cannot be left out",
                    hint: "only further chapters, appendices and core files named NN-name.optional.md can be; this is \(files[index].section.path)")
            }
            left.insert(index)
        }
        kept = files.indices.filter { !left.contains($0) }.map { files[$0] }
        keptTemplateAppendices = templateAppendices.filter { !leftTemplate.contains($0) }
        var labels: [String: String] = [:]
        for index in left.sorted() {
            let title = Self.title(of: files[index])
            for label in Self.labels(in: files[index]) { labels[label] = title }
        }
        for id in leftTemplate { labels["sec:\(id)"] = id.prefix(1).uppercased() + id.dropFirst() }
        omittedLabels = labels
    }

    /// The `{#sec:…}` label of the file's first `##` heading, if it has one.
    static func headingLabel(_ file: ProseFile) -> String? {
        guard let heading = firstHeading(file) else { return nil }
        for (number, piece) in file.pieces.enumerated() {
            if case .label(.section, let id) = piece.source, heading.contains(ContentScanner.token(number)) { return id }
        }
        return nil
    }

    /// The text of the file's first `##` heading, markup and pieces left out.
    static func title(of file: ProseFile) -> String {
        let text = ContentScanner.removingTokens(firstHeading(file) ?? file.section.id).replacing(/<[^>]*>/, with: "")
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func firstHeading(_ file: ProseFile) -> String? {
        guard let open = file.html.range(of: "<h2>"), let close = file.html.range(of: "</h2>", range: open.upperBound..<file.html.endIndex)
        else { return nil }
        return String(file.html[open.upperBound..<close.lowerBound])
    }

    /// Everything in the file a reference may name: its sections, tables, figures and equations.
    static func labels(in file: ProseFile) -> [String] {
        file.pieces.flatMap { piece -> [String] in
            switch piece.source {
            case .label(let kind, let id): ["\(kind.prefix):\(id)"]
            case .figure(let id): ["fig:\(id)"]
            case .displayMath(let tex): tex.matches(of: /\\label\{([^}]*)\}/).map { "eq:\($0.output.1)" }
            default: []
            }
        }
    }
}
