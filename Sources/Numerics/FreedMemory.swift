#if canImport(Glibc)
    import Glibc
#endif

/// Keeps the memory that parallel jobs free in the process for the next job.
///
/// A job of the experiments allocates tens of megabytes (a network, its gradients, a workspace)
/// and frees them when it ends. By default glibc hands a freed block above 128 KB back to the
/// kernel, and so does it with the free top of a thread's heap above twice that: the next job
/// then pays a page fault and a page clearing for every 4 KB it touches, which measured a
/// quarter of the propagation experiment's time. Raising both thresholds (to glibc's largest
/// block served from a heap, 32 MB, and 1 GB) makes freed blocks come back without the kernel.
/// Values are unchanged; only where memory comes from.
enum FreedMemory {
    /// Set once, by the first parallel map. Swift's Glibc module leaves out <malloc.h>, so
    /// mallopt is looked up by name, its parameters numbered as there (M_TRIM_THRESHOLD −1,
    /// M_MMAP_THRESHOLD −3).
    static let kept: Bool = {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
            let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
            return mallopt(-3, 32 << 20) == 1 && mallopt(-1, 1 << 30) == 1
        #else
            return false
        #endif
    }()
}
