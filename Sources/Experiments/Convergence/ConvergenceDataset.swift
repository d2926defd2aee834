import Foundation
import Networks

extension Convergence {
    /// What the networks train on. A configuration spells it as a name (`shapeset`, `mnist-5k`)
    /// or as files: `{images: PATH, labels: PATH}`, optionally with `held_out: {images, labels}`.
    public enum Dataset: Codable, Sendable, Hashable {
        /// Synthetic shapes of `image_side`² pixels, `training_samples` and `held_out_samples`
        /// of them, each pixel standardised with its own training statistics.
        case shapeset
        /// A set that ships with initlab; its content hash is fixed and checked when it is read.
        case shipped(ShippedSet)
        /// An IDX pair, and optionally a held-out pair (see ``DataSource/files(_:heldOut:)``).
        /// `contentHash` is that of the files as the build read them, filled in when they are
        /// read: through the parameters it enters the result cache's key, so that changed data
        /// is never served a result computed from other data.
        case files(IDXPair, heldOut: IDXPair?, contentHash: UInt64?)

        public static let shapesetName = "shapeset"
        public static var names: [String] { [shapesetName] + ShippedSet.allCases.map(\.rawValue) }

        /// Set to true in an encoder's user info to leave the content hash out: a configuration
        /// file names files, and the build reads what they hold.
        public static let withoutContentHash = CodingUserInfoKey(rawValue: "initlab.dataset.withoutContentHash")

        /// The data source this stands for, nil for Shapeset (generated as the experiment
        /// always has, see ``Convergence/run(random:progress:)``).
        var source: DataSource? {
            switch self {
            case .shapeset: nil
            case .shipped(let set): .shipped(set)
            case .files(let pair, let heldOut, _): .files(pair, heldOut: heldOut)
            }
        }

        /// The same data with the content hash the build read.
        public func hashed(_ hash: UInt64?) -> Dataset {
            guard case .files(let pair, let heldOut, _) = self else { return self }
            return .files(pair, heldOut: heldOut, contentHash: hash)
        }

        private enum Keys: String, CodingKey {
            case images, labels, heldOut = "held_out", contentHash = "content_hash"
        }

        public init(from decoder: any Decoder) throws {
            if let name = try? decoder.singleValueContainer().decode(String.self) {
                if name == Self.shapesetName {
                    self = .shapeset
                } else if let set = ShippedSet(rawValue: name) {
                    self = .shipped(set)
                } else {
                    throw DecodingError.dataCorrupted(
                        .init(
                            codingPath: decoder.codingPath,
                            debugDescription: "no data set is called \(name); the names are \(Self.names.joined(separator: ", "))"))
                }
                return
            }
            let container = try decoder.container(keyedBy: Keys.self)
            let pair = IDXPair(
                images: try container.decode(String.self, forKey: .images),
                labels: try container.decode(String.self, forKey: .labels))
            self = .files(
                pair,
                heldOut: try container.decodeIfPresent(IDXPair.self, forKey: .heldOut),
                contentHash: try container.decodeIfPresent(UInt64.self, forKey: .contentHash))
        }

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .shapeset:
                var container = encoder.singleValueContainer()
                try container.encode(Self.shapesetName)
            case .shipped(let set):
                var container = encoder.singleValueContainer()
                try container.encode(set.rawValue)
            case .files(let pair, let heldOut, let contentHash):
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(pair.images, forKey: .images)
                try container.encode(pair.labels, forKey: .labels)
                try container.encodeIfPresent(heldOut, forKey: .heldOut)
                if let key = Self.withoutContentHash, encoder.userInfo[key] as? Bool == true { return }
                try container.encodeIfPresent(contentHash, forKey: .contentHash)
            }
        }
    }
}
