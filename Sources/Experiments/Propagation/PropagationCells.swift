import Initializers
import Networks
import Numerics

extension Propagation {
    public enum Pass: String, Sendable {
        case forward, backward
    }

    /// One cell of the grid: every realisation of one activation, rule and normalisation.
    public struct Cell: Sendable {
        public let activation: Activation
        public let rule: InitializerChoice
        public let batchNorm: Bool
        let runs: [GridRun]

        public func layers(_ pass: Pass) -> [[LayerStatistics]] {
            runs.map { pass == .forward ? $0.forward : $0.backward }
        }

        /// The mean over realisations of each layer's second moment.
        public func meanSecondMoments(_ pass: Pass) -> [Double] {
            let all = layers(pass)
            guard let depth = all.first?.count else { return [] }
            return (0..<depth).map { layer in all.reduce(0.0) { $0 + $1[layer].secondMoment } / Double(all.count) }
        }

        /// Per realisation, the mean over consecutive layers (from hidden layer `start` on,
        /// counting from 0) of the factor by which the second moment changes in the direction
        /// of the pass: q_{l+1}/q_l forward, g_l/g_{l+1} backward. Unlike the ratio of the last
        /// layer to the first (a product of noisy factors) or its geometric mean (E[log r] is not
        /// log E[r]), each ratio has an expectation that is exact at finite width wherever the
        /// weights that make the numerator are independent of the denominator: see `checks`.
        func perLayerRatios(_ pass: Pass, from start: Int = 0) -> [Double] {
            layers(pass).compactMap { all -> Double? in
                let values = all.dropFirst(start).map(\.secondMoment)
                guard values.count > 1, values.allSatisfy({ $0 > 0 }) else { return nil }
                let ratios = zip(values, values.dropFirst()).map { pass == .forward ? $1 / $0 : $0 / $1 }
                return ratios.reduce(0, +) / Double(ratios.count)
            }
        }

        /// The factor per layer, averaged over the layers and the realisations.
        func perLayerFactor(_ pass: Pass, from start: Int = 0) -> Double {
            Moments(perLayerRatios(pass, from: start)).mean
        }
    }

    /// The grid's runs grouped into cells, in the order of the configuration.
    public func cells(_ result: Result) -> [Cell] {
        var cells: [Cell] = []
        for activation in parameters.grid.activations {
            for batchNorm in [false, true] {
                for rule in parameters.grid.rules {
                    let runs = result.grid.filter { $0.activation == activation && $0.rule == rule && $0.batchNorm == batchNorm }
                        .sorted { $0.realisation < $1.realisation }
                    if !runs.isEmpty { cells.append(Cell(activation: activation, rule: rule, batchNorm: batchNorm, runs: runs)) }
                }
            }
        }
        return cells
    }

    /// The cell of a rule without an activation gain, if the grid has it.
    public func cell(_ cells: [Cell], _ activation: Activation, _ rule: RuleID, batchNorm: Bool = false) -> Cell? {
        cells.first { $0.activation == activation && $0.rule.rule == rule && !$0.rule.activationGain && $0.batchNorm == batchNorm }
    }
}
