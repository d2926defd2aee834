import Foundation
import Presentation
import Testing

@testable import Report

/// The handout's own prose against the presenters: every number it quotes is declared by one,
/// which the build also checks before it runs anything.
@Suite struct ShippedProseTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")

    @Test func everyQuotedNumberIsDeclared() throws {
        let folder = try TemplateFolder(path: Self.templates.path)
        try folder.checkNumberNames(Presenters.declaredNumberNames)
    }
}
