/// The runs grouped the way the check and the handout read them.
extension Convergence {
    /// The runs of one curve: a setup, a rule and a normalisation, over the seeds.
    public struct Curve: Sendable {
        public let setup: Setup
        public let rule: InitializerChoice
        public let batchNorm: Bool
        public let runs: [Run]

        /// The mean over the seeds of a quantity at the last evaluation; runs that diverged
        /// before it are left out, and none left is not a number.
        public func final(_ value: (Point) -> Double) -> Double {
            let values = finals(value)
            return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        }

        /// A quantity at the last evaluation of each run that reached it, one value per seed:
        /// the samples the checks compare.
        public func finals(_ value: (Point) -> Double) -> [Double] {
            runs.filter { $0.divergedAt == nil }.compactMap { $0.points.last.map(value) }.filter(\.isFinite)
        }

        /// Per seed, the first evaluated step at which the held-out accuracy reached `target`;
        /// nil for a run that never did (or diverged first).
        public func stepsToReach(_ target: Double) -> [Int?] {
            runs.map { run in run.points.first { $0.heldOutAccuracy >= target }?.step }
        }
    }

    /// The curves of one setup, without batch normalisation first; none if the parameters have
    /// no such setup.
    public func curves(_ result: Result, setup: String) -> [Curve] {
        guard let setup = parameters.setups.first(where: { $0.name == setup }) else { return [] }
        return setup.batchNorm.flatMap { batchNorm in
            setup.rules.map { rule in
                let runs = result.runs.filter { $0.setup == setup.name && $0.rule == rule && $0.batchNorm == batchNorm }
                return Curve(setup: setup, rule: rule, batchNorm: batchNorm, runs: runs.sorted { $0.seed < $1.seed })
            }
        }
    }
}

extension Convergence.Setup {
    /// The network in a few words, as the tables and the claims name it: "30 × 256 ReLU".
    public var shape: String {
        let activation =
            switch self.activation {
            case .sigmoid: "logistic"
            case .relu: "ReLU"
            default: self.activation.name
            }
        return "\(depth) × \(width) \(activation)"
    }
}
