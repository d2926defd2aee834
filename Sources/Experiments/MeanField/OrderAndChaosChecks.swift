import Numerics
import TextSupport

extension OrderAndChaos {
    /// How many ξ_c a network may be deep and still count as trainable in the trainability
    /// check, and how many make it too deep (Schoenholz et al.: signals reach about 6ξ_c).
    public static let trainableDepths = 2.0
    public static let untrainableDepths = 6.0

    /// The claims: the correlation of two inputs follows the iterated map in each phase, and the
    /// networks within a few ξ_c train where those beyond 6ξ_c do not.
    ///
    /// Correlation: one sample per network, the mean over its layers and input pairs of the
    /// pre-activations' correlation, Student's t over the networks. The map is the limit of
    /// infinite width; at width n a network's correlation differs from it by terms of order
    /// 1/√n that average out over networks and a bias of order 1/n, which the note states
    /// against the tolerance.
    public func checks(_ result: Result) -> [Check] {
        var checks = Phase.allCases.map { correlationCheck($0, result) }
        checks.append(trainabilityCheck(result))
        return checks
    }

    /// The networks of a phase that ran, by index.
    public func runs(_ result: Result, _ phase: Phase) -> [CorrelationRun] {
        result.runs.filter { $0.phase == phase && $0.correlations.count == parameters.depth }.sorted { $0.network < $1.network }
    }

    func correlationCheck(_ phase: Phase, _ result: Result) -> Check {
        let p = parameters
        let samples = runs(result, phase).map { Moments($0.correlations).mean }
        let variance = weightVariance(phase)
        let claim =
            "Tanh, σ_w² = \(NumberText.format(variance, digits: 3)), σ_b² = \(NumberText.format(p.biasVariance, digits: 3)) "
            + "(\(phase.rawValue)): two inputs of correlation \(NumberText.format(p.inputCorrelation, digits: 2)) keep, through "
            + "\(p.depth) layers, the correlation the iterated map gives; checked on its mean over the layers"
        return Check.studentT(
            id: "meanfield/correlation/\(phase.rawValue)", claim: claim, samples: samples,
            theory: Theory("σ_w²") { factor in Moments(theory(phase, factor: factor)).mean }, falseAlarmRate: p.falseAlarmRate,
            note: "one network of width \(p.width) per sample, \(p.pairs) input pairs each; bias of order 1/n = "
                + NumberText.format(1 / Double(p.width), digits: 2))
    }

    /// ξ_c at a σ_w² of the trainability map.
    public func correlationDepth(_ weightVariance: Double) -> Double {
        CorrelationMap(activation: .tanh, weightVariance: weightVariance, biasVariance: parameters.biasVariance).correlationDepth
    }

    /// The trainability map's networks within `trainableDepths`·ξ_c and beyond `untrainableDepths`·ξ_c;
    /// a diverged network counts at chance.
    public func trainabilityGroups(_ result: Result) -> (inside: [Double], beyond: [Double]) {
        let chance = result.classes > 0 ? 1 / Double(result.classes) : .nan
        var inside: [Double] = [], beyond: [Double] = []
        for cell in result.training {
            let scale = correlationDepth(cell.weightVariance)
            let accuracy = cell.accuracy ?? chance
            if Double(cell.depth) <= Self.trainableDepths * scale { inside.append(accuracy) }
            if Double(cell.depth) >= Self.untrainableDepths * scale { beyond.append(accuracy) }
        }
        return (inside, beyond)
    }

    func trainabilityCheck(_ result: Result) -> Check {
        let p = parameters
        let groups = trainabilityGroups(result)
        let claim =
            "Tanh networks of width \(p.trainWidth), σ_b² = \(NumberText.format(p.biasVariance, digits: 3)), after \(p.steps) SGD steps "
            + "on \(p.dataset.rawValue): those at most \(NumberText.format(Self.trainableDepths, digits: 1))ξ_c deep reach a higher "
            + "held-out accuracy than those at least \(NumberText.format(Self.untrainableDepths, digits: 1))ξ_c deep"
        return Check.exceeds(
            id: "meanfield/trainable-depth", claim: claim, larger: groups.inside, smaller: groups.beyond, falseAlarmRate: p.falseAlarmRate,
            note: "\(groups.inside.count) and \(groups.beyond.count) networks, one accuracy each")
    }
}
