import Foundation

/// How far a running experiment has got, counted in units of work it chooses (runs, layers,
/// training steps). Experiments advance it from any thread; a display reads it.
public final class RunProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    private var completed = 0

    public init() {}

    /// Declares how many units the run will do; call before advancing.
    public func expect(_ units: Int) {
        lock.lock()
        total = max(0, units)
        lock.unlock()
    }

    public func advance(by units: Int = 1) {
        lock.lock()
        completed += units
        lock.unlock()
    }

    /// Completed and total units, read together.
    public var snapshot: (completed: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (completed, total)
    }
}
