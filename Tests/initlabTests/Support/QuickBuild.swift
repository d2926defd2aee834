import Foundation
import Scratch

/// The quick profile built once per test process, with a cache of its own: the experiments run
/// here and nowhere else, and a test that needs a built site or a build that runs nothing takes
/// a copy of this site or cache into its own scratch folder. Tests about running experiments
/// (the cache, shards) run their own, as small as they can.
enum QuickBuild {
    struct Built: Sendable {
        /// What the build that ran the experiments said.
        let outcome: Initlab.Outcome
        let site: URL
        let cache: URL
    }

    struct Failed: Error, CustomStringConvertible {
        let stderr: String
        var description: String { "the shared quick build failed: \(stderr)" }
    }

    /// The folder, removed when the test process exits: no test owns it, so no test can.
    private static let folder: Result<ScratchFolder, any Error> = Result {
        let scratch = try ScratchFolder("initlab-quick-build")
        atexit { QuickBuild.removeFolder() }
        return scratch
    }

    private static func removeFolder() {
        (try? folder.get())?.remove()
    }

    /// Built on first use; a static's initialiser runs once, and a concurrent first use waits
    /// for it.
    private static let built: Result<Built, any Error> = Result {
        let root = try folder.get().url
        let site = root.appendingPathComponent("site"), cache = root.appendingPathComponent("cache")
        let outcome = try Initlab.run(["build", "--profile", "quick", "--cache", cache.path, "--output", site.path, "--quiet"])
        guard outcome.status == 0 else { throw Failed(stderr: outcome.stderr) }
        return Built(outcome: outcome, site: site, cache: cache)
    }

    static func shared() throws -> Built { try built.get() }

    /// The built site, to read and never to change.
    static func site() throws -> URL { try shared().site }

    /// A copy of the shared cache at `destination`: a quick build with it runs no experiment.
    @discardableResult
    static func copyOfTheCache(at destination: URL) throws -> URL {
        try FileManager.default.copyItem(at: try shared().cache, to: destination)
        return destination
    }

    /// A copy of the built site at `destination`, a site initlab wrote there.
    @discardableResult
    static func copyOfTheSite(at destination: URL) throws -> URL {
        try FileManager.default.copyItem(at: try site(), to: destination)
        return destination
    }
}
