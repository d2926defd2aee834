import Experiments
import Networks

/// The critical line of tanh, χ₁ = 1 at the fixed point of the length map, as
/// `data/criticality.csv`: computed from the theory alone, so it is the same at every seed.
extension PropagationPresenter {
    var criticalityTable: DataTable {
        var table = DataTable(columns: ["activation", "sigma_b2", "sigma_w2_critical", "q_star"])
        let activation = Activation.tanh
        for point in Criticality(activation: activation).line() {
            table.append([.text(activation.name), .number(point.biasVariance), .number(point.weightVariance), .number(point.fixedPoint)])
        }
        return table
    }
}
