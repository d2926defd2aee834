import Experiments
import Foundation

/// Bars with an estimated time left, one per running experiment, redrawn in place on a
/// terminal's standard error. Nothing is drawn when standard error is not a terminal (logs and
/// CI get plain lines from the build instead) or when the build is quiet.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [(name: String, progress: RunProgress, started: UInt64)] = []
    private var linesDrawn = 0
    private var timer: DispatchSourceTimer?
    let enabled: Bool

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// The Runner's `watch` callback.
    func watch(_ name: String, _ progress: RunProgress?) {
        guard enabled else { return }
        lock.lock()
        if let progress {
            running.append((name, progress, DispatchTime.now().uptimeNanoseconds))
        } else {
            running.removeAll { $0.name == name }
        }
        lock.unlock()
        progress == nil ? redraw() : start()
    }

    private func start() {
        lock.lock()
        defer { lock.unlock() }
        guard timer == nil else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "initlab.progress"))
        timer.schedule(deadline: .now(), repeating: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.redraw() }
        timer.resume()
        self.timer = timer
    }

    /// Clears the bars; call before printing the summary.
    func finish() {
        guard enabled else { return }
        lock.lock()
        timer?.cancel()
        timer = nil
        running.removeAll()
        lock.unlock()
        redraw()
    }

    private func redraw() {
        lock.lock()
        defer { lock.unlock() }
        var text = linesDrawn > 0 ? "\u{1B}[\(linesDrawn)A" : ""
        let now = DispatchTime.now().uptimeNanoseconds
        for entry in running {
            text += "\u{1B}[2K" + Self.bar(entry.name, entry.progress.snapshot, seconds: Double(now - entry.started) / 1e9) + "\n"
        }
        for _ in running.count..<max(running.count, linesDrawn) { text += "\u{1B}[2K\n" }
        if linesDrawn > running.count { text += "\u{1B}[\(linesDrawn - running.count)A" }
        linesDrawn = running.count
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func bar(_ name: String, _ snapshot: (completed: Int, total: Int), seconds: Double) -> String {
        let width = 30
        let fraction = snapshot.total > 0 ? min(1, Double(snapshot.completed) / Double(snapshot.total)) : 0
        let filled = Int((fraction * Double(width)).rounded(.down))
        let eta = fraction > 0.02 ? String(format: "ETA %.0f s", seconds * (1 - fraction) / fraction) : "ETA …"
        let label = name.padding(toLength: 14, withPad: " ", startingAt: 0)
        return "\(label) [" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            + String(format: "] %3.0f%%  %@", fraction * 100, eta)
    }
}
