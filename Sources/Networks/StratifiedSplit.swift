import Numerics

/// A seeded division of a labelled set into a training part and a held-out part that holds the
/// same share of every class. A cut in file order would not: MNIST-style files may be sorted by
/// label (the shipped sample is), and their last fifth holds digits never trained on.
///
/// Class c's samples are shuffled (Fisher–Yates) by the stream derived from `random` by
/// "class c", and the first h_c go to the held-out part. The h_c are the shares f·n_c rounded
/// by largest remainder (ties to the lower class), so that they add up to f·n rounded.
///
/// Each part is ordered so that every prefix is stratified too: the j-th of a class's m samples
/// in the part stands at (j + ½)/m, the classes interleaved by that position. An evaluation on
/// the first k held-out samples then sees the classes in proportion.
public struct StratifiedSplit: Sendable, Hashable {
    /// Indices into the labels, training part and held-out part; together each index once.
    public let training: [Int]
    public let heldOut: [Int]

    /// A split of samples with `labels` (each in 0..<`classCount`) that holds out
    /// `heldOutFraction` of them, in (0, 1).
    public init(labels: [Int], classCount: Int, heldOutFraction: Double, random: RandomSource) {
        precondition(heldOutFraction > 0 && heldOutFraction < 1, "the held-out fraction lies in (0, 1)")
        var members = [[Int]](repeating: [], count: classCount)
        for (index, label) in labels.enumerated() { members[label].append(index) }
        let shares = members.map { heldOutFraction * Double($0.count) }
        var heldOutCounts = shares.map { Int($0.rounded(.down)) }
        let total = Int((heldOutFraction * Double(labels.count)).rounded())
        let byRemainder = (0..<classCount).sorted { a, b in
            let (ra, rb) = (shares[a] - Double(heldOutCounts[a]), shares[b] - Double(heldOutCounts[b]))
            return ra != rb ? ra > rb : a < b
        }
        for c in byRemainder.prefix(max(total - heldOutCounts.reduce(0, +), 0)) { heldOutCounts[c] += 1 }
        var trainingMembers: [[Int]] = [], heldOutMembers: [[Int]] = []
        for c in 0..<classCount {
            var shuffled = members[c]
            var stream = random.derived("class \(c)")
            // The modulo's bias, below n/2⁶⁴, is far beneath anything a split can show.
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
                shuffled.swapAt(i, Int(stream.next() % UInt64(i + 1)))
            }
            heldOutMembers.append(Array(shuffled.prefix(heldOutCounts[c])))
            trainingMembers.append(Array(shuffled.dropFirst(heldOutCounts[c])))
        }
        training = Self.interleaved(trainingMembers)
        heldOut = Self.interleaved(heldOutMembers)
    }

    /// The classes' lists merged so that every prefix holds each class in proportion.
    private static func interleaved(_ lists: [[Int]]) -> [Int] {
        var placed: [(position: Double, list: Int, index: Int)] = []
        for (list, members) in lists.enumerated() {
            // Equal fractions divide to equal Doubles (division rounds correctly), so ties are
            // exact and fall to the lower class.
            for (j, index) in members.enumerated() {
                placed.append((Double(2 * j + 1) / Double(2 * members.count), list, index))
            }
        }
        placed.sort { $0.position != $1.position ? $0.position < $1.position : $0.list < $1.list }
        return placed.map(\.index)
    }
}
