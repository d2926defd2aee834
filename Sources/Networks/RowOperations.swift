import Numerics

// Row-major loops over a batch (rows) of feature vectors (columns). Each inner loop runs along a
// row with the column as index, so it has no loop-carried dependency and vectorises.
extension Matrix {
    /// Adds `vector` to every row.
    mutating func addToEachRow(_ vector: [Float]) {
        let columns = columns
        precondition(vector.count == columns, "a vector of \(vector.count) added to rows of \(columns)")
        vector.withUnsafeBufferPointer { v in
            elements.withUnsafeMutableBufferPointer { m in
                for row in 0..<rows {
                    let start = row &* columns
                    for column in 0..<columns { m[start &+ column] += v[column] }
                }
            }
        }
    }

    /// sums[j] ← Σᵢ self[i, j].
    func sumColumns(into sums: inout [Float]) {
        let columns = columns
        precondition(sums.count == columns, "\(sums.count) sums for \(columns) columns")
        elements.withUnsafeBufferPointer { m in
            sums.withUnsafeMutableBufferPointer { s in
                for column in 0..<columns { s[column] = 0 }
                for row in 0..<rows {
                    let start = row &* columns
                    for column in 0..<columns { s[column] += m[start &+ column] }
                }
            }
        }
    }
}
