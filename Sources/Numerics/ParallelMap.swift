import Dispatch

/// Maps independent jobs on all cores. Each job must carry its own random stream, so the
/// result is the same as a serial map whatever order the jobs finish in.
public enum ParallelMap {
    public static func map<Job: Sendable, Output: Sendable>(_ jobs: [Job], _ transform: @Sendable (Job) -> Output) -> [Output] {
        _ = FreedMemory.kept
        let results = UnsafeMutableBufferPointer<Output?>.allocate(capacity: jobs.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each iteration writes only its own slot, so no two threads touch the same memory.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            slots[index] = transform(jobs[index])
        }
        return results.compactMap { $0 }
    }
}
