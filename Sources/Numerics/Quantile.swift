/// The one definition of a sample quantile in initlab: linear interpolation between order
/// statistics, Hyndman & Fan's type 7, the default of R and NumPy, so every median and quartile
/// of the handout (numbers, figures, tables) agrees with what a reader computes from the CSV.
///
/// Unsorted values are handled by selection (Hoare's quickselect, expected linear time) rather
/// than by sorting: the experiments take quantiles for every layer of hundreds of networks, and
/// inlining lets them specialise for Float without a generic call per element.
public enum Quantile {
    /// The p-quantile of `values` in any order, or NaN for no values.
    @inlinable
    public static func of<Value: BinaryFloatingPoint>(_ values: [Value], _ p: Double) -> Value {
        guard !values.isEmpty else { return .nan }
        var copy = values
        let (below, fraction) = position(p, count: copy.count)
        return copy.withUnsafeMutableBufferPointer { buffer in
            let lower = select(buffer, below)
            guard fraction > 0 else { return lower }
            // After selection everything past `below` is at least `lower`: the next order
            // statistic is the smallest of them.
            var upper = buffer[below + 1]
            for value in buffer[(below + 2)...] where value < upper { upper = value }
            return lower + Value(fraction) * (upper - lower)
        }
    }

    /// The p-quantile of `sorted`, which must be in increasing order, or NaN for no values.
    @inlinable
    public static func ofSorted<Value: BinaryFloatingPoint>(_ sorted: [Value], _ p: Double) -> Value {
        guard !sorted.isEmpty else { return .nan }
        let (below, fraction) = position(p, count: sorted.count)
        guard fraction > 0 else { return sorted[below] }
        return sorted[below] + Value(fraction) * (sorted[below + 1] - sorted[below])
    }

    /// The p-quantile of |v| over `values`, the same number as `of(values.map(abs), p)`, or NaN
    /// for no values. The experiments take it for every layer of hundreds of networks, where
    /// selection over a copy cost more than the networks' products. For a non-negative Float the
    /// bit pattern orders as the value does, so a radix selection applies: one pass counts the
    /// values in 2048 buckets of their top bits, the next keeps the one bucket holding the order
    /// statistic; while that bucket is large (values of one magnitude, as a layer of sigmoid
    /// units near ½ gives) the next bits split it again, and selection finishes on what is left.
    public static func ofMagnitudes(_ values: UnsafeBufferPointer<Float>, _ p: Double) -> Float {
        guard !values.isEmpty else { return .nan }
        let (below, fraction) = position(p, count: values.count)
        // The smallest magnitude above the kept bucket: the next order statistic when the one
        // sought is the bucket's largest.
        var nextAbove = UInt32.max
        var (keys, rank) = narrow(values.lazy.map { $0.bitPattern & 0x7FFF_FFFF }, rank: below, shift: 20, nextAbove: &nextAbove)
        for shift: UInt32 in [9, 0] where keys.count > 4096 {
            (keys, rank) = narrow(keys, rank: rank, shift: shift, nextAbove: &nextAbove)
        }
        return keys.withUnsafeMutableBufferPointer { buffer in
            let lower = Float(bitPattern: select(buffer, rank))
            guard fraction > 0 else { return lower }
            var upper = nextAbove
            for key in buffer[(rank + 1)...] where key < upper { upper = key }
            return lower + Float(fraction) * (Float(bitPattern: upper) - lower)
        }
    }

    /// One step of the radix selection: the keys (which share every bit above `shift` + 11) in
    /// the bucket of bits `shift` up that holds the key of 0-based `rank`, and its rank there;
    /// `nextAbove` takes the smallest key of the higher buckets.
    static func narrow<Keys: Collection<UInt32>>(
        _ keys: Keys, rank: Int, shift: UInt32, nextAbove: inout UInt32
    ) -> (keys: [UInt32], rank: Int) where Keys.Index == Int {
        let buckets = 2048
        let mask = UInt32(buckets - 1)
        // Four interleaved tables: neighbouring keys often fall in one bucket, and one table
        // would make each count wait for the previous one to be stored.
        var counts = [Int](repeating: 0, count: 4 * buckets)
        counts.withUnsafeMutableBufferPointer { counts in
            let start = keys.startIndex, whole = keys.count / 4 * 4
            for i in stride(from: start, to: start + whole, by: 4) {
                for lane in 0..<4 { counts[lane * buckets + Int((keys[i + lane] >> shift) & mask)] += 1 }
            }
            for i in (start + whole)..<keys.endIndex { counts[Int((keys[i] >> shift) & mask)] += 1 }
            for bucket in 0..<buckets {
                counts[bucket] += counts[buckets + bucket] + counts[2 * buckets + bucket] + counts[3 * buckets + bucket]
            }
        }
        var bucket = 0, before = 0
        while before + counts[bucket] <= rank {
            before += counts[bucket]
            bucket += 1
        }
        var kept: [UInt32] = []
        kept.reserveCapacity(counts[bucket])
        let chosen = UInt32(bucket)
        for key in keys {
            let keyBucket = (key >> shift) & mask
            guard keyBucket >= chosen else { continue }
            if keyBucket == chosen {
                kept.append(key)
            } else if key < nextAbove {
                nextAbove = key
            }
        }
        return (kept, rank - before)
    }

    /// The 0-based order statistic at or below the type-7 position p·(n − 1), and how far
    /// towards the next one the quantile lies (0 when it is that order statistic).
    @usableFromInline
    static func position(_ p: Double, count: Int) -> (below: Int, fraction: Double) {
        let h = min(max(p, 0), 1) * Double(count - 1)
        let below = min(count - 1, Int(h.rounded(.down)))
        return (below, below == count - 1 ? 0 : h - Double(below))
    }

    /// The k-th smallest element (0-based), with the middle element as pivot; reorders the
    /// buffer so that no element after index k is smaller than it.
    @inlinable
    public static func select<Value: Comparable>(_ buffer: UnsafeMutableBufferPointer<Value>, _ k: Int) -> Value {
        var low = 0, high = buffer.count - 1
        while low < high {
            let pivot = buffer[(low + high) / 2]
            var i = low, j = high
            while i <= j {
                while buffer[i] < pivot { i += 1 }
                while buffer[j] > pivot { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return buffer[k] }
        }
        return buffer[k]
    }
}
