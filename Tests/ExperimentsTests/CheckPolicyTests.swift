import Foundation
import Testing

@testable import Experiments
@testable import Numerics

@Suite struct CheckPolicyTests {
    static let samples = [0.98, 1.03, 1.01, 0.97, 1.02, 0.99]

    @Test func aMeanOfRealisationsUsesStudentsT() throws {
        let check = Check.studentT(id: "x/y", claim: "c", samples: Self.samples, theory: .proportional("k", 1), falseAlarmRate: 1e-5)
        let moments = Moments(Self.samples)
        // t₅(1 − 5·10⁻⁶) = 17.897 (scipy.stats.t.isf(5e-6, 5)); with the normal's 4.42 a mean of
        // six values would fail about once in 140 builds (P(|t₅| > 4.42) = 0.0069).
        #expect(abs(check.tolerance / moments.standardError - 17.896866) < 1e-5)
        #expect(check.basis.hasPrefix("Student t, 5 d.f."))
        #expect(check.falseAlarmRate == 1e-5)
        #expect(check.passed)
        #expect(check.perturbations.map(\.expected) == [0.9, 1.1])
        #expect(check.perturbations.allSatisfy { $0.tolerance == check.tolerance })
    }

    @Test func aKnownStandardErrorUsesTheNormalQuantile() {
        let theory = Theory("Var(w)", expected: { 2 * $0 }, standardError: { 0.01 * $0 })
        let check = Check.normal(id: "x/y", claim: "c", measured: 2.03, theory: theory, falseAlarmRate: 1e-5, note: "n")
        #expect(abs(check.tolerance - 0.0441717) < 1e-6)
        #expect(check.passed)
        // Against 1.8 (Var(w) 10 % lower) and 2.2 the same measurement fails: the check has power.
        #expect(check.perturbations.map(\.expected) == [1.8, 2.2])
        #expect(check.perturbations.map(\.tolerance) == [0.9 * 0.01, 1.1 * 0.01].map { $0 * StandardNormal.twoSidedQuantile(1e-5) })
        #expect(check.perturbations.allSatisfy { !check.passes($0) })
    }

    @Test func exactClaimsHaveNoFalseAlarms() {
        let check = Check.exact(id: "x/y", claim: "c", expected: 1, measured: 1 + 1e-17, bound: 1e-15, basis: "copies")
        #expect(check.falseAlarmRate == 0 && check.passed && check.perturbations.isEmpty)
        #expect(!Check.exact(id: "x/y", claim: "c", expected: 1, measured: 1.1, bound: 1e-15, basis: "b").passed)
    }

    /// The manifest records the rate and its basis, not the power test's perturbations.
    @Test func theManifestRecordsTheRateAndTheBasis() throws {
        let check = Check.studentT(id: "x/y", claim: "c", samples: Self.samples, theory: .proportional("k", 1), falseAlarmRate: 1e-5)
        let json = try #require(String(data: JSONEncoder().encode(check), encoding: .utf8))
        #expect(json.contains("\"falseAlarmRate\"") && json.contains("\"basis\""))
        #expect(!json.contains("perturbations"))
        let decoded = try JSONDecoder().decode(Check.self, from: Data(json.utf8))
        #expect(decoded.basis == check.basis && decoded.tolerance == check.tolerance && decoded.perturbations.isEmpty)
    }

    // Final accuracies of five seeds a side. scipy.stats.ttest_ind(larger, smaller, equal_var=False,
    // alternative="greater") gives t = 4.5015 at 6.1673 d.f.; the margin at α = 10⁻⁵ is
    // scipy.stats.t.isf(1e-5, 6.167273219042283) × SE = 11.6324532525995 × 0.004753945729601889
    // = 0.055300051464989, more than the difference 0.0214: five seeds a side need a clear gap.
    static let larger = [0.912, 0.905, 0.918, 0.909, 0.915]
    static let smaller = [0.884, 0.897, 0.879, 0.902, 0.890]

    static func comparison(_ larger: [Double], _ smaller: [Double], rate: Double = 1e-5) -> Check {
        Check.exceeds(id: "x/y", claim: "c", larger: larger, smaller: smaller, falseAlarmRate: rate)
    }

    @Test func aComparisonsMarginIsWelchsOneSidedT() {
        let check = Self.comparison(Self.larger, Self.smaller)
        #expect(check.kind == .comparison && check.expected == 0 && check.falseAlarmRate == 1e-5)
        #expect(abs(check.measured - 0.0214) < 1e-12)
        // scipy.stats.t.isf(1e-5, 4) · SE = 23.332182700829275 · 0.0047539 = 0.1109199303128984.
        #expect(abs(check.tolerance - 0.1109199303128984) < 1e-9)
        #expect(check.basis == "Welch t, 4 d.f. (Hsu), one-sided")
        #expect(!check.passed)
        #expect(check.perturbations.isEmpty)
    }

    @Test func aClearDifferencePassesAndNoDifferenceFails() {
        #expect(Self.comparison(Self.larger.map { $0 + 0.1 }, Self.smaller).passed)
        // The same groups the other way round, and a group against itself, never pass.
        #expect(!Self.comparison(Self.smaller, Self.larger.map { $0 + 0.1 }).passed)
        #expect(!Self.comparison(Self.larger, Self.larger).passed)
        // Just below and just above the margin.
        let margin = Self.comparison(Self.larger, Self.smaller).tolerance
        let gap = margin - 0.0214
        #expect(!Self.comparison(Self.larger.map { $0 + gap * 0.999 }, Self.smaller).passed)
        #expect(Self.comparison(Self.larger.map { $0 + gap * 1.001 }, Self.smaller).passed)
    }

    /// Without spread in either group the margin is 0 and only the sign of the difference counts;
    /// a group of fewer than two has no spread to estimate and a NaN sample no mean: both fail.
    @Test func degenerateComparisons() {
        let flat = Self.comparison([0.9, 0.9, 0.9], [0.8, 0.8])
        #expect(flat.passed && flat.tolerance == 0 && flat.basis == "Welch t, no spread, one-sided")
        #expect(!Self.comparison([0.9, 0.9], [0.9, 0.9]).passed)
        #expect(!Self.comparison([0.8, 0.8], [0.9, 0.9]).passed)
        #expect(!Self.comparison([0.99], Self.smaller).passed)
        #expect(!Self.comparison(Self.larger, []).passed)
        #expect(!Self.comparison(Self.larger + [.nan], Self.smaller).passed)
        #expect(!Self.comparison(Self.larger, Self.smaller + [.infinity]).passed)
    }

    /// The rate itself, at α = 0.01 with 20,000 pairs of groups of five. Against a group without
    /// spread the statistic follows Student's t with 4 d.f. exactly, so equal means pass at α;
    /// with equal spreads Hsu's ν is cautious (2·10⁶ pairs in numpy pass at 0.0028). Each
    /// fraction has standard deviation √(p(1 − p)/20,000), held to 4.42 of them (a false alarm
    /// once in 10⁵ runs); the two-sided quantile (0.005) or the normal one (0.04 against the
    /// constant group) would fail it.
    @Test func equalMeansPassAtTheStatedRate() {
        var random = RandomSource(seed: 13).derived("welch")
        let pairs = 20_000
        var againstConstant = 0, againstEqual = 0
        for _ in 0..<pairs {
            let a = (0..<5).map { _ in random.nextNormal() }
            let b = (0..<5).map { _ in random.nextNormal() }
            if Self.comparison(a, [0, 0, 0, 0, 0], rate: 0.01).passed { againstConstant += 1 }
            if Self.comparison(a, b, rate: 0.01).passed { againstEqual += 1 }
        }
        func bound(_ rate: Double) -> Double {
            StandardNormal.twoSidedQuantile(1e-5) * (rate * (1 - rate) / Double(pairs)).squareRoot()
        }
        #expect(abs(Double(againstConstant) / Double(pairs) - 0.01) < bound(0.01), "\(againstConstant) of \(pairs) passed")
        #expect(abs(Double(againstEqual) / Double(pairs) - 0.0028) < bound(0.0028), "\(againstEqual) of \(pairs) passed")
    }

    /// The manifest records the kind: a margin to exceed is not a tolerance to stay within.
    @Test func theManifestRecordsTheKind() throws {
        let exact = Check.exact(id: "x/y", claim: "c", expected: 1, measured: 1, bound: 0, basis: "b")
        for check in [Self.comparison(Self.larger, Self.smaller), exact] {
            let json = try #require(String(data: JSONEncoder().encode(check), encoding: .utf8))
            #expect(json.contains("\"kind\":\"\(check.kind.rawValue)\""))
            let decoded = try JSONDecoder().decode(Check.self, from: Data(json.utf8))
            #expect(decoded == check)
        }
    }

    @Test func aRateAboveThePolicyIsRefused() {
        #expect(Significance.problems(1e-5).isEmpty)
        #expect(Significance.problems(0.01).map(\.key) == ["false_alarm_rate"])
        #expect(Significance.problems(.nan).map(\.key) == ["false_alarm_rate"])
        #expect(Significance.problems(0).map(\.key) == ["false_alarm_rate"])
    }
}

/// What every experiment's checks must satisfy under the policy; each experiment's suite calls
/// it on the checks of its quick profile at seed 1.
enum CheckPolicy {
    static func expectFollowed(_ checks: [Check], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!checks.isEmpty, sourceLocation: sourceLocation)
        for check in checks {
            #expect(
                check.falseAlarmRate >= 0 && check.falseAlarmRate <= Significance.falseAlarmRate, "\(check.id)",
                sourceLocation: sourceLocation)
            #expect(!check.basis.isEmpty && check.tolerance.isFinite && check.tolerance >= 0, "\(check.id)", sourceLocation: sourceLocation)
            // Every statistical agreement has a power test, and at this seed it rejects the theory
            // with its constant 10 % off either way (the sweep measures this at 20 seeds). A
            // comparison has no constant to perturb: its power is passing at every seed.
            if check.kind == .agreement && check.falseAlarmRate > 0 {
                #expect(check.perturbations.count == 2, "\(check.id)", sourceLocation: sourceLocation)
                for perturbation in check.perturbations {
                    #expect(
                        !check.passes(perturbation), "\(check.id) passes against \(perturbation.constant)", sourceLocation: sourceLocation)
                }
            }
        }
    }
}
