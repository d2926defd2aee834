import Foundation

/// The digests of the code that computes experiment results. A file under
/// Sources/Experiments/<Name>/ belongs to experiment <Name>, one directly in Sources/Experiments
/// to none; any other file given, and any in Sources/Experiments/Shared/, is shared by every
/// experiment.
///
/// Each digest covers the files' paths relative to the package folder and their contents, in
/// sorted order, so the same sources give the same digest on any machine, wherever the package
/// lies and whatever the files' dates.
struct CodeDigest {
    var shared: [String] = []
    var experiments: [String: [String]] = [:]
    let root: String
    static let sharedFolder = "Shared"

    enum Failure: Error, CustomStringConvertible {
        case outside(String, root: String)
        var description: String {
            switch self {
            case .outside(let path, let root): "\(path) is outside \(root)"
            }
        }
    }

    init(packageFolder: String, files: [String]) throws(Failure) {
        root = URL(fileURLWithPath: packageFolder).standardizedFileURL.path + "/"
        for path in files {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            guard absolute.hasPrefix(root) else { throw .outside(absolute, root: root) }
            let relative = String(absolute.dropFirst(root.count))
            let parts = relative.split(separator: "/")
            if parts.count > 2, parts[0] == "Sources", parts[1] == "Experiments" {
                // Experiments' top-level files (the protocol, the cache, the runner) compute no
                // numbers, so their edits keep the cached results.
                // Their Shared folder is code several experiments compute with, so it is in
                // every experiment's digest.
                if parts.count > 3 && parts[2] == Self.sharedFolder {
                    shared.append(relative)
                } else if parts.count > 3 {
                    experiments[String(parts[2]), default: []].append(relative)
                }
            } else {
                shared.append(relative)
            }
        }
    }

    /// SHA-256 over each file's relative path, length and bytes, so that moving bytes from one
    /// file to the next changes the digest.
    func digest(_ files: [String]) -> String {
        var message = Data()
        for relative in files.sorted() {
            let contents = FileManager.default.contents(atPath: root + relative) ?? Data()
            message.append(contentsOf: Array("\(relative)\u{0}\(contents.count)\u{0}".utf8))
            message.append(contents)
        }
        return SHA256.hex(message)
    }

    /// The Swift file of the Experiments module that carries the digests.
    var swiftSource: String {
        // An experiment's digest includes the shared code, so one value names all it depends on.
        let entries = experiments.keys.sorted().map { name in
            "        \"\(name.lowercased())\": \"\(digest(shared + (experiments[name] ?? [])))\","
        }
        let modules = Set(shared.map { $0.split(separator: "/").prefix(2).joined(separator: "/") }).sorted()
        return """
            // Generated at build time by the CodeIdentity plugin (Sources/CodeDigest); not in git.

            /// SHA-256 digests of the code that computes each experiment's results: its own folder
            /// and \(modules.joined(separator: ", ")).
            enum GeneratedCodeDigest {
                /// By lowercased folder name, which is the experiment's id.
                static let experiments: [String: String] = [
            \(entries.joined(separator: "\n"))
                ]
            }

            """
    }
}
