import Numerics
import Testing

@testable import Initializers

/// Every random rule, sampled with a fixed seed, against the mean and variance it promises.
///
/// Tolerances come from the sample size. The weights have mean 0, so for n independent draws
/// the sample mean has standard error √(σ²/n), and the mean of w² (an unbiased estimate of σ²
/// that needs no estimated mean) has standard error √((μ₄ − σ⁴)/n), with μ₄ = E[w⁴] from
/// ``WeightDistribution/fourthMoment``. A check passes within 5 standard errors, which a correct
/// sampler misses with probability below 10⁻⁶, while a wrong constant (a variance off by 1%,
/// or the truncated normal without its 1/C widening, 23% short) fails by far.
@Suite struct SamplingStatisticsTests {
    static let shape = [256, 784]

    /// A rule with its parameters, built inside the test so that construction errors are reported
    /// as failures.
    struct Case: Sendable, CustomTestStringConvertible {
        let id: RuleID
        var gain: Double?
        var normalKind: NormalKind?
        var mode: FanMode?
        var slope: Double?
        var bound: Double?
        var activation: Nonlinearity?

        func rule() throws -> Rule {
            try Rule(id, gain: gain, normalKind: normalKind, mode: mode, slope: slope, bound: bound, activation: activation)
        }

        var testDescription: String {
            ([id.rawValue]
                + [
                    gain.map { "gain \($0)" }, normalKind.map(\.rawValue), mode.map(\.rawValue),
                    slope.map { "slope \($0)" }, bound.map { "bound \($0)" }, activation.map(\.name),
                ].compactMap { $0 })
                .joined(separator: ", ")
        }
    }

    static let independentRules: [Case] = {
        var cases = [Case(id: .fanInUniform), Case(id: .uniform, bound: 0.5), Case(id: .heUniform, mode: .fanOut, slope: 0.1)]
        for id in [RuleID.lecunUniform, .glorotUniform, .glorotUniformSigmoid, .heUniform] {
            cases.append(Case(id: id, gain: 0.8))
        }
        for kind in NormalKind.allCases {
            cases += [
                Case(id: .normal, gain: 1.5, normalKind: kind), Case(id: .lecunNormal, gain: 1.5, normalKind: kind),
                Case(id: .glorotNormal, gain: 1.5, normalKind: kind), Case(id: .heNormal, gain: 1.5, normalKind: kind),
                Case(id: .heNormal, normalKind: kind, mode: .fanOut, slope: 0.2), Case(id: .kumar, normalKind: kind),
                Case(id: .kumar, gain: 1.5, normalKind: kind, activation: .tanh),
            ]
        }
        return cases
    }()

    @Test(arguments: independentRules)
    func meanAndVarianceAreTheRulesOwn(_ example: Case) throws {
        let rule = try example.rule()
        let tensor = try draw(rule, shape: Self.shape, seed: 7)
        let distribution = try #require(rule.distribution(for: tensor.fans))
        let n = Double(tensor.elements.count)
        var sum = 0.0, sumOfSquares = 0.0
        for w in tensor.elements {
            sum += Double(w)
            sumOfSquares += Double(w) * Double(w)
        }
        let variance = distribution.variance
        #expect(abs(sum / n) <= 5 * (variance / n).squareRoot())
        let standardError = ((distribution.fourthMoment - variance * variance) / n).squareRoot()
        #expect(abs(sumOfSquares / n - variance) <= 5 * standardError, "\(rule.id.rawValue): \(sumOfSquares / n) against \(variance)")
        #expect(rule.variance(for: tensor.fans) == variance)
    }

    /// The uniform and truncated rules never exceed their bound, and come close to it.
    @Test(arguments: independentRules)
    func boundsHold(_ example: Case) throws {
        let rule = try example.rule()
        let tensor = try draw(rule, shape: Self.shape, seed: 8)
        let distribution = try #require(rule.distribution(for: tensor.fans))
        guard let bound = distribution.bound else { return }
        let largest = tensor.elements.map(abs).max() ?? 0
        #expect(largest <= Float(bound))
        // 200 704 draws put the largest within 0.1% of a uniform bound (missed with probability
        // 0.999^200704 ≈ e^−200) and within 3% of the truncated normal's cut (0.7% of its mass
        // lies there: missed with probability about e^−1400).
        let isUniform = if case .uniform = distribution { true } else { false }
        #expect(Double(largest) > (isUniform ? 0.999 : 0.97) * bound)
    }

    /// The truncated normal keeps the target variance: Var = σ² exactly, not C²σ² ≈ 0.774σ².
    @Test func truncatedNormalVarianceIsTheTarget() {
        var random = RandomSource(seed: 3)
        let n = 1 << 20
        var values = [Float](repeating: 0, count: n)
        let distribution = WeightDistribution.truncatedNormal(std: 2)
        values.withUnsafeMutableBufferPointer { distribution.fill($0, using: &random) }
        let meanSquare = values.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(n)
        let standardError = ((distribution.fourthMoment - 16) / Double(n)).squareRoot()
        #expect(abs(meanSquare - 4) <= 5 * standardError)
        #expect(values.allSatisfy { abs($0) <= Float(TruncatedNormal.bound(std: 2)) })
    }

    /// Sparse weights: w² summed over a row is the sum of k independent z², wherever they sit,
    /// so the mean of w² over n entries has standard error √(p(μ₄ − s⁴)/n) with p = k/fan_in
    /// and s, μ₄ the moments of the nonzero values.
    @Test(arguments: [NormalKind.normal, .truncatedNormal])
    func sparseVarianceIsKOverFanIn(_ kind: NormalKind) throws {
        let rule = try Rule(.sparse, gain: 2, normalKind: kind)
        let tensor = try draw(rule, shape: Self.shape, seed: 9)
        let n = Double(tensor.elements.count)
        let p = 15.0 / 784
        let values: WeightDistribution = kind == .normal ? .normal(std: 2) : .truncatedNormal(std: 2)
        let expected = try #require(rule.variance(for: tensor.fans))
        #expect(abs(expected - p * 4) < 1e-15)
        let meanSquare = tensor.elements.reduce(0.0) { $0 + Double($1) * Double($1) } / n
        let standardError = (p * (values.fourthMoment - 16) / n).squareRoot()
        #expect(abs(meanSquare - expected) <= 5 * standardError)
    }

    @Test func constantRulesFillEveryWeight() throws {
        #expect(try draw(rule(.zeros), shape: [3, 4]).elements == [Float](repeating: 0, count: 12))
        #expect(try draw(rule(.constant, gain: 2, value: 0.25), shape: [3, 4]).elements == [Float](repeating: 0.5, count: 12))
        #expect(try rule(.constant, value: 1).variance(for: Fans(fanIn: 4, fanOut: 3)) == nil)
    }

    /// `initialize` on a Matrix and `sample` on the same shape draw the same weights.
    @Test func initializeAgreesWithSample() throws {
        for rule in [Rule.fanInUniform, try Rule(.orthogonal), try Rule(.sparse, sparsity: .count(3))] {
            var matrix = Matrix(rows: 12, columns: 9)
            var random = RandomSource(seed: 4).derived("sample/\(rule.id.rawValue)")
            rule.initialize(&matrix, using: &random)
            #expect(matrix.elements == (try draw(rule, shape: [12, 9], seed: 4)).elements)
        }
    }
}
