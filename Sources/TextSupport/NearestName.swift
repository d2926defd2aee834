/// The candidate a misspelt `name` most likely meant: the nearest by edit distance, if it is
/// close enough to be a typing slip rather than a different word. Of equally near candidates the
/// longer wins (a dropped letter is a commoner slip than an extra one: `alignd` meant `aligned`),
/// then the first alphabetically, so the hint does not depend on the order of `candidates`.
public func nearestName(to name: String, in candidates: [String]) -> String? {
    let target = Array(name)
    // Short names need an almost exact match, or every two-letter typo would match something.
    let limit = target.count <= 3 ? 1 : max(2, target.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate))
        guard distance <= limit else { continue }
        if let current = best, (current.distance, -current.name.count, current.name) <= (distance, -candidate.count, candidate) {
            continue
        }
        best = (candidate, distance)
    }
    return best?.name
}

/// The edit distance of two strings, counted in characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    editDistance(Array(a), Array(b))
}

/// Optimal string alignment distance: Levenshtein plus adjacent transpositions, so `alpah` is
/// one edit from `alpha`, the commonest slip of a typing hand.
func editDistance(_ source: [Character], _ target: [Character]) -> Int {
    if source.isEmpty { return target.count }
    if target.isEmpty { return source.count }
    var twoBack = [Int](repeating: 0, count: target.count + 1)
    var previous = Array(0...target.count)
    var current = [Int](repeating: 0, count: target.count + 1)
    for i in 1...source.count {
        current[0] = i
        for j in 1...target.count {
            let cost = source[i - 1] == target[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                value = min(value, twoBack[j - 2] + 1)
            }
            current[j] = value
        }
        (twoBack, previous, current) = (previous, current, twoBack)
    }
    return previous[target.count]
}
