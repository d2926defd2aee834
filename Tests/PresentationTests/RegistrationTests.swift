import Experiments
import Foundation
import Testing

@testable import Presentation

/// An experiment is a folder in Sources/Experiments, an entry of the plan's catalogue and a
/// presenter; these tests fail when one of the three is added without the others.
@Suite struct RegistrationTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func everyExperimentOfTheCatalogueHasOnePresenter() {
        for experiment in Plan.catalogue {
            let presenters = Presenters.all.filter { ObjectIdentifier($0.subject) == ObjectIdentifier(experiment) }
            #expect(presenters.count == 1, "\(experiment.id): \(presenters.count) presenters")
        }
        #expect(Presenters.all.count == Plan.catalogue.count)
    }

    @Test func everyExperimentFolderIsInTheCatalogue() throws {
        let folder = Self.sources.appendingPathComponent("Experiments")
        let entries = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
        let folders = entries.filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .map(\.lastPathComponent).filter { $0 != Self.sharedFolder }
        #expect(!folders.isEmpty)
        let ids = Set(Plan.catalogue.map { $0.id })
        for name in folders {
            #expect(ids.contains(name.lowercased()), "Sources/Experiments/\(name) is not an experiment of Plan.catalogue")
        }
        #expect(folders.count == Plan.catalogue.count)
    }

    /// The code several experiments share, which is no experiment of its own.
    static let sharedFolder = "Shared"

    @Test func numberNamesAreUniqueAndPlain() {
        let names = Presenters.all.flatMap { $0.numberNames }
        #expect(Set(names).count == names.count, "a number is declared twice")
        for name in names {
            #expect(name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }, "\(name)")
        }
    }
}
