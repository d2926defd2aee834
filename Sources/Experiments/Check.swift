import Numerics
import TextSupport

/// A claim of the handout confronted with a measurement at build time.
///
/// The statistics policy (README, "Statistics policy"; the handout's verification appendix):
/// every check states its false-alarm rate α, computed from the distribution its statistic
/// really has. Most checks are agreements, a measurement against the value the theory gives,
/// and α is the probability that one fails although the claim is true:
/// - a mean of k independent realisations, with a standard error estimated from their spread:
///   Student's t with k − 1 degrees of freedom, tolerance t_{k−1}(1 − α/2) · SE;
/// - a statistic whose standard error the theory gives: the normal quantile z(1 − α/2) · SE,
///   where the statistic is a mean of so many independent terms that it is normal (the basis
///   says why);
/// - an exact claim: a rigorous bound on the rounding, α = 0.
/// The expected value is exact at the finite sizes measured, or the statistic is one whose
/// expectation is. Each statistical agreement also carries what it would be compared with if a
/// theory constant were 10 % off (`perturbations`), which it must then reject: its power.
///
/// A comparison claims that one group of independent samples has the larger mean ("from He's
/// rule the network ends more accurate than from Glorot's", final accuracies over seeds): the
/// difference of the means must exceed the margin t_ν(1 − α) · SE of Welch's one-sided test,
/// SE = √(s₁²/n₁ + s₂²/n₂), with Hsu's ν = min(n₁, n₂) − 1 degrees of freedom. There α is the
/// probability that the check passes although the two means are equal, a difference claimed
/// where there is none (less still if the order is reversed). With Hsu's ν that probability is
/// at most α whatever the two spreads (it is α when one group has no spread, less otherwise);
/// Welch–Satterthwaite's larger ν gives a narrower margin but exceeds α where the spreads differ
/// (README, "Statistics policy", has the numbers). A comparison has no theory constant to
/// perturb: whether a true difference passes at every seed is what the seed sweep shows.
public struct Check: Codable, Sendable, Hashable {
    /// Stable id, `<experiment>/<what>`.
    public var id: String
    /// The claim in words, as the verification table prints it.
    public var claim: String
    public var expected: Double
    public var measured: Double
    /// An agreement's largest |measured − expected| that still confirms the claim; a
    /// comparison's margin, which measured − expected must exceed.
    public var tolerance: Double
    /// An agreement's probability of failing although the claim is true (0 for exact claims); a
    /// comparison's of passing although the two means are equal.
    public var falseAlarmRate: Double
    /// Where the tolerance comes from: "Student t, 23 d.f.", "normal, known variance", "rounding
    /// bound", "Welch t, 4 d.f. (Hsu), one-sided".
    public var basis: String
    public var kind: Kind
    public var passed: Bool
    /// The check against a theory whose constant is 10 % off either way. Used by the seed sweep
    /// to measure the check's power; not written to the manifest.
    public var perturbations: [Perturbation] = []

    enum CodingKeys: String, CodingKey {
        case id, claim, kind, expected, measured, tolerance, falseAlarmRate, basis, passed
    }

    /// How a measurement confirms the claim; the manifest records it as "agreement" or "comparison".
    public enum Kind: String, Codable, Sendable, Hashable {
        /// |measured − expected| ≤ tolerance.
        case agreement
        /// measured − expected > tolerance, the margin.
        case comparison
    }

    public init(
        id: String, claim: String, expected: Double, measured: Double, tolerance: Double,
        falseAlarmRate: Double, basis: String, kind: Kind = .agreement, perturbations: [Perturbation] = []
    ) {
        self.id = id
        self.claim = claim
        self.expected = expected
        self.measured = measured
        self.tolerance = tolerance
        self.falseAlarmRate = falseAlarmRate
        self.basis = basis
        self.kind = kind
        self.perturbations = perturbations
        switch kind {
        case .agreement: passed = Self.agrees(measured, expected, tolerance)
        // A margin that is not a number (a group of one) fails, as the comparison with NaN does.
        case .comparison: passed = measured.isFinite && measured - expected > tolerance
        }
    }

    static func agrees(_ measured: Double, _ expected: Double, _ tolerance: Double) -> Bool {
        measured.isFinite && abs(measured - expected) <= tolerance
    }

    /// Whether an agreement's measurement would still pass against a perturbed theory (it should not).
    public func passes(_ perturbation: Perturbation) -> Bool {
        Self.agrees(measured, perturbation.expected, perturbation.tolerance)
    }
}

/// What a check compares with when one theory constant is changed by a factor.
public struct Perturbation: Codable, Sendable, Hashable {
    /// The constant and the change, as the sweep prints it: "σ_w² = 2 × 0.9".
    public var constant: String
    public var expected: Double
    public var tolerance: Double
}

/// The prediction a statistical check tests, as a function of the theory constant it rests on:
/// `factor` multiplies that constant (1 is the theory itself).
public struct Theory: Sendable {
    /// The constant in words, "He's σ_w² = 2", or nil where no constant can be perturbed.
    public var constant: String?
    public var expected: @Sendable (_ factor: Double) -> Double
    /// The standard error of the statistic where the theory gives it (a known variance).
    public var standardError: (@Sendable (_ factor: Double) -> Double)?

    public init(
        _ constant: String?, expected: @escaping @Sendable (Double) -> Double,
        standardError: (@Sendable (Double) -> Double)? = nil
    ) {
        self.constant = constant
        self.expected = expected
        self.standardError = standardError
    }

    /// An expected value proportional to the constant.
    public static func proportional(_ constant: String, _ expected: Double) -> Theory {
        Theory(constant, expected: { expected * $0 })
    }
}

/// The rate and the power the policy asks of every check.
public enum Significance {
    /// The largest false-alarm rate a check may have.
    public static let falseAlarmRate = 1e-5
    /// The relative change of a theory constant that every statistical check must detect.
    public static let perturbation = 0.1

    /// The relative standard error at which a normal check with false-alarm rate α rejects the
    /// theory with its constant 10 % off with probability 99.9 %: the tolerance takes
    /// z(α)·(1 + 10 %) standard errors of the 10 %, and the measurement must still stay 3.09
    /// standard errors (the 99.9 % quantile) clear of the rest.
    public static func relativeStandardErrorForPower(falseAlarmRate alpha: Double) -> Double {
        perturbation / (3.09 + (1 + perturbation) * StandardNormal.twoSidedQuantile(alpha))
    }

    /// The factors the constant is multiplied by in the power test.
    static let factors = [1 - perturbation, 1 + perturbation]

    /// The problem with a configured false-alarm rate, if any.
    static func problems(_ rate: Double) -> [ParameterProblem] {
        rate > 0 && rate <= falseAlarmRate ? [] : [ParameterProblem("false_alarm_rate", "must be above 0 and at most \(falseAlarmRate)")]
    }
}

extension Check {
    /// The mean of `samples`, independent realisations of a statistic whose expectation the
    /// theory gives exactly, with the standard error estimated from their spread: Student's t
    /// with k − 1 degrees of freedom (each sample is itself an average of many terms, so close
    /// to normal). `note` says what the samples are.
    public static func studentT(
        id: String, claim: String, samples: [Double], theory: Theory, falseAlarmRate alpha: Double, note: String = ""
    ) -> Check {
        let moments = Moments(samples)
        let freedom = samples.count - 1
        let t = StudentT.twoSidedQuantile(alpha, degreesOfFreedom: Double(freedom))
        let tolerance = t * moments.standardError
        return Check(
            id: id, claim: claim, expected: theory.expected(1), measured: moments.mean, tolerance: tolerance, falseAlarmRate: alpha,
            basis: "Student t, \(freedom) d.f." + (note.isEmpty ? "" : "; " + note),
            perturbations: perturbations(theory) { _ in tolerance })
    }

    /// A statistic whose standard error the theory gives: the normal quantile. `note` says why
    /// the statistic is normal that far into its tails.
    public static func normal(
        id: String, claim: String, measured: Double, theory: Theory, falseAlarmRate alpha: Double, note: String
    ) -> Check {
        let z = StandardNormal.twoSidedQuantile(alpha)
        let error = theory.standardError ?? { _ in .nan }
        return Check(
            id: id, claim: claim, expected: theory.expected(1), measured: measured, tolerance: z * error(1), falseAlarmRate: alpha,
            basis: "normal, known variance; " + note,
            perturbations: perturbations(theory) { z * error($0) })
    }

    /// An exact claim, whose measurement differs from the expected value only by rounding, and
    /// `bound`, a rigorous bound on that rounding: no false alarms. `constant` names what a
    /// perturbation would change, where anything can be (nil for algebraic identities).
    public static func exact(
        id: String, claim: String, expected: Double, measured: Double, bound: Double, basis: String, constant: String? = nil
    ) -> Check {
        Check(
            id: id, claim: claim, expected: expected, measured: measured, tolerance: bound, falseAlarmRate: 0, basis: "exact; " + basis,
            perturbations: constant.map { perturbations(Theory.proportional($0, expected)) { _ in bound } } ?? [])
    }

    /// The claim that `larger` has the larger mean, by Welch's one-sided t test with Hsu's degrees
    /// of freedom at rate `alpha`
    /// (see `Check`). Each sample must be independent of the others, such as one network per seed;
    /// `note` says what the samples are. Where neither group has any spread the margin is 0, so
    /// the check passes iff the means differ the claimed way.
    public static func exceeds(
        id: String, claim: String, larger: [Double], smaller: [Double], falseAlarmRate alpha: Double, note: String = ""
    ) -> Check {
        let welch = WelchT(Moments(larger), Moments(smaller))
        let margin: Double
        let freedom: String
        if welch.standardError == 0 {
            margin = 0
            freedom = "no spread"
        } else if !welch.degreesOfFreedom.isFinite {
            // A group of fewer than two has no spread to estimate: not a number, which fails.
            margin = .nan
            freedom = "too few samples"
        } else {
            margin = StudentT.oneSidedQuantile(alpha, degreesOfFreedom: welch.degreesOfFreedom) * welch.standardError
            freedom = "\(Int(welch.degreesOfFreedom)) d.f. (Hsu)"
        }
        return Check(
            id: id, claim: claim, expected: 0, measured: welch.difference, tolerance: margin, falseAlarmRate: alpha,
            basis: "Welch t, \(freedom), one-sided" + (note.isEmpty ? "" : "; " + note), kind: .comparison)
    }

    static func perturbations(_ theory: Theory, tolerance: (Double) -> Double) -> [Perturbation] {
        guard let constant = theory.constant else { return [] }
        return Significance.factors.map { factor in
            Perturbation(constant: "\(constant) × \(factor)", expected: theory.expected(factor), tolerance: tolerance(factor))
        }
    }
}
