import Numerics

/// The result grouped the way the checks and the handout read it.
extension Isometry {
    /// Every realisation of one weight kind and unit at one depth.
    public struct Cell: Sendable {
        public let kind: WeightKind
        public let unit: Unit
        public let depth: Int
        public let runs: [JacobianMoments]

        /// The mean over the realisations of one moment, and its standard error.
        public func statistic(_ value: KeyPath<JacobianMoments, Double>) -> (mean: Double, standardError: Double) {
            let moments = Moments(runs.map { $0[keyPath: value] })
            return (moments.mean, moments.standardError)
        }
    }

    public func cell(_ result: Result, _ kind: WeightKind, _ unit: Unit, depth: Int) -> Cell {
        let runs = result.moments.filter { $0.kind == kind && $0.unit == unit && $0.depth == depth }
        return Cell(kind: kind, unit: unit, depth: depth, runs: runs.sorted { $0.realisation < $1.realisation })
    }

    public var maxDepth: Int { parameters.depths.last ?? 0 }

    /// The singular values of every realisation of one weight kind at one depth, in the order of
    /// the realisations.
    public func spectrumValues(_ result: Result, _ kind: WeightKind, depth: Int) -> [Double] {
        result.spectra.filter { $0.kind == kind && $0.depth == depth }
            .sorted { $0.realisation < $1.realisation }.flatMap(\.singularValues)
    }
}
