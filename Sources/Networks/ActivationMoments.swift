/// The Gaussian moments of the mean-field theory (Poole et al. 2016; Schoenholz et al. 2017):
/// with weights of variance σ_w²/fan_in, the length map is q′ = σ_w²·E[φ(√q z)²] + σ_b² and the
/// gradient's per-layer factor is χ₁ = σ_w²·E[φ′(√q z)²], for z ~ N(0, 1).
extension Activation {
    /// E[φ(√q·z)²], z ~ N(0, 1): the second moment of a unit whose pre-activation has variance q.
    public func secondMoment(variance q: Double) -> Double {
        switch self {
        // Half of the mass is kept, scaled by 1, the other half by the slope.
        case .relu: q / 2
        case .leakyReLU(let slope): (1 + slope * slope) * q / 2
        case .linear: q
        default:
            NormalExpectation.of(variance: q) { x in
                let h: Double = value(of: x)
                return h * h
            }
        }
    }

    /// E[φ′(√q·z)²], z ~ N(0, 1).
    public func derivativeSecondMoment(variance q: Double) -> Double {
        switch self {
        case .relu: 0.5
        case .leakyReLU(let slope): (1 + slope * slope) / 2
        case .linear: 1
        default:
            NormalExpectation.of(variance: q) { x in
                let slope = derivative(x)
                return slope * slope
            }
        }
    }

    /// E[φ′(√q·z)⁴], z ~ N(0, 1): with the second moment, the spread of the squared slopes
    /// that a layer's diagonal D = diag φ′(a) contributes to the spectrum of a Jacobian.
    public func derivativeFourthMoment(variance q: Double) -> Double {
        switch self {
        case .relu: 0.5
        case .leakyReLU(let slope): (1 + slope * slope * slope * slope) / 2
        case .linear: 1
        default:
            NormalExpectation.of(variance: q) { x in
                let slope = derivative(x)
                return slope * slope * slope * slope
            }
        }
    }
}

extension Activation {
    /// E[φ(√q·z)], z ~ N(0, 1): the mean of a unit whose pre-activation has variance q, which
    /// the self-normalising SELU keeps at 0 only at q = 1.
    public func mean(variance q: Double) -> Double {
        NormalExpectation.of(variance: q) { x in value(of: x) }
    }
}
