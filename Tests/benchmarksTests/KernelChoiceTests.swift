import Foundation
import Testing

/// What initlab does with OPENBLAS_CORETYPE (see Sources/CBLAS/OpenBLAS.c): it lets the library
/// choose the kernel for the processor anyway, and leaves the variable to the processes it
/// starts. Checked on a fresh process, since the library reads the variable when it is loaded.
@Suite struct KernelChoiceTests {
    static var benchmarks: URL {
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        // `swift build --build-tests` puts the program beside the test bundle.
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("benchmarks"),
            project.appendingPathComponent(".build/debug/benchmarks"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// The lines of `benchmarks --blas` as a dictionary, with OPENBLAS_CORETYPE set to `coreType`
    /// (or removed, for nil).
    func report(coreType: String?) throws -> [String: String] {
        let process = Process()
        process.executableURL = Self.benchmarks
        process.arguments = ["--blas"]
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = coreType
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var lines: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            lines[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return lines
    }

    @Test func aForcedCoreTypeDoesNotChooseTheKernel() throws {
        let chosen = try report(coreType: nil)
        #expect(chosen["OPENBLAS_CORETYPE"] == "unset")
        for forced in ["Prescott", "Haswell", "SkylakeX", "no such core"] {
            let run = try report(coreType: forced)
            #expect(run["kernel"] == chosen["kernel"], "OPENBLAS_CORETYPE=\(forced) chose \(run["kernel"] ?? "nothing")")
            #expect(run["identity"] == chosen["identity"])
            #expect(run["OPENBLAS_CORETYPE"] == forced, "the variable is put back for the processes initlab starts")
        }
    }

    @Test func aProcessorWithAVX2GetsMoreThanTheOldestKernel() throws {
        // Prescott is OpenBLAS's fallback (SSE3): where it shows up on a modern processor, the
        // choice went wrong, as Debian's OpenBLAS 0.3.21 does on some AMD processors.
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ") ?? []
        guard flags.contains("avx2") else { return }
        let kernel = try report(coreType: "Prescott")["kernel"]
        #expect(kernel != nil && kernel != "Prescott" && kernel != "Nehalem" && kernel != "Sandybridge")
        if flags.contains("avx512f") && flags.contains("avx512bw") && flags.contains("avx512vl") {
            #expect(kernel == "SkylakeX", "AVX-512 is there, and OpenBLAS's AVX-512 kernels are its fastest")
        }
    }
}
