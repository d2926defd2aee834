import Foundation

/// What the benchmark ran on, as /proc/cpuinfo names it.
enum Machine {
    static var processor: String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let name = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
        return "\(name ?? "unknown processor"), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }
}
