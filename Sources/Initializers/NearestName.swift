/// The candidate a misspelt `name` most likely meant: the nearest by edit distance, if it is
/// close enough to be a typing slip rather than a different word.
public func nearestName(to name: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(name, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }),
          best.1 <= max(2, name.count / 3) else { return nil }
    return best.0
}

/// Levenshtein distance over characters, with two rolling rows.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    var current = previous
    for i in a.indices {
        current[0] = i + 1
        for j in b.indices {
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
