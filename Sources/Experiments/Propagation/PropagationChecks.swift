import Initializers
import Networks
import Numerics
import TextSupport

/// What the propagation grid must show: the factor per layer of each claim, exact at finite width.
extension Propagation {
    public func checks(_ result: Result) -> [Check] {
        checks(cells(result))
    }

    struct FactorClaim {
        let activation: Activation
        let rule: RuleID
        let pass: Pass
        let expected: Double
        let claim: String
        /// The theory constant the factor is proportional to, as the power test names it; nil
        /// for the identity, whose claim is exact.
        let constant: String?
        /// The first hidden layer the factor is measured from.
        var from = 0
    }

    /// The measured factor per layer of a claim, averaged over its layers and realisations; nil
    /// if no claim is made for that activation, rule and pass, or the grid has not run the cell.
    public func factor(_ cells: [Cell], _ activation: Activation, _ rule: RuleID, _ pass: Pass) -> Double? {
        guard let claim = factorClaims.first(where: { $0.activation == activation && $0.rule == rule && $0.pass == pass }),
            let cell = cell(cells, activation, rule)
        else { return nil }
        return cell.perLayerFactor(pass, from: claim.from)
    }

    var factorClaims: [FactorClaim] {
        // For linear units the factor per layer is σ_w² = fan_in · Var(W), whatever the rule.
        func scale(_ rule: RuleID) -> Double {
            parameters.grid.rules.first { $0.rule == rule }.map { weightScales($0, .linear)[0] } ?? .nan
        }
        let width = parameters.grid.width
        let normal = NumberText.format(scale(.normal), digits: 3), sparse = NumberText.format(scale(.sparse), digits: 3)
        let uniform = "Var U(−b, b) = b²/3", glorot = "Glorot's Var(W) = 2/(n_in + n_out)"
        return [
            FactorClaim(
                activation: .linear, rule: .normal, pass: .forward, expected: scale(.normal),
                claim: "N(0, σ²), linear units, width \(width): the variance changes by n·σ² = \(normal) per layer",
                constant: "Var(W) = σ²"),
            FactorClaim(
                activation: .linear, rule: .sparse, pass: .forward, expected: scale(.sparse),
                claim: "Sparse, k N(0, 1) weights per unit, linear units: the variance grows by k = \(sparse) per layer, "
                    + "whatever the width",
                constant: "k"),
            FactorClaim(
                activation: .linear, rule: .identity, pass: .forward, expected: 1,
                claim: "Identity, linear units: every layer passes its input on unchanged (factor 1)", constant: nil),
            FactorClaim(
                activation: .relu, rule: .identity, pass: .forward, expected: 1,
                claim: "Identity, ReLU units: from the second layer on the inputs are non-negative and pass unchanged (factor 1)",
                constant: nil, from: 1),
            FactorClaim(
                activation: .linear, rule: .fanInUniform, pass: .forward, expected: 1.0 / 3,
                claim: "U(−1/√n, 1/√n), linear units: the variance of the pre-activations shrinks by n·Var(W) = 1/3 per layer",
                constant: uniform),
            FactorClaim(
                activation: .linear, rule: .fanInUniform, pass: .backward, expected: 1.0 / 3,
                claim: "U(−1/√n, 1/√n), linear units: the gradient variance shrinks by 1/3 per layer going back", constant: uniform),
            FactorClaim(
                activation: .linear, rule: .glorotUniform, pass: .forward, expected: 1,
                claim: "Glorot uniform at equal widths, linear units: the forward variance is kept (factor 1 per layer)",
                constant: glorot),
            FactorClaim(
                activation: .linear, rule: .glorotUniform, pass: .backward, expected: 1,
                claim: "Glorot uniform at equal widths, linear units: the gradient variance is kept (factor 1 per layer)",
                constant: glorot),
            FactorClaim(
                activation: .relu, rule: .lecunNormal, pass: .forward, expected: 0.5,
                claim: "LeCun normal, ReLU units: E[relu(y)²] = Var(y)/2 halves the variance at every layer", constant: "ReLU's ½"),
            FactorClaim(
                activation: .relu, rule: .glorotUniform, pass: .forward, expected: 0.5,
                claim: "Glorot uniform at equal widths, ReLU units: the variance halves at every layer", constant: "ReLU's ½"),
            FactorClaim(
                activation: .relu, rule: .heNormal, pass: .forward, expected: 1,
                claim: "He normal, ReLU units: Var(W) = 2/n keeps the forward variance (factor 1 per layer)", constant: "He's σ_w² = 2"),
            FactorClaim(
                activation: .relu, rule: .heNormal, pass: .backward, expected: 1,
                claim: "He normal, ReLU units: the gradient variance is kept going back", constant: "He's σ_w² = 2"),
        ]
    }

    /// Why the expectations are exact at the width measured. Forward, given layer l the next
    /// pre-activations a_{l+1} = W h_l have E[q_{l+1} | layer l] = n·Var(W)·E_batch[h_l²] for any
    /// zero-mean weights with uncorrelated entries (Gaussian, uniform, sparse; orthogonal
    /// exactly), so for linear units E[q_{l+1}/q_l] = n·Var(W). For ReLU, flipping the sign of
    /// W_l (whose law is symmetric) maps h_l² to the other half of a_l², so E[E_batch h_l²/q_l]
    /// = ½ exactly and E[q_{l+1}/q_l] = n·Var(W)/2. Backward through linear units,
    /// g_l = W_{l+1}ᵀ g_{l+1} with g_{l+1} made of the layers above only, so
    /// E[g_l/g_{l+1}] = fan_out·Var(W). Through ReLU units the masks make the gradient depend
    /// on the same weights, and a ratio of layers has no exact expectation; the gradient's
    /// second moment itself has one (`firstLayerGradientCheck`).
    func checks(_ cells: [Cell]) -> [Check] {
        let alpha = parameters.falseAlarmRate
        let realisations = "mean over \(parameters.grid.depth - 1) layer ratios per network"
        var checks: [Check] = []
        for claim in factorClaims {
            guard let cell = cell(cells, claim.activation, claim.rule) else { continue }
            let id = "propagation/factor/\(claim.activation.id)/\(claim.rule.rawValue)/\(claim.pass.rawValue)"
            if claim.pass == .backward && claim.activation != .linear {
                if let check = firstLayerGradientCheck(cell, id: id, claim: claim) { checks.append(check) }
            } else if let constant = claim.constant {
                checks.append(
                    Check.studentT(
                        id: id, claim: claim.claim, samples: cell.perLayerRatios(claim.pass, from: claim.from),
                        theory: .proportional(constant, claim.expected), falseAlarmRate: alpha, note: realisations))
            } else {
                // The identity copies each value exactly in floating point, so every ratio is 1
                // to the last bit; the bound allows for the rounding of their mean in Double.
                checks.append(
                    Check.exact(
                        id: id, claim: claim.claim, expected: claim.expected, measured: cell.perLayerFactor(claim.pass, from: claim.from),
                        bound: 8 * Double.ulpOfOne, basis: "floating-point copies are exact"))
            }
        }
        // The length map of tanh and logistic units (figures and numbers) holds at infinite
        // width only: at finite width each sample's q fluctuates by about √(2/n) through a
        // curved map, and uniform weights give pre-activations that are not Gaussian, which
        // moves Var(a) by O(1/n) with no closed form. It is shown, not checked.
        checks += batchNormChecks(cells)
        return checks
    }

    /// He's backward claim as a statement that is exact at finite width for Gaussian weights:
    /// E[Var(∂L/∂a_1)] equals the mean-field value. Given h_l and a_{l+1} = W h_l, the part of
    /// W orthogonal to h_l is independent, so E[‖g_l‖² | …] = Var(W)·(|active_l| − 1)·‖g_{l+1}‖²
    /// + ‖out‖²/‖h_l‖² (the last term because a ReLU network is positively homogeneous,
    /// a_{l+1}·g_{l+1} = out·g_out); the Jacobian above layer l depends on a_{l+1} only through
    /// its direction, so by induction both terms add up to the mean-field recursion exactly.
    func firstLayerGradientCheck(_ cell: Cell, id: String, claim: FactorClaim) -> Check? {
        guard let constant = claim.constant, let first = theory(cell, .backward)?.first else { return nil }
        let scales = weightScales(cell.rule, cell.activation)
        let activation = cell.activation
        let samples = cell.layers(.backward).compactMap { $0.first?.secondMoment }
        return Check.studentT(
            id: id,
            claim: claim.claim + ": E[Var(∂L/∂a₁)] = \(NumberText.format(first, digits: 3)), "
                + "the mean-field value, exact for Gaussian weights",
            samples: samples,
            theory: Theory(constant) { factor in
                MeanField(activation: activation, weightScales: scales.map { $0 * factor }).backward().first ?? .nan
            },
            falseAlarmRate: parameters.falseAlarmRate, note: "Var(∂L/∂a₁) per network")
    }

    /// Batch normalisation before ReLU: whatever the rule and the depth, the last layer's
    /// pre-activations have the variance one layer gives the normalised values x̂:
    /// E[q_L | layer L−1] = n·Var(W)·E_batch[relu(x̂)²], and flipping the sign of W_{L−1} flips
    /// x̂ (batch normalisation is odd), so E[q_L / E_batch[x̂²]] = σ_w²/2 exactly, where
    /// E_batch[x̂²] = s²/(s² + ε) is recorded for each network.
    func batchNormChecks(_ cells: [Cell]) -> [Check] {
        let depth = parameters.grid.depth
        return cells.filter { $0.batchNorm && $0.activation == .relu }.compactMap { cell -> Check? in
            // The identity has no variance to state the claim with.
            guard depth >= 2, let scale = weightScales(cell.rule, cell.activation).last, scale > 0 else { return nil }
            let samples = cell.runs.compactMap { run -> Double? in
                guard run.forward.count == depth, run.normalizedSecondMoments.count == depth else { return nil }
                return run.forward[depth - 1].secondMoment / run.normalizedSecondMoments[depth - 2]
            }
            return Check.studentT(
                id: "propagation/batchnorm/relu/\(cell.rule.rule.rawValue)\(cell.rule.activationGain ? "-gain" : "")",
                claim: "\(cell.rule.label), batch normalisation before ReLU: Var(a) at layer \(depth) is σ_w²/2 = n·Var(W)/2 "
                    + "times the mean square s²/(s² + ε) of the normalised values, whatever the depth",
                samples: samples, theory: .proportional("ReLU's ½", scale / 2), falseAlarmRate: parameters.falseAlarmRate,
                note: "Var(a_L)/E[x̂²] per network")
        }
    }
}
