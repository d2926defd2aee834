import Experiments
import Foundation

extension SELUPresenter {
    /// The sizes, and the fixed point's attraction as the prose quotes it.
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("selu_width") { Double($0.parameters.width) },
        NamedNumber("selu_depth") { Double($0.parameters.depth) },
        NamedNumber("selu_realisations") { Double($0.parameters.realisations) },
        NamedNumber("selu_fixed_mean") { _ in SELUMap.oneLayer(inputSecondMoment: 1).mean },
        NamedNumber("selu_fixed_second_moment") { _ in SELUMap.oneLayer(inputSecondMoment: 1).secondMoment },
        NamedNumber("selu_high_first_mean") { $0.mapValue(start: 1, layer: 1) { $0.mean } },
        NamedNumber("selu_high_first_variance") { $0.mapValue(start: 1, layer: 1) { $0.variance } },
        NamedNumber("selu_low_first_variance") { $0.mapValue(start: 2, layer: 1) { $0.variance } },
        NamedNumber("selu_high_last_variance") { $0.measuredLast(start: 1) { $0.variance } },
        NamedNumber("selu_low_last_variance") { $0.measuredLast(start: 2) { $0.variance } },
        NamedNumber("selu_high_last_mean") { $0.measuredLast(start: 1) { $0.mean } },
        NamedNumber("selu_layers_to_tenth") { $0.layersToWithin(0.1, start: 1) },
        // dE[selu(√q z)²]/dq at q = 1, by a central difference: the factor by which each layer
        // shrinks the distance of q from 1 near the fixed point.
        NamedNumber("selu_contraction") { _ in contraction },
        NamedNumber("selu_depth_scale") { _ in -1 / log(contraction) },
    ]

    static var contraction: Double {
        let h = 1e-4
        let above = SELUMap.oneLayer(inputSecondMoment: 1 + h).secondMoment
        let below = SELUMap.oneLayer(inputSecondMoment: 1 - h).secondMoment
        return (above - below) / (2 * h)
    }

    func mapValue(start index: Int, layer: Int, _ value: (SELUMap.Moments) -> Double) -> Double? {
        guard parameters.starts.indices.contains(index) else { return nil }
        let map = experiment.theory(parameters.starts[index])
        return map.indices.contains(layer) ? value(map[layer]) : nil
    }

    func measuredLast(start index: Int, _ value: (SELU.Layer) -> Double) -> Double? {
        guard parameters.starts.indices.contains(index) else { return nil }
        let runs = experiment.runs(result, parameters.starts[index])
        guard !runs.isEmpty else { return nil }
        return runs.compactMap { $0.layers.last.map(value) }.reduce(0, +) / Double(runs.count)
    }

    /// The first layer at which the map's variance from a start is within `distance` of 1, however
    /// deep the networks measured.
    func layersToWithin(_ distance: Double, start index: Int) -> Double? {
        guard parameters.starts.indices.contains(index) else { return nil }
        return SELUMap.iterate(from: parameters.starts[index], layers: 200).firstIndex { abs($0.variance - 1) < distance }.map(Double.init)
    }
}
