extension Array where Element == Double {
    /// The `p`-quantile of these values, which must be sorted and not empty: linear
    /// interpolation between order statistics (Hyndman & Fan's type 7, the default of R and
    /// NumPy), so summaries agree with what readers compute themselves.
    func sortedQuantile(_ p: Double) -> Double {
        let position = p * Double(count - 1)
        let below = Int(position.rounded(.down))
        let above = Swift.min(below + 1, count - 1)
        return self[below] + (position - Double(below)) * (self[above] - self[below])
    }
}
