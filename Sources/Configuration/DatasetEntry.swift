import Experiments
import Foundation
import Networks
import TextSupport
import Yams

/// `experiments.convergence.dataset`: a name (`shapeset`, `mnist-5k`) or files, which the
/// overlay of parameters on their defaults cannot take, as its value is text or a mapping. Paths
/// are relative to the configuration file's folder, and the files are read when the
/// configuration is, so that a bad file stops the build at its key before anything runs.
struct DatasetEntry {
    static let key = "dataset"
    static let path = "experiments.\(Convergence.id).\(key)"
    static let fileKeys = ["images", "labels"]

    /// The user's value, to locate problems at.
    let node: Node
    let dataset: Convergence.Dataset

    /// The dataset entry of the convergence experiment's `override`, if it has one, and the
    /// override without it, for the overlay to take the rest.
    static func take(from override: Node?, file: ConfigFile) throws(LocatedError) -> (entry: DatasetEntry?, rest: Node?) {
        guard case .mapping(let mapping)? = override, let node = mapping[key] else { return (nil, override) }
        let others = mapping.filter { $0.key.string != key }.map { ($0.key, $0.value) }
        let rest = Node.mapping(Node.Mapping(others, mapping.tag, mapping.style, mapping.mark))
        let folder = URL(fileURLWithPath: file.path).deletingLastPathComponent()
        return (DatasetEntry(node: node, dataset: try dataset(node, folder: folder, file: file)), rest)
    }

    private static func dataset(_ node: Node, folder: URL, file: ConfigFile) throws(LocatedError) -> Convergence.Dataset {
        let names = Convergence.Dataset.names
        switch node {
        case .scalar(let scalar) where ScalarKind(scalar) == .text:
            do {
                return try ParameterTree.decode(Convergence.Dataset.self, from: node)
            } catch {
                let nearest = nearestName(to: scalar.string, in: names)
                throw file.error(
                    at: node, "\(path): no data set is called \(scalar.string)",
                    hint: nearest.map { "did you mean \($0)?" } ?? "the names are \(names.joined(separator: ", "))")
            }
        case .mapping(let mapping):
            try file.checkKeys(mapping, allowed: fileKeys + ["held_out"], what: "key of \(path)")
            let heldOut: IDXPair? = try mapping["held_out"].map { node throws(LocatedError) in
                guard case .mapping(let heldOutMapping) = node else {
                    throw file.error(at: node, "\(path).held_out must be a mapping {images: PATH, labels: PATH}")
                }
                try file.checkKeys(heldOutMapping, allowed: fileKeys, what: "key of \(path).held_out")
                return try pair(node, path: "\(path).held_out", folder: folder, file: file)
            }
            return .files(try pair(node, path: path, folder: folder, file: file), heldOut: heldOut, contentHash: nil)
        default:
            throw file.error(at: node, "\(path) must be a name (\(names.joined(separator: ", "))) or files, {images: PATH, labels: PATH}")
        }
    }

    private static func pair(_ node: Node, path: String, folder: URL, file: ConfigFile) throws(LocatedError) -> IDXPair {
        var paths: [String] = []
        for key in fileKeys {
            guard let value = node.mapping?[key] else {
                throw file.error(at: node, "\(path): missing key '\(key)'", hint: "give both images and labels")
            }
            guard case .scalar(let scalar) = value, ScalarKind(scalar) == .text, !scalar.string.isEmpty else {
                throw file.error(at: value, "\(path).\(key) must be the path of a file")
            }
            paths.append(URL(fileURLWithPath: scalar.string, relativeTo: folder).standardizedFileURL.path)
        }
        return IDXPair(images: paths[0], labels: paths[1])
    }

    /// `experiment` with its data read for a build with `seed`, or the reader's error at the key
    /// it is about: the node of that key in `entry` when the data comes from a file, the key's
    /// path otherwise.
    static func read(
        _ experiment: Convergence, seed: UInt64, entry: DatasetEntry?, file: ConfigFile?
    ) throws(LocatedError) -> Convergence {
        do {
            return try experiment.readingData(seed: seed)
        } catch {
            let key = keyPath(of: error, in: experiment.parameters.dataset)
            let fullPath = key.isEmpty ? path : "\(path).\(key)"
            var hint = error.hint
            if case .file(.unreadable) = error, file != nil {
                hint = "check the path, which is relative to the configuration file's folder"
            }
            let message = "\(error.location): \(error.message)"
            guard let entry, let file else { throw LocatedError(fullPath, message, hint: hint) }
            throw file.error(at: ConfigFile.node(at: key, in: entry.node), "\(fullPath): \(message)", hint: hint)
        }
    }

    /// The key below `dataset` a reading error is about: `images`, `held_out.labels`, or none.
    private static func keyPath(of error: DataSourceError, in dataset: Convergence.Dataset) -> String {
        guard case .files(let pair, let heldOut, _) = dataset else { return "" }
        let files =
            [(pair.images, "images"), (pair.labels, "labels")]
            + (heldOut.map { [($0.images, "held_out.images"), ($0.labels, "held_out.labels")] } ?? [])
        return files.first { $0.0 == error.location }?.1 ?? ""
    }
}
