import TextSupport
import Yams

/// Bounds on what a configuration holds, checked as soon as it is composed and before
/// anything is laid over the defaults or decoded: those steps cost tens of microseconds a value,
/// so an absurd list would take minutes and gigabytes before its values were even looked at.
extension ConfigFile {
    /// The longest list: a sweep of fan-ins, widths or rules has tens of entries.
    static let maximumListLength = 10_000

    /// The most values in the whole file, counting an alias as a copy of what it names, so that
    /// aliases of aliases cannot multiply a small file into billions of values.
    static let maximumValues = 100_000

    /// Refuses a list longer than ``maximumListLength``, located at the list, and a file with
    /// more values than ``maximumValues``.
    func checkSize(_ root: Node) throws(LocatedError) {
        var count = 0
        try visit(root, keyPath: "", count: &count)
    }

    private func visit(_ node: Node, keyPath: String, count: inout Int) throws(LocatedError) {
        count += 1
        guard count <= Self.maximumValues else {
            // Where the count runs over says little: the values that fill it are everywhere.
            throw LocatedError(
                path, "the configuration holds more than \(Self.maximumValues) values, counting each alias as a copy",
                hint: "a configuration with every key has a few hundred")
        }
        switch node {
        case .sequence(let sequence):
            guard sequence.count <= Self.maximumListLength else {
                let name = keyPath.isEmpty ? "the list" : keyPath
                throw error(
                    at: node, "\(name) has \(sequence.count) entries; a list has at most \(Self.maximumListLength)",
                    hint: "a sweep of tens of values shows the trend")
            }
            for (index, item) in sequence.enumerated() {
                try visit(item, keyPath: "\(keyPath)[\(index)]", count: &count)
            }
        case .mapping(let mapping):
            for pair in mapping {
                let key = pair.key.string ?? ""
                try visit(pair.value, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)", count: &count)
            }
        case .scalar, .alias:
            break
        }
    }
}
