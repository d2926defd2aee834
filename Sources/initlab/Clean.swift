import ArgumentParser
import Experiments
import Foundation
import Report

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove what a build wrote into the output folder, and with --cache the cached experiment results.",
        discussion: """
            Only a folder initlab wrote (it carries the .initlab-site marker) is touched; its README.md and the marker stay. \
            --cache removes only the result files and temporary files of a folder that is initlab's cache (it carries the \
            CACHEDIR.TAG initlab wrote, or holds nothing but entries of an earlier initlab), and the folder itself when \
            nothing else is left in it; any other folder is refused with exit status 2 and left untouched.
            """)

    @Option(name: .shortAndLong, help: "The site folder to remove.")
    var output = "output"

    @Flag(help: "Also remove the cache of experiment results.")
    var cache = false

    @Option(help: "The cache folder.")
    var cacheFolder = ".initlab-cache"

    func run() throws {
        let folder = URL(fileURLWithPath: cacheFolder)
        // A folder that is not initlab's cache is refused before anything is removed.
        if cache { try CacheFolder.checkCleanable(folder) }
        try SiteFolder.clean(output)
        if cache {
            try CacheFolder.clean(folder)
        }
    }
}
