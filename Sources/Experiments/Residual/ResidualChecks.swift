import TextSupport

extension Residual {
    /// Each claim rests on a statistic whose expectation is exact at finite width (see
    /// ``ResidualTheory``): given x_l, E|x_{l+1}|² = (1 + r)|x_l|² and E|αγF_l|² = r|x_l|², so
    /// the mean over the blocks of (|x_{l+1}|²/|x_l|² − 1)/r and of |αγF_l|²/(r|x_l|²) are 1,
    /// one value per stack. The first carries the cross term 2αγ x·F, whose spread is of order
    /// 1/√(r·n·B) of r per block: at the sizes of the profiles it tells r from 0.9 r only for He's
    /// r = 1, so the scaled schemes are checked on the branch alone. The closed schemes are checked exactly: their blocks are
    /// the identity forward and backward, bit for bit; and Fixup's zero projection is checked to
    /// receive E|∂ℓ/∂W₂|² = n·(a/2)·Σ_s|x_{0,s}|², over g and W₁.
    public func checks(_ result: Result) -> [Check] {
        let depth = parameters.depth, n = parameters.width
        let constant = "ReLU's ½ in r"
        var checks: [Check] = []
        for scheme in schemes where !scheme.closed {
            let theory = theory(scheme)
            let r = theory.growth()
            let growth = NumberText.format(r, digits: 3)
            if scheme == .he {
                checks.append(
                    Check.studentT(
                        id: "residual/\(scheme.rawValue)/growth",
                        claim: "\(Self.name(scheme)), \(depth) blocks of width \(n): each block multiplies E|x|² by 1 + r, r = \(growth)",
                        samples: runs(result, scheme).map { run in
                            (0..<depth).reduce(0.0) { $0 + (run.forward[$1 + 1] / run.forward[$1] - 1) / r } / Double(depth)
                        },
                        theory: .proportional(constant, 1), falseAlarmRate: parameters.falseAlarmRate,
                        note: "mean over the blocks of (|x_{l+1}|²/|x_l|² − 1)/r per stack"))
            }
            checks.append(
                Check.studentT(
                    id: "residual/\(scheme.rawValue)/branch",
                    claim: "\(Self.name(scheme)), \(depth) blocks of width \(n): each branch adds r = \(growth) times E|x|²",
                    samples: runs(result, scheme).map { run in run.branch.reduce(0.0) { $0 + $1 / r } / Double(depth) },
                    theory: .proportional(constant, 1), falseAlarmRate: parameters.falseAlarmRate,
                    note: "mean over the blocks of |αγF_l|²/(r|x_l|²) per stack"))
        }
        for scheme in schemes where scheme.closed {
            let largest = runs(result, scheme).reduce(0.0) { max($0, $1.identityError) }
            checks.append(
                Check.exact(
                    id: "residual/\(scheme.rawValue)/identity",
                    claim: "\(Self.name(scheme)), \(depth) blocks: the stack is the identity, x_L = x₀ and "
                        + "∂ℓ/∂x₀ = ∂ℓ/∂x_L",
                    expected: 0, measured: largest, bound: 0,
                    basis: "a zero factor makes every branch's contribution exactly 0; the largest difference over the stacks"))
        }
        let fixup = theory(.fixup)
        checks.append(
            Check.studentT(
                id: "residual/fixup/projection-gradient",
                claim: "Fixup, \(depth) blocks of width \(n): the zero projection W₂ still receives E|∂ℓ/∂W₂|² = n²a/2 = "
                    + NumberText.format(fixup.projectionGradient(), digits: 3) + " per sample of unit mean square",
                samples: runs(result, .fixup).map { run in
                    run.projectionGradient.reduce(0.0) { $0 + $1 / (fixup.projectionGradient() * run.forward[0]) } / Double(depth)
                },
                theory: .proportional(constant, 1), falseAlarmRate: parameters.falseAlarmRate,
                note: "mean over the blocks of |∂ℓ/∂W₂|²/(n(a/2)Σ|x₀|²) per stack"))
        return checks
    }

    /// How claims, legends and tables name a scheme.
    public static func name(_ scheme: ResidualScheme) -> String {
        switch scheme {
        case .he: "He branches"
        case .inverseSqrtDepth: "He branches, W₂ ÷ √L"
        case .gpt2: "GPT-2, N(0, 0.02²), W₂ ÷ √(2N)"
        case .fixup: "Fixup"
        case .skipInit: "SkipInit/ReZero, α = 0"
        case .zeroGain: "zero γ"
        }
    }
}
