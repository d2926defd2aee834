/// The two questions every experiment's `problems(in:)` asks of a result: does a list have as
/// many items as the parameters make, and are the values that cannot diverge numbers? Each
/// answer is a list of one-line problems, empty when all is well.
enum ResultShape {
    static func count(_ what: String, _ actual: Int, expected: Int) -> [String] {
        actual == expected ? [] : ["\(what): \(actual) instead of \(expected)"]
    }

    static func finite(_ what: String, _ values: [Double]) -> [String] {
        values.allSatisfy(\.isFinite) ? [] : ["\(what): a value is not a finite number"]
    }

    static func fraction(_ what: String, _ values: [Double]) -> [String] {
        values.allSatisfy { (0...1).contains($0) } ? [] : ["\(what): a fraction is outside 0 to 1"]
    }
}
