import Networks
import TextSupport

extension LSUVStart {
    /// What LSUV guarantees, as exact claims over every LSUV run of a setup: every layer ends
    /// within the tolerance (the loop stops only there or at the cap, and a capped layer fails
    /// this); and, since Var(a/√s) = Var(a)/s, with zero biases every layer needs at most one
    /// rescaling, which lands on 1 up to the rounding of float32 products summed in double.
    /// The training runs are shown, not checked: at these sizes the starts end within the
    /// spread of the seeds, and no difference is claimed.
    public func checks(_ result: Result) -> [Check] {
        var checks: [Check] = []
        for setup in parameters.setups {
            let reports = runs(result, setup, .lsuv).compactMap(\.lsuv)
            let layers = reports.flatMap(\.layers)
            let name = "\(setup.name), \(setup.depth) layers of \(setup.width), orthogonal then LSUV on \(parameters.lsuvBatch) digits"
            let worst = layers.map(\.finalVariance).max { abs($0 - 1) < abs($1 - 1) } ?? .nan
            checks.append(
                Check.exact(
                    id: "lsuv/\(setup.name)/within-tolerance",
                    claim: "\(name): every layer's output variance ends within 1 ± \(NumberText.format(parameters.tolerance, digits: 2))",
                    expected: 1, measured: layers.isEmpty ? .nan : worst, bound: parameters.tolerance,
                    basis: "the loop stops only inside the tolerance or at the cap; the layer farthest from 1 over \(reports.count) runs"))
            checks.append(
                Check.exact(
                    id: "lsuv/\(setup.name)/iterations",
                    claim: "\(name): with zero biases no layer needs more than one rescaling",
                    expected: 1, measured: layers.isEmpty ? .nan : Double(layers.map(\.iterations).max() ?? 0), bound: 0,
                    basis: "Var(a/√s) = Var(a)/s; the most rescalings of any layer over \(reports.count) runs"))
            let rescaled = layers.filter { $0.iterations == 1 }
            checks.append(
                Check.exact(
                    id: "lsuv/\(setup.name)/one-step",
                    claim: "\(name): one rescaling lands on Var = 1 up to rounding",
                    expected: 1,
                    measured: rescaled.isEmpty ? .nan : rescaled.map(\.finalVariance).max { abs($0 - 1) < abs($1 - 1) } ?? .nan,
                    bound: Self.roundingBound,
                    basis: "float32 products summed in double; the farthest from 1 of \(rescaled.count) rescaled layers"))
        }
        return checks
    }

    /// A bound on |Var − 1| after one rescaling: the rescaled weights and the products are
    /// rounded to float32 (relative 6·10⁻⁸ each, a few per term, summed over at most 8192
    /// terms with errors of random sign); 10⁻⁴ is over a hundred times what that gives.
    static let roundingBound = 1e-4
}
