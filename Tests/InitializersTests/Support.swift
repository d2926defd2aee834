import Foundation
import Numerics

@testable import Initializers

/// A rule that the tests build from constants, so construction cannot fail.
func rule(
    _ id: RuleID, gain: Double? = nil, normalKind: NormalKind? = nil, mode: FanMode? = nil,
    slope: Double? = nil, std: Double? = nil, bound: Double? = nil, value: Double? = nil,
    sparsity: Sparsity? = nil, activation: Nonlinearity? = nil
) throws -> Rule {
    try Rule(
        id, gain: gain, normalKind: normalKind, mode: mode, slope: slope, std: std, bound: bound,
        value: value, sparsity: sparsity, activation: activation)
}

/// Draws a tensor as `initlab sample` does, from the stream "sample/<id>" of `seed`.
func draw(_ rule: Rule, shape: [Int], seed: UInt64 = 1) throws -> WeightTensor {
    var random = RandomSource(seed: seed).derived("sample/\(rule.id.rawValue)")
    return try rule.sample(shape: shape, using: &random)
}

/// W Wᵀ (rows × rows) of a row-major matrix, accumulated in Double so that the only float32
/// error left is that of the stored weights.
func gram(_ w: [Float], rows: Int, columns: Int) -> [Double] {
    var product = [Double](repeating: 0, count: rows * rows)
    for i in 0..<rows {
        for j in i..<rows {
            var sum = 0.0
            for k in 0..<columns { sum += Double(w[i * columns + k]) * Double(w[j * columns + k]) }
            product[i * rows + j] = sum
            product[j * rows + i] = sum
        }
    }
    return product
}

/// The transpose of a row-major matrix.
func transpose(_ w: [Float], rows: Int, columns: Int) -> [Float] {
    var t = [Float](repeating: 0, count: w.count)
    for i in 0..<rows {
        for j in 0..<columns { t[j * rows + i] = w[i * columns + j] }
    }
    return t
}

/// A fresh folder under the system's temporary directory.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("initializers-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
