import Numerics
import TextSupport

extension Bias {
    /// The class proportions of the subset trained on.
    public func proportions(_ result: Result) -> [Double] { Self.proportions(result.classCounts) }

    /// The runs of one start that reached `step`, by seed: their loss there.
    public func losses(_ result: Result, _ start: Start, step: Int) -> [Double] {
        result.runs.filter { $0.start == start }.sorted { $0.seed < $1.seed }
            .compactMap { run in run.points.first { $0.step == step }?.loss }.filter(\.isFinite)
    }

    /// Each network's initial loss from a start, less its second-order term computed from that
    /// network's own E‖h‖²: expected to be exactly the leading term, up to the fourth order.
    public func initialLeading(_ result: Result, _ start: Start) -> [Double] {
        let p = proportions(result)
        return result.initial.map { network in
            let loss = start == .zero ? network.zero : network.logPrior
            let variance = parameters.outputStd * parameters.outputStd * network.hiddenSquare
            return loss - Self.correction(start, proportions: p, logitVariance: variance)
        }
    }

    /// The initial loss against its expansion from each start; the two starts compared after
    /// `comparisonStep` steps; the embedding's logits against σ_e·√d.
    public func checks(_ result: Result) -> [Check] {
        let p = proportions(result)
        let k = p.count
        let largest = NumberText.format(p.max() ?? .nan, digits: 3), smallest = NumberText.format(p.min() ?? .nan, digits: 3)
        let data = "\(k) classes of the digits in proportions \(largest) down to \(smallest)"
        var checks: [Check] = []
        for start in Start.allCases {
            let claim =
                start == .zero
                ? "\(data), output bias 0: the initial loss is log K + ½v_out E‖h‖²(1 − 1/K)"
                : "\(data), output bias log p̂_k: the initial loss is H(p̂) + ½v_out E‖h‖²(1 − Σp̂²)"
            let constant = start == .zero ? "log K" : "H(p̂)"
            checks.append(
                Check.studentT(
                    id: "bias/initial-loss/\(start.rawValue)", claim: claim, samples: initialLeading(result, start),
                    theory: .proportional(constant, Self.leading(start, proportions: p)), falseAlarmRate: parameters.falseAlarmRate,
                    note: "per network, the loss over the subset (mean of W and −W) less its second-order term"))
        }
        let step = parameters.comparisonStep
        checks.append(
            Check.exceeds(
                id: "bias/training/step-\(step)",
                claim: "\(data), \(step) steps of SGD: the loss from a zero output bias is still above that from the log prior",
                larger: losses(result, .zero, step: step), smaller: losses(result, .logPrior, step: step),
                falseAlarmRate: parameters.falseAlarmRate,
                note: "loss over the subset of each seed; the two starts share weights and batches"))
        let v = parameters.vocabulary, d = parameters.dimension, std = parameters.embeddingStd
        let expected = Self.embeddingLogitStd(dimension: d, std: std)
        checks.append(
            Check.normal(
                id: "bias/embedding-logit-sd",
                claim:
                    "A tied embedding of \(v) × \(d) entries from N(0, \(NumberText.format(std, digits: 2))²) "
                    + "on a layer-normalised hidden vector: "
                    + "the logits' standard deviation is sd·√d = \(NumberText.format(expected, digits: 3))",
                measured: result.embedding.meanSquare.squareRoot(),
                theory: Theory(
                    "sd \(NumberText.format(std, digits: 2)) of the embedding",
                    expected: { Self.embeddingLogitStd(dimension: d, std: std * $0) },
                    standardError: { Self.embeddingLogitStd(dimension: d, std: std * $0) / (2 * Double(v)).squareRoot() }),
                falseAlarmRate: parameters.falseAlarmRate,
                note: "√(mean z²) of \(v) independent normal logits, standard error s/√(2V) by the delta method"))
        return checks
    }
}
