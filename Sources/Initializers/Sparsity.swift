/// How many incoming weights of each unit the sparse rule makes nonzero.
///
/// Martens (2010) fixes a count; libraries ask for a fraction, and do not agree on what it
/// counts: Lasagne's `sparsity` is the fraction of nonzeros per unit (rounded down), PyTorch's
/// and Flux's is the fraction of zeros per column of an (out, in) matrix, i.e. per input.
public enum Sparsity: Sendable, Hashable {
    /// Exactly k nonzero incoming weights per unit (Martens used 15), or all of them when the
    /// unit has fewer inputs: Martens' count is a limit.
    case count(Int)
    /// This fraction of each unit's incoming weights nonzero, rounded to the nearest count and
    /// at least one.
    case fraction(Double)

    /// Martens' and Sutskever et al.'s count.
    public static let martens = Sparsity.count(15)

    /// The number of nonzero incoming weights of a unit with this fan-in.
    public func nonzeros(fanIn: Int) -> Int {
        switch self {
        case .count(let k): min(k, fanIn)
        // Rounding to nearest, not up: 0.1 · 30 is 3.0000000000000004 in floating point.
        case .fraction(let fraction): min(fanIn, max(1, Int((fraction * Double(fanIn)).rounded())))
        }
    }
}
