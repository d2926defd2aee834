import Foundation

// Run by the CodeIdentity plugin at build time: CodeDigest OUTPUT PACKAGE-FOLDER SOURCE...
// writes the digests of the sources as a Swift file. Foundation only, so it compiles in a moment.

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: CodeDigest OUTPUT PACKAGE-FOLDER SOURCE...\n".utf8))
    exit(2)
}
do {
    let data = Data(try CodeDigest(packageFolder: arguments[1], files: Array(arguments.dropFirst(2))).swiftSource.utf8)
    // Leaving an identical file untouched spares the Experiments module a recompilation.
    if FileManager.default.contents(atPath: arguments[0]) != data {
        try data.write(to: URL(fileURLWithPath: arguments[0]), options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("CodeDigest: \(error)\n".utf8))
    exit(1)
}
