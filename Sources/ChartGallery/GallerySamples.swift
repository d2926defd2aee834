import Foundation

/// Reproducible standard normal draws (xorshift64* and Box–Muller) for the gallery's
/// examples, which must be the same bytes on every run and machine: a stream of their own, so
/// that a change to the experiments' generator in Numerics does not redraw the gallery.
struct NormalStream {
    private var state: UInt64

    init(seed: UInt64) { state = seed | 1 }

    private mutating func uniform() -> Double {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Double((state &* 2_685_821_657_736_338_717) >> 11) / Double(1 << 53)
    }

    mutating func next() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    mutating func next(_ count: Int) -> [Double] {
        (0..<count).map { _ in next() }
    }
}

/// How many samples fall in each bin of equally wide bins; samples outside are not counted.
func binCounts(_ samples: [Double], edges: [Double]) -> [Double] {
    var counts = [Double](repeating: 0, count: edges.count - 1)
    let width = edges[1] - edges[0]
    for sample in samples {
        let position = (sample - edges[0]) / width
        if position >= 0 && position < Double(counts.count) { counts[Int(position)] += 1 }
    }
    return counts
}
