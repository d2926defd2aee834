import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM remove what this process created and has not handed over, such
/// as a half-written staging folder, then end the process with 128 + the signal's number.
public enum Interrupts {
    /// Held while a file is written into a folder this process created, and by the clean-up,
    /// which never lets go: once it starts, no writer can add a file behind its back.
    private static let gate = NSLock()

    nonisolated(unsafe) private static let sources: [DispatchSourceSignal] = [SIGINT, SIGTERM].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: DispatchQueue(label: "initlab.signal.\(number)"))
        source.setEventHandler {
            gate.lock()
            for path in Created.all {
                try? Deletion.delete(URL(fileURLWithPath: path), because: .createdByThisProcess)
            }
            let message = "initlab: interrupted; nothing was replaced\n"
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            _exit(128 + number)
        }
        source.resume()
        return source
    }

    /// Installs the clean-up for the rest of the process; calling it again does nothing.
    public static func removeCreatedItemsOnSignal() {
        _ = sources
    }

    /// Runs `body` so that the clean-up on a signal happens before or after it, never during.
    public static func uninterrupted<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        gate.lock()
        defer { gate.unlock() }
        return try body()
    }
}
