import Initializers
import Networks

extension Propagation {
    /// σ_w² = fan_in · Var(W) of every layer of a grid network, hidden and output, by the rule.
    func weightScales(_ rule: InitializerChoice, _ activation: Activation) -> [Double] {
        let n = parameters.grid.width
        let variance = (try? rule.rule(for: activation))?.variance(for: Fans(fanIn: n, fanOut: n)) ?? 0
        return Array(repeating: Double(n) * variance, count: parameters.grid.depth + 1)
    }

    /// The mean-field theory of a cell; none with batch normalisation, which it does not model.
    public func theory(_ cell: Cell, _ pass: Pass) -> [Double]? {
        // Nor for the identity, whose weights are not random and have no variance to use.
        let scales = weightScales(cell.rule, cell.activation)
        guard !cell.batchNorm, scales.allSatisfy({ $0 > 0 }) else { return nil }
        let field = MeanField(activation: cell.activation, weightScales: scales)
        return pass == .forward ? field.forward() : field.backward()
    }

    /// The factor n·σ²/2 by which each ReLU layer of the scale picture multiplies E[h²].
    public func reluScaleFactor(_ standardDeviation: Double) -> Double {
        0.5 * Double(parameters.reluScale.width) * standardDeviation * standardDeviation
    }

    /// The root mean square of the ReLU outputs of each hidden layer of the scale picture.
    public func reluScaleTheory(_ standardDeviation: Double) -> [Double] {
        // Inputs with E[x²] = 1: q₁ = nσ², then q_{l+1} = nσ² · q_l/2; the ReLU outputs
        // have E[h²] = q_l/2.
        let setup = parameters.reluScale
        let n = Double(setup.width), s2 = standardDeviation * standardDeviation
        var q = n * s2
        var theory: [Double] = []
        for _ in 0..<setup.depth {
            theory.append((q / 2).squareRoot())
            q = n * s2 * q / 2
        }
        return theory
    }
}

/// Kumar's rule for logistic units assumes a post-activation variance of 1, which a logistic
/// unit, bounded in (0, 1), cannot have. Where its weights really take the signal: the fixed
/// point q* of the length map at σ_w² = n·Var(W) = 12.8, reached within a few layers.
public enum KumarLogistic {
    /// σ_w² = n·Var(W) of Kumar's rule for the logistic function (the same at any width).
    public static let scale: Double = {
        let n = 1000
        return Double(n) * ((try? Rule(.kumar))?.variance(for: Fans(fanIn: n, fanOut: n)) ?? .nan)
    }()

    /// q*, the variance of the pre-activations the length map settles at.
    public static let fixedPoint: Double =
        MeanField(activation: .sigmoid, weightScales: Array(repeating: scale, count: 101)).forward().last ?? .nan

    /// E[σ(a)] = 1/2 by the symmetry σ(−a) = 1 − σ(a), so Var σ(a) = E[σ(a)²] − 1/4 = q*/σ_w² − 1/4.
    public static let outputVariance: Double = fixedPoint / scale - 0.25
}
