/// Items as a sentence lists them: "a", "a and b", "a, b and c" (or with another conjunction).
public func proseList(_ items: [String], conjunction: String = "and") -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
}
