/// Which fan a variance-preserving rule divides by.
///
/// Dividing by fan_in keeps the variance of the forward signal from layer to layer; dividing by
/// fan_out keeps the variance of the backward gradient (He et al. 2015 show that for a deep
/// network either suffices, since the other quantity then changes only by the ratio of the
/// first and last layers' widths).
public enum FanMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// Divide by the number of inputs of each unit.
    case fanIn = "fan_in"
    /// Divide by the number of units each input feeds.
    case fanOut = "fan_out"
}
