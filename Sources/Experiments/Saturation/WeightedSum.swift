import Initializers

/// The theory of a pre-activation a = Σᵢ wᵢxᵢ over d inputs, with independent weights of zero
/// mean (symmetric about 0) and independent inputs.
///
/// Each term y = w·x has E[y] = E[w]E[x] = 0, E[y²] = Var(w)E[x²] and E[y³] = 0, so
/// Var(a) = d·Var(w)·E[x²] and E[a⁴] = d·E[w⁴]E[x⁴] + 3d(d−1)·(Var(w)E[x²])².
public struct WeightedSum: Sendable, Hashable {
    public let fanIn: Int
    public let weights: WeightDistribution
    public let inputs: InputDistribution

    public init(fanIn: Int, weights: WeightDistribution, inputs: InputDistribution) {
        self.fanIn = fanIn
        self.weights = weights
        self.inputs = inputs
    }

    private var d: Double { Double(fanIn) }
    private var v: Double { weights.variance }

    /// Var(a) = d · Var(w) · E[x²]. With Var(w) = 1/(3d) and E[x²] = 1 this is 1/3 for every d.
    public var variance: Double { d * v * inputs.secondMoment }

    /// E[a⁴].
    public var fourthMoment: Double {
        let termVariance = v * inputs.secondMoment
        return d * weights.fourthMoment * inputs.fourthMoment + 3 * d * (d - 1) * termVariance * termVariance
    }

    /// The standard error of the mean of a² over `replicates` layers of `units` units, each
    /// applied to its own batch of `batch` inputs: the estimator the experiment uses.
    ///
    /// Within a layer the values a_bu share weights along u and inputs along b, so they are
    /// correlated: Var(mean) = [Var(a²) + (B−1)·C_w + (U−1)·C_x] / (R·B·U), where
    /// C_w = Var(E[a²|w]) for two inputs through one unit and C_x = Var(E[a²|x]) for one input
    /// through two units. Given w, E[a²|w] = (E[x²] − E[x]²)·s + E[x]²·t with s = Σwᵢ² and
    /// t = (Σwᵢ)²; given x, E[a²|x] = Var(w)·Σxᵢ².
    public func standardErrorOfMeanSquare(units: Int, batch: Int, replicates: Int) -> Double {
        let w4 = weights.fourthMoment
        let varianceOfS = d * (w4 - v * v)
        let varianceOfT = d * (w4 - 3 * v * v) + 2 * d * d * v * v
        let covarianceOfST = varianceOfS
        let mu = inputs.mean
        let c1 = inputs.secondMoment - mu * mu
        let c2 = mu * mu
        let sharedWeights = c1 * c1 * varianceOfS + c2 * c2 * varianceOfT + 2 * c1 * c2 * covarianceOfST
        let sharedInputs = v * v * d * (inputs.fourthMoment - inputs.secondMoment * inputs.secondMoment)
        let single = fourthMoment - variance * variance
        let n = Double(units * batch * replicates)
        let total = single + Double(batch - 1) * sharedWeights + Double(units - 1) * sharedInputs
        return (total / n).squareRoot()
    }
}
