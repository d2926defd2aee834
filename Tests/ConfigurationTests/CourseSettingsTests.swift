import Foundation
import Scratch
import Testing

@testable import Configuration

/// The `course:` key: the title block and the sections a course keeps, each omission located
/// so that the handout's builder can point at it.
@Suite struct CourseSettingsTests {
    func load(_ text: String) throws -> (BuildConfiguration, String) {
        try withScratchFolder("initlab-course") { folder in
            let file = folder.appendingPathComponent("course.yml")
            try Data(text.utf8).write(to: file)
            return (try BuildConfiguration(path: file.path), file.path)
        }
    }

    @Test func everyKeyIsRead() throws {
        let (configuration, path) = try load(
            """
            profile: quick
            course:
              title: Weights
              subtitle: ""
              author: A. Teacher
              institution: Uni
              date: 2026
              further: false
              appendices: false
              omit: [sec:spectra, sec:verification]
            """)
        let course = configuration.course
        #expect(course.title == "Weights" && course.subtitle == nil && course.author == "A. Teacher")
        #expect(course.institution == "Uni" && course.date == "2026" && !course.further && !course.appendices)
        #expect(
            course.omit == [
                CourseSettings.Omission(label: "spectra", location: "\(path):10:10"),
                CourseSettings.Omission(label: "verification", location: "\(path):10:23"),
            ])
    }

    @Test func withoutTheKeyTheDefaultsHold() throws {
        let (configuration, _) = try load("profile: quick\n")
        #expect(configuration.course == CourseSettings())
        #expect(configuration.course.title == CourseSettings.defaultTitle && configuration.course.further && configuration.course.appendices)
    }

    /// `initlab config` prints the course too, and what it prints reads back as it was.
    @Test func printedSettingsReadBack() throws {
        var printed = BuildConfiguration(profile: .quick)
        printed.course.author = "O'Brien \"the\" teacher"
        printed.course.subtitle = nil
        let (configuration, _) = try load(printed.yaml())
        #expect(configuration.course == printed.course)
    }
}
