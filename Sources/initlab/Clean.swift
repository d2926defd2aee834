import ArgumentParser
import Foundation
import Report

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove what a build wrote into the output folder, and with --cache the cached experiment results.",
        discussion: "Only a folder initlab wrote (it carries the .initlab-site marker) is touched; its README.md and the marker stay.")

    @Option(name: .shortAndLong, help: "The site folder to remove.")
    var output = "output"

    @Flag(help: "Also remove the cache of experiment results.")
    var cache = false

    @Option(help: "The cache folder.")
    var cacheFolder = ".initlab-cache"

    func run() throws {
        try SiteFolder.clean(output)
        if cache {
            try? FileManager.default.removeItem(atPath: cacheFolder)
        }
    }
}
