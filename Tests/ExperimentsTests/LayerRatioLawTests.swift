import Foundation
import Testing

@testable import Experiments
@testable import Numerics

@Suite struct LayerRatioLawTests {
    /// Known values: ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ′(1) = π²/6, ψ′(½) = π²/2, ψ″(1) = −2ζ(3),
    /// ψ‴(½) = π⁴; and ψ′(20.5) by the series Σ 1/(x + j)², far past where the shift stops.
    @Test func polygammaMatchesClosedForms() {
        let gamma = 0.57721566490153286
        let zeta3 = 1.2020569031595943
        #expect(abs(Polygamma.digamma(1) + gamma) < 1e-13)
        #expect(abs(Polygamma.digamma(0.5) + gamma + 2 * log(2)) < 1e-13)
        #expect(abs(Polygamma.of(order: 1, 1) - Double.pi * Double.pi / 6) < 1e-13)
        #expect(abs(Polygamma.of(order: 1, 0.5) - Double.pi * Double.pi / 2) < 1e-12)
        #expect(abs(Polygamma.of(order: 2, 1) + 2 * zeta3) < 1e-12)
        #expect(abs(Polygamma.of(order: 3, 0.5) - pow(Double.pi, 4)) < 1e-10)
        var tail = 1 / (20.5 + 200_000 - 0.5)
        for j in 0..<200_000 {
            let x = 20.5 + Double(j)
            tail += 1 / (x * x)
        }
        #expect(abs(Polygamma.of(order: 1, 20.5) - tail) < 1e-12)
    }

    /// One unit: K ∈ {0, 1}, and given K = 1, log R = log(2/n_{l−1}) + log χ²₁, whose variance is
    /// ψ′(½) = π²/2 and fourth cumulant ψ‴(½) = π⁴.
    @Test func aLayerOfOneUnitIsOneLogChiSquare() {
        let law = LayerRatioLaw(width: 1)
        #expect(abs(law.variance - Double.pi * Double.pi / 2) < 1e-12)
        #expect(abs(law.fourthCumulant - pow(Double.pi, 4)) < 1e-10)
        #expect(law.deadProbability == 0.5)
    }

    /// n · Var[log R] falls towards 5 as the width grows, from well above it at n = 8 (the
    /// heavy left tail of log χ²_K for small K), and the next term is of order 1/n².
    @Test func theLeadingTermIsFiveOverTheWidth() {
        let scaled = [8, 32, 128, 1024].map { Double($0) * LayerRatioLaw(width: $0).variance }
        #expect(zip(scaled, scaled.dropFirst()).allSatisfy { $0 > $1 })
        #expect(scaled[0] > 9 && scaled[0] < 11)
        #expect(abs(scaled[3] - 5) < 0.03)
        // (n·Var − 5)·n settles: an O(1/n²) correction.
        let next = [256, 1024].map { Double($0) * (Double($0) * LayerRatioLaw(width: $0).variance - 5) }
        #expect(abs(next[0] - next[1]) < 0.1 * next[1])
    }

    /// The exact law against a simulation of its definition, (2/n)·Σ relu(g_i)² with no network:
    /// the sample variance of 200 000 draws of log R for n = 8, within 5 standard errors.
    @Test func theExactVarianceMatchesDrawsOfTheDefinition() {
        var random = RandomSource(seed: 3)
        let law = LayerRatioLaw(width: 8)
        var values: [Double] = []
        while values.count < 200_000 {
            var sum = 0.0
            for _ in 0..<8 {
                let g = random.nextNormal()
                if g > 0 { sum += g * g }
            }
            if sum > 0 { values.append(log(sum / 4)) }
        }
        let variance = Moments(values).sampleVariance
        let m = Double(values.count)
        let error = (law.fourthCumulant / m + 2 * law.variance * law.variance / (m - 1)).squareRoot()
        #expect(abs(variance - law.variance) < 5 * error)
        #expect(abs(variance - law.leadingTerm) > 20 * error)
    }
}
