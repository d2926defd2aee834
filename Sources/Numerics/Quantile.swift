/// Quantiles by selection (Hoare's quickselect, expected linear time) rather than by sorting:
/// the experiments take them for every layer of hundreds of networks.
public enum Quantile {
    /// The ⌊p·n⌋-th smallest value (0-based, clamped to the last), or NaN for no values.
    @inlinable
    public static func of<Value: BinaryFloatingPoint>(_ values: [Value], _ p: Double) -> Value {
        guard !values.isEmpty else { return .nan }
        var copy = values
        let k = min(copy.count - 1, Int((p * Double(copy.count)).rounded(.down)))
        return copy.withUnsafeMutableBufferPointer { select($0, k) }
    }

    /// The k-th smallest element (0-based), with the middle element as pivot; reorders the buffer.
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
