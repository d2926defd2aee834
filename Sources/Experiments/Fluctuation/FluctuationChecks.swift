import Numerics
import TextSupport

extension Fluctuation {
    /// At the last layer of each shape, the sample variance of log ‖h_L‖² over the networks that
    /// survive against the exact Σ_l Var[log R_l | K_l ≥ 1]. The sample variance of m independent
    /// values has Var(s²) = κ₄/m + 2σ⁴/(m − 1), κ₄ the fourth cumulant, which the theory gives as
    /// the sum of the layers' (cumulants of independent terms add): a known standard error.
    public func checks(_ result: Result) -> [Check] {
        result.shapes.compactMap { measured -> Check? in
            guard let last = measured.layers.last, let exact = Self.theory(measured.shape).last else { return nil }
            let m = Double(last.alive)
            let beta = measured.shape.reciprocalSums.last ?? .nan
            let widths = measured.shape.widths.map(String.init).joined(separator: "→")
            return Check.normal(
                id: "fluctuation/\(measured.shape.name)",
                claim: "ReLU, He normal, widths \(widths) (Σ 1/n_l = \(NumberText.format(beta, digits: 3))): "
                    + "Var[log ‖h_L‖²] over networks is Σ_l Var[log R_l] = \(NumberText.format(exact.variance, digits: 4)) "
                    + "(leading order 5 Σ 1/n_l = \(NumberText.format(5 * beta, digits: 3)))",
                measured: last.variance,
                theory: Theory(
                    "Var[log R_l], exact", expected: { exact.variance * $0 },
                    standardError: { factor in
                        let variance = exact.variance * factor
                        return (exact.fourthCumulant * factor * factor / m + 2 * variance * variance / (m - 1)).squareRoot()
                    }),
                falseAlarmRate: parameters.falseAlarmRate,
                note: "sample variance of \(last.alive) networks, standard error from the exact fourth cumulant; "
                    + "a mean over thousands of networks, near normal")
        }
    }
}
