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
            // Every statistical check has a power test, and at this seed it rejects the theory
            // with its constant 10 % off either way (the sweep measures this at 20 seeds).
            if check.falseAlarmRate > 0 {
                #expect(check.perturbations.count == 2, "\(check.id)", sourceLocation: sourceLocation)
                for perturbation in check.perturbations {
                    #expect(
                        !check.passes(perturbation), "\(check.id) passes against \(perturbation.constant)", sourceLocation: sourceLocation)
                }
            }
        }
    }
}
