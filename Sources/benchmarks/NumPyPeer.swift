import Foundation

/// scripts/numpy-peer.py, each workload of the benchmark written in NumPy, run side by side with
/// initlab's in the same `make benchmark`. NumPy's OpenBLAS runs without OPENBLAS_CORETYPE, as
/// initlab's does (see Sources/CBLAS), so that both use the kernel chosen for the processor.
struct NumPyPeer {
    let script: URL

    /// The peer, if python3 can import NumPy here; nil otherwise.
    init?(project: URL) {
        script = project.appendingPathComponent("scripts/numpy-peer.py")
        guard (try? Self.run(script, ["config"], threads: 1)) != nil else { return nil }
    }

    /// The one line "<name> <value>" the workload prints, without its name.
    func measure(_ arguments: [String], threads: Int) throws -> String {
        try Self.run(script, arguments, threads: threads)
    }

    /// A number the workload prints.
    func number(_ arguments: [String], threads: Int) throws -> Double {
        let text = try measure(arguments, threads: threads)
        guard let value = Double(text) else { throw PeerFailure(arguments: arguments, output: text) }
        return value
    }

    /// Several copies of a workload at once, each in its own process: their numbers.
    func numbersSideBySide(_ arguments: [String], copies: Int, threads: Int) throws -> [Double] {
        let processes = try (0..<copies).map { _ in try Self.start(script, arguments, threads: threads) }
        return try processes.map { process, output in
            let text = try Self.finish(process, output, arguments)
            guard let value = Double(text) else { throw PeerFailure(arguments: arguments, output: text) }
            return value
        }
    }

    struct PeerFailure: Error, CustomStringConvertible {
        let arguments: [String]
        let output: String
        var description: String { "numpy-peer.py \(arguments.joined(separator: " ")) gave '\(output)'" }
    }

    private static func run(_ script: URL, _ arguments: [String], threads: Int) throws -> String {
        let (process, output) = try start(script, arguments, threads: threads)
        return try finish(process, output, arguments)
    }

    private static func start(_ script: URL, _ arguments: [String], threads: Int) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = nil
        environment["OPENBLAS_NUM_THREADS"] = String(threads)
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    private static func finish(_ process: Process, _ output: Pipe, _ arguments: [String]) throws -> String {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, let space = line.firstIndex(of: " ") else {
            throw PeerFailure(arguments: arguments, output: line)
        }
        return String(line[line.index(after: space)...])
    }
}
