import Foundation
import Numerics

extension Bias {
    /// H(p) = −Σ p_k log p_k, in nats.
    public static func entropy(_ proportions: [Double]) -> Double {
        -proportions.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) }
    }

    /// The initial loss to second order in the logits' noise. With softmax(b) = q and logits
    /// b + ε, the loss of an example of class y is −log q_y − ε_y + log Σ_k q_k e^{ε_k}; given the
    /// hidden vector h, the ε_k = w_k·h are independent N(0, σ_out²‖h‖²), so expanding the
    /// logarithm to second order and averaging over the weights leaves
    /// −log q_y + ½ σ_out²‖h‖² (1 − Σ_k q_k²). Over the examples: the cross-entropy of the labels
    /// against q (log K for a zero bias, H(p̂) for the log prior) plus ½ σ_out² E‖h‖² (1 − Σ q²).
    /// The odd orders vanish for W and −W together; the fourth is O(σ_out⁴ E‖h‖⁴).
    /// `scale` multiplies the leading term, for the power test.
    public static func initialLoss(_ start: Start, proportions: [Double], logitVariance: Double, scale: Double = 1) -> Double {
        leading(start, proportions: proportions) * scale + correction(start, proportions: proportions, logitVariance: logitVariance)
    }

    /// The loss with every logit at its bias: log K, or the entropy of the labels.
    public static func leading(_ start: Start, proportions: [Double]) -> Double {
        switch start {
        case .zero: log(Double(proportions.count))
        case .logPrior: entropy(proportions)
        }
    }

    /// ½ s² (1 − Σ q_k²), the second-order term for logits of variance s² around softmax weights q.
    public static func correction(_ start: Start, proportions: [Double], logitVariance: Double) -> Double {
        let squares =
            switch start {
            case .zero: 1 / Double(proportions.count)
            case .logPrior: proportions.reduce(0) { $0 + $1 * $1 }
            }
        return logitVariance * (1 - squares) / 2
    }

    /// The standard deviation of a tied embedding's logits on a layer-normalised hidden vector:
    /// z_v = Σ_i E_vi h_i is a sum of d independent terms of variance σ_e² h_i², so
    /// Var(z_v) = σ_e² ‖h‖² = d σ_e², as layer normalisation makes ‖h‖² = d.
    public static func embeddingLogitStd(dimension: Int, std: Double) -> Double {
        std * Double(dimension).squareRoot()
    }

    /// The initial loss of a tied output layer over V words, whose logits are independent
    /// N(0, s²): log Σ_v e^{z_v} = log V + log((1/V) Σ_v e^{z_v}) → log V + s²/2, as the mean of
    /// e^{z} tends to E e^{z} = e^{s²/2}; the target's logit adds 0 on average.
    public static func embeddingInitialLoss(vocabulary: Int, logitStd: Double) -> Double {
        log(Double(vocabulary)) + logitStd * logitStd / 2
    }

    /// The largest of V independent N(0, s²) logits, about s·√(2 ln V) (the leading term of
    /// the maximum of Gaussians): where the initial loss lies once s is large, since the
    /// log-sum-exp is then its largest term.
    public static func largestLogit(vocabulary: Int, logitStd: Double) -> Double {
        logitStd * (2 * log(Double(vocabulary))).squareRoot()
    }

    /// An LSTM's forget gate f = σ(b_f) at a start where its input is near zero: the cell keeps
    /// the fraction f^t of its content after t steps, and so does the gradient that flows back
    /// along it.
    public static func forgetGate(bias: Double) -> Double { Logistic.value(bias) }

    /// f^t, what the cell remembers after `steps` steps.
    public static func memory(bias: Double, steps: Double) -> Double { pow(forgetGate(bias: bias), steps) }

    /// The steps after which half the content is left: log ½ / log f.
    public static func halfLife(bias: Double) -> Double { log(0.5) / log(forgetGate(bias: bias)) }
}
