import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The staging folders and temporary files this process made. Creation fails when something is
/// already at the path, so a registered path is one this process brought into being, and
/// `Deletion.Evidence.createdByThisProcess` can be checked rather than claimed.
public enum Created {
    static let registry = Registry()

    /// Makes a new folder at `url` (its parent must exist) and registers it.
    @discardableResult
    public static func folder(at url: URL) throws(FileSafetyError) -> URL {
        guard let path = CanonicalPath.ofItem(url) else {
            throw FileSafetyError(url.path, "cannot create it: its folder does not exist")
        }
        guard mkdir(path, 0o777) == 0 else {
            throw FileSafetyError(url.path, "cannot create the folder: \(String(cString: strerror(errno)))")
        }
        registry.insert(path)
        return URL(fileURLWithPath: path)
    }

    /// Writes `data` into a new file at `url` (its folder must exist) and registers it.
    @discardableResult
    public static func file(at url: URL, contents data: Data) throws(FileSafetyError) -> URL {
        guard let path = CanonicalPath.ofItem(url) else {
            throw FileSafetyError(url.path, "cannot create it: its folder does not exist")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw FileSafetyError(url.path, "cannot create the file: \(String(cString: strerror(errno)))")
        }
        registry.insert(path)
        let failure: Int32? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        let closed = close(descriptor)
        if let failure {
            try? Deletion.delete(URL(fileURLWithPath: path), because: .createdByThisProcess)
            throw FileSafetyError(url.path, "cannot write the file: \(String(cString: strerror(failure)))")
        }
        if closed != 0 {
            let reason = String(cString: strerror(errno))
            try? Deletion.delete(URL(fileURLWithPath: path), because: .createdByThisProcess)
            throw FileSafetyError(url.path, "cannot write the file: \(reason)")
        }
        return URL(fileURLWithPath: path)
    }

    /// Renames a registered item to `destination` in one step, replacing what is there (POSIX
    /// rename), and forgets it: what now lies at `destination` is the command's result, which
    /// a clean-up of this process's leftovers must not remove.
    public static func moveIntoPlace(_ url: URL, to destination: URL) throws(FileSafetyError) {
        let source = CanonicalPath.bestEffort(url)
        let target = CanonicalPath.bestEffort(destination)
        guard registry.contains(source) else {
            throw FileSafetyError(url.path, "refused to move it: this process did not create it")
        }
        guard rename(source, target) == 0 else {
            throw FileSafetyError(destination.path, "cannot move \(url.lastPathComponent) into place: \(String(cString: strerror(errno)))")
        }
        registry.forget(source)
    }

    /// Whether this process made the item at `path` (canonical) and has not yet handed it over.
    static func contains(_ path: String) -> Bool { registry.contains(path) }

    /// Removal forgets a path, so that a later item of the same name is not taken for ours.
    static func forget(_ path: String) { registry.forget(path) }

    /// Every registered path, for the clean-up on a signal.
    static var all: [String] { registry.paths.sorted() }
}

extension Created {
    /// Moves `url` to the new path `aside` and registers `aside`: the caller has checked that
    /// `url` may be replaced, and it is removed once its replacement is in place.
    public static func moveAside(_ url: URL, to aside: URL) throws(FileSafetyError) {
        let source = CanonicalPath.bestEffort(url)
        let target = CanonicalPath.bestEffort(aside)
        guard CanonicalPath.kind(target) == nil else {
            throw FileSafetyError(aside.path, "cannot move \(url.lastPathComponent) aside: the path is taken")
        }
        guard rename(source, target) == 0 else {
            throw FileSafetyError(url.path, "cannot move it aside: \(String(cString: strerror(errno)))")
        }
        registry.insert(target)
    }
}

/// A set of paths shared by every thread of the process.
final class Registry: @unchecked Sendable {
    private let lock = NSLock()
    private var members: Set<String> = []

    func insert(_ path: String) { lock.withLock { _ = members.insert(path) } }
    func contains(_ path: String) -> Bool { lock.withLock { members.contains(path) } }
    func forget(_ path: String) { lock.withLock { members = members.subtracting([path]) } }
    var paths: Set<String> { lock.withLock { members } }
}
