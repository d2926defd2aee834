import Foundation
import Scratch
import Testing

@testable import FileSafety

/// Each case makes its own folder under the temporary folder and states both what goes and
/// what stays.
@Suite struct DeletionTests {
    static let hex = String(repeating: "0123456789abcdef", count: 2)

    func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func exists(_ url: URL) -> Bool { CanonicalPath.kind(url.path) != nil }

    func site(in root: URL, files: [String]) throws -> URL {
        let site = root.appendingPathComponent("site")
        for file in files { try write(file, site.appendingPathComponent(file)) }
        try write(FolderMarker(kind: .site, files: files).text, site.appendingPathComponent(FolderKind.site.markerName))
        return site
    }

    @Test func removesWhatThisProcessCreatedAndNothingElse() throws {
        try withScratchFolder("filesafety-tests") { root in
            let mine = try Created.folder(at: root.appendingPathComponent("staging"))
            try write("x", mine.appendingPathComponent("a/b.txt"))
            let file = try Created.file(at: root.appendingPathComponent("entry.tmp"), contents: Data("y".utf8))
            let theirs = root.appendingPathComponent("theirs")
            try FileManager.default.createDirectory(at: theirs, withIntermediateDirectories: false)

            try Deletion.delete(mine, because: .createdByThisProcess)
            try Deletion.delete(file, because: .createdByThisProcess)
            #expect(!exists(mine) && !exists(file))
            #expect(throws: FileSafetyError.self) { try Deletion.delete(theirs, because: .createdByThisProcess) }
            #expect(exists(theirs))
            // A path that held our folder is not ours any more once that folder is gone.
            try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: false)
            #expect(throws: FileSafetyError.self) { try Deletion.delete(mine, because: .createdByThisProcess) }
            #expect(exists(mine))
            // Creation refuses a path that is taken, so it can never adopt someone's folder.
            #expect(throws: FileSafetyError.self) { try Created.folder(at: theirs) }
            #expect(throws: FileSafetyError.self) { try Deletion.delete(theirs, because: .createdByThisProcess) }
        }
    }

    @Test func removesOnlyTheFilesTheSiteMarkerLists() throws {
        try withScratchFolder("filesafety-tests") { root in
            let site = try site(in: root, files: ["index.html", "figures/a.svg", "figures/b.svg"])
            try write("mine", site.appendingPathComponent("notes.txt"))
            try write("mine", site.appendingPathComponent("data/own.csv"))
            let evidence = Deletion.Evidence.siteFile(site: site, kind: .site)

            try Deletion.delete(site.appendingPathComponent("index.html"), because: evidence)
            try Deletion.delete(site.appendingPathComponent("figures"), because: evidence)
            #expect(!exists(site.appendingPathComponent("index.html")) && !exists(site.appendingPathComponent("figures")))

            for kept in ["notes.txt", "data", "data/own.csv", ".initlab-site", "../site"] {
                #expect(throws: FileSafetyError.self, "\(kept)") {
                    try Deletion.delete(site.appendingPathComponent(kept), because: evidence)
                }
            }
            #expect(try String(contentsOf: site.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
            #expect(exists(site.appendingPathComponent("data/own.csv")) && exists(site.appendingPathComponent(".initlab-site")))
        }
    }

    @Test func aFolderWithAnEmptyOrForeignMarkerIsNotASite() throws {
        try withScratchFolder("filesafety-tests") { root in
            let markers = ["", "This folder is written by `initlab build`.\nindex.html\n", "initlab-folder-marker 1 gallery\nindex.html\n"]
            for marker in markers {
                let folder = root.appendingPathComponent("foreign")
                try write("precious", folder.appendingPathComponent("index.html"))
                try write(marker, folder.appendingPathComponent(".initlab-site"))
                #expect(throws: FileSafetyError.self) {
                    try Deletion.delete(folder.appendingPathComponent("index.html"), because: .siteFile(site: folder, kind: .site))
                }
                #expect(exists(folder.appendingPathComponent("index.html")))
            }
        }
    }

    @Test func aListedPathCannotLeaveTheSite() throws {
        try withScratchFolder("filesafety-tests") { root in
            let outside = root.appendingPathComponent("outside")
            try write("precious", outside.appendingPathComponent("secret.txt"))
            let site = try site(in: root, files: [])
            try write(FolderMarker(kind: .site, files: ["link", "link/secret.txt"]).text, site.appendingPathComponent(".initlab-site"))
            try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("link"), withDestinationURL: outside)
            let evidence = Deletion.Evidence.siteFile(site: site, kind: .site)

            for escape in ["link/secret.txt", "../outside/secret.txt"] {
                #expect(throws: FileSafetyError.self) { try Deletion.delete(site.appendingPathComponent(escape), because: evidence) }
            }
            #expect(exists(outside.appendingPathComponent("secret.txt")))
            // The link itself is listed: it goes, what it points to stays.
            try Deletion.delete(site.appendingPathComponent("link"), because: evidence)
            #expect(!exists(site.appendingPathComponent("link")))
            #expect(try String(contentsOf: outside.appendingPathComponent("secret.txt"), encoding: .utf8) == "precious")
            // A marker listing a path out of the folder is not read as a marker.
            try write("initlab-folder-marker 1 site\n../outside/secret.txt\n", site.appendingPathComponent(".initlab-site"))
            #expect(throws: FileSafetyError.self) { try FolderMarker.read(in: site, kind: .site) }
        }
    }

    @Test func aPlainFileIsNotASiteNorACache() throws {
        try withScratchFolder("filesafety-tests") { root in
            let file = root.appendingPathComponent("plain")
            try write("precious", file)
            #expect(throws: FileSafetyError.self) { try Deletion.delete(file, because: .cacheEntry(cache: file)) }
            #expect(throws: FileSafetyError.self) { try Deletion.delete(file, because: .siteFile(site: file, kind: .site)) }
            #expect(try String(contentsOf: file, encoding: .utf8) == "precious")
        }
    }

    @Test func protectedFoldersAndTheirAncestorsAreRefusedWhateverTheEvidence() throws {
        try withScratchFolder("filesafety-tests") { root in
            // A site whose marker lists a folder that the run protects, as a build protects its
            // templates, cache and configuration folder.
            let site = try site(in: root, files: ["etc/passwd", "etc/apt/sources.list"])
            Protection.protect(site.appendingPathComponent("etc/apt"))
            let evidence = Deletion.Evidence.siteFile(site: site, kind: .site)
            #expect(throws: FileSafetyError.self) { try Deletion.delete(site.appendingPathComponent("etc"), because: evidence) }
            #expect(throws: FileSafetyError.self) { try Deletion.delete(site.appendingPathComponent("etc/apt"), because: evidence) }
            #expect(throws: FileSafetyError.self) { try Deletion.delete(site.appendingPathComponent("etc/apt/../apt"), because: evidence) }
            #expect(exists(site.appendingPathComponent("etc/apt/sources.list")))
            // Inside a protected folder is not protected: the file itself may go.
            try Deletion.delete(site.appendingPathComponent("etc/passwd"), because: evidence)
            #expect(!exists(site.appendingPathComponent("etc/passwd")))
            // A folder this process made becomes untouchable once it holds a protected one.
            let staging = try Created.folder(at: root.appendingPathComponent("staging"))
            try FileManager.default.createDirectory(at: staging.appendingPathComponent("inputs"), withIntermediateDirectories: false)
            Protection.protect(staging.appendingPathComponent("inputs"))
            #expect(throws: FileSafetyError.self) { try Deletion.delete(staging, because: .createdByThisProcess) }
            #expect(exists(staging.appendingPathComponent("inputs")))
        }
    }

    @Test(arguments: ["/", "."])
    func rootHomeAndTheWorkingFolderAreProtected(spelling: String) {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(Protection.reason(for: URL(fileURLWithPath: spelling)) != nil)
        #expect(Protection.reason(for: URL(fileURLWithPath: cwd + "/" + spelling)) != nil)
        #expect(Protection.reason(for: URL(fileURLWithPath: cwd).deletingLastPathComponent()) != nil)
        #expect(Protection.reason(for: URL(fileURLWithPath: cwd + "/" + "sub/..")) != nil)
        #expect(Protection.reason(for: URL(fileURLWithPath: NSHomeDirectory())) != nil)
        #expect(Protection.reason(for: URL(fileURLWithPath: cwd).appendingPathComponent("output")) == nil)
    }

    @Test func leftoverStagingOfADeadProcessGoesWhenItCarriesTheMarker() throws {
        try withScratchFolder("filesafety-tests") { root in
            let dead = try deadProcessID()
            let destination = root.appendingPathComponent("site")
            let marked = root.appendingPathComponent(".site.initlab-new-\(dead)")
            try write(FolderMarker(kind: .site, files: ["index.html"]).text, marked.appendingPathComponent(".initlab-site"))
            let unmarked = root.appendingPathComponent(".site.initlab-old-\(dead)")
            try write("precious", unmarked.appendingPathComponent("index.html"))
            let alive = root.appendingPathComponent(".site.initlab-new-\(getpid())")
            try write(FolderMarker(kind: .site, files: []).text, alive.appendingPathComponent(".initlab-site"))
            let other = root.appendingPathComponent(".other.initlab-new-\(dead)")
            try write(FolderMarker(kind: .site, files: []).text, other.appendingPathComponent(".initlab-site"))
            let evidence = Deletion.Evidence.leftoverStaging(of: destination, kind: .site)

            try Deletion.delete(marked, because: evidence)
            #expect(!exists(marked))
            for kept in [unmarked, alive, other] {
                #expect(throws: FileSafetyError.self, "\(kept.lastPathComponent)") { try Deletion.delete(kept, because: evidence) }
                #expect(exists(kept))
            }
        }
    }

    @Test func cacheEntriesGoOnlyFromATaggedCacheAndOnlyByName() throws {
        try withScratchFolder("filesafety-tests") { root in
            let cache = root.appendingPathComponent("cache")
            try CacheTag.write(in: cache)
            #expect(CacheTag.isPresent(in: cache))
            let entry = cache.appendingPathComponent("propagation-\(Self.hex).json")
            let temporary = cache.appendingPathComponent(".propagation-\(Self.hex).json.4242.tmp")
            let foreign = ["notes.txt", "propagation-\(Self.hex.uppercased()).json", "propagation-\(Self.hex).json.bak", "CACHEDIR.TAG"]
            for name in [entry.lastPathComponent, temporary.lastPathComponent] + foreign.dropLast() {
                try write("x", cache.appendingPathComponent(name))
            }
            try Deletion.delete(entry, because: .cacheEntry(cache: cache))
            try Deletion.delete(temporary, because: .cacheEntry(cache: cache))
            #expect(!exists(entry) && !exists(temporary))
            for name in foreign {
                #expect(throws: FileSafetyError.self, "\(name)") {
                    try Deletion.delete(cache.appendingPathComponent(name), because: .cacheEntry(cache: cache))
                }
                #expect(exists(cache.appendingPathComponent(name)))
            }
            #expect(throws: FileSafetyError.self) { try Deletion.delete(cache, because: .cacheEntry(cache: cache)) }
        }
    }

    @Test func anUntaggedOrWronglyTaggedFolderIsNotACache() throws {
        try withScratchFolder("filesafety-tests") { root in
            let name = "propagation-\(Self.hex).json"
            let tags = [
                nil, "", "Signature: 8a477f597d28d172789f06886806bc55\n", "Signature: 0000\n# initlab\n",
                "Signature: 8a477f597d28d172789f06886806bc55\n# created by another program\n",
            ]
            for tag in tags {
                let cache = root.appendingPathComponent("cache")
                try write("precious", cache.appendingPathComponent(name))
                if let tag { try write(tag, cache.appendingPathComponent(CacheTag.fileName)) }
                #expect(!CacheTag.isPresent(in: cache))
                #expect(throws: FileSafetyError.self) {
                    try Deletion.delete(cache.appendingPathComponent(name), because: .cacheEntry(cache: cache))
                }
                #expect(exists(cache.appendingPathComponent(name)))
            }
        }
    }

    @Test func aRefusalIsOneLineNamingThePathAndTheReason() throws {
        try withScratchFolder("filesafety-tests") { root in
            let file = root.appendingPathComponent("notes.txt")
            try write("x", file)
            do {
                try Deletion.delete(file, because: .createdByThisProcess)
                Issue.record("removed a file this process did not create")
            } catch {
                #expect("\(error)" == "\(file.path): refused to remove it: this process did not create it")
            }
        }
    }

    /// The id of a process that has exited and been reaped.
    func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
