import Charts
import Foundation
import Networks
import Numerics

extension Convergence {
    /// The runs of one curve: a setup, a rule and a normalisation, over the seeds.
    struct Curve {
        let setup: Setup
        let rule: InitializerChoice
        let batchNorm: Bool
        let runs: [Run]

        var label: String { rule.label + (setup.batchNorm.count > 1 ? (batchNorm ? ", batch norm" : ", no batch norm") : "") }

        /// Mean, least and largest over the seeds of a quantity at each evaluation step; runs
        /// that diverged before a step leave it (a visible gap when all have).
        func summary(_ value: (Point) -> Double) -> (steps: [Double], mean: [Double], low: [Double], high: [Double]) {
            let steps = Set(runs.flatMap { $0.points.map(\.step) }).sorted()
            var mean: [Double] = [], low: [Double] = [], high: [Double] = []
            for step in steps {
                let values = runs.compactMap { run in run.points.first { $0.step == step }.map(value) }.filter(\.isFinite)
                mean.append(values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count))
                low.append(values.min() ?? .nan)
                high.append(values.max() ?? .nan)
            }
            return (steps.map(Double.init), mean, low, high)
        }

        func final(_ value: (Point) -> Double) -> Double {
            let values = runs.compactMap { $0.points.last.map(value) }.filter(\.isFinite)
            return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        }
    }

    func curves(_ result: Result, setup: String) -> [Curve] {
        guard let setup = parameters.setups.first(where: { $0.name == setup }) else { return [] }
        return setup.batchNorm.flatMap { batchNorm in
            setup.rules.map { rule in
                Curve(setup: setup, rule: rule, batchNorm: batchNorm,
                      runs: result.runs.filter { $0.setup == setup.name && $0.rule == rule && $0.batchNorm == batchNorm }.sorted { $0.seed < $1.seed })
            }
        }
    }

    public func report(_ result: Result) -> ExperimentReport {
        var figures: [FigureSpec] = []
        for (setup, title, caption) in figureTexts {
            guard parameters.setups.contains(where: { $0.name == setup }) else { continue }
            figures.append(figure(result, setup: setup, title: title, caption: caption))
        }
        let travelled = distanceSetups.filter { entry in parameters.setups.contains { $0.name == entry.setup } }
        if !travelled.isEmpty { figures.append(distanceFigure(result, setups: travelled)) }
        return ExperimentReport(experiment: Self.id, figures: figures, numbers: numbers(result), checks: checks(result), tables: ["convergence": table(result)])
    }

    /// The setups whose distance travelled the handout shows: a small start against a
    /// variance-preserving one, and the standard rule against Glorot's.
    var distanceSetups: [(setup: String, title: String)] {
        [("bad-scale", "ReLU: small start and He, ± batch norm"), ("tanh", "tanh: standard rule and Glorot")]
    }

    var figureTexts: [(String, String, String)] {
        [
            ("deep-relu", "Thirty ReLU layers: only the rule made for them trains", "Held-out loss and accuracy while training a ReLU network of {{number convergence_deep_relu_depth digits=2}} hidden layers of {{number convergence_deep_relu_width digits=3}} units on the shapes data (SGD with momentum 0.9, learning rate {{number convergence_deep_relu_learning_rate digits=2}}, mini-batches of {{number convergence_batch digits=3}}). Lines: mean over {{number convergence_seeds digits=1}} seeds; bands: their range."),
            ("tanh", "Five tanh layers: the standard rule against Glorot's", "Held-out loss and accuracy of a tanh network of 5 hidden layers (learning rate {{number convergence_tanh_learning_rate digits=2}}); mean and range over seeds."),
            ("sigmoid", "Five logistic layers: the standard rule, the ×4 variant and Kumar's rule", "Held-out loss and accuracy of a logistic network of 5 hidden layers (learning rate {{number convergence_sigmoid_learning_rate digits=2}}) from the standard rule, from Glorot's rule with the bound multiplied by 4, and from Kumar's rule; mean and range over seeds."),
            ("deep-tanh", "Thirty tanh layers: Gaussian against orthogonal weights", "Held-out loss and accuracy of a tanh network of {{number convergence_deep_tanh_depth digits=2}} hidden layers of {{number convergence_deep_tanh_width digits=3}} units (learning rate {{number convergence_deep_tanh_learning_rate digits=2}}) from Glorot's normal rule and from orthogonal weights, both with $n\\,\\operatorname{Var}(W) = 1$; mean and range over seeds."),
            ("symmetry", "Zero weights never break the symmetry", "Held-out accuracy, and the spread of the incoming weights across the hidden units (the standard deviation over units, averaged over inputs; the largest over the layers), for zero weights and for Glorot's rule, in a logistic network of 2 hidden layers."),
            ("bad-scale", "A bad scale, with and without batch normalisation", "Held-out loss and accuracy of a ReLU network with weights $N(0, 0.01^2)$ and with He's rule, each without and with batch normalisation before every activation; mean and range over seeds."),
        ]
    }

    /// A panel of one quantity against the training step: per curve, the mean over seeds and
    /// a band over their range.
    /// `firstStyle`: the style of the first curve, so panels of one figure can keep theirs apart.
    func panel(_ curves: [Curve], _ quantity: String, y: Axis? = nil, title: String? = nil, firstStyle: Int = 0, _ value: (Point) -> Double) -> Panel {
        Panel(
            title: title, x: Axis("training step"), y: y ?? Axis(quantity),
            marks: curves.enumerated().flatMap { index, curve -> [Mark] in
                let s = curve.summary(value)
                let style = Style.cycled(firstStyle + index)
                return [
                    .band(Band(nil, x: s.steps, lower: s.low, upper: s.high, style: style)),
                    .line(Series(curve.label, x: s.steps, y: s.mean, style: style)),
                ]
            })
    }

    func figure(_ result: Result, setup name: String, title: String, caption: String) -> FigureSpec {
        let curves = curves(result, setup: name)
        let panels = name == "symmetry"
            ? [panel(curves, "held-out accuracy") { $0.heldOutAccuracy }, panel(curves, "spread across units") { $0.unitSpread }]
            : [panel(curves, "held-out loss") { $0.heldOutLoss }, panel(curves, "held-out accuracy") { $0.heldOutAccuracy }]
        var data = DataTable(columns: ["setup", "rule", "batch_norm", "seed", "step", "held_out_loss", "held_out_accuracy", "unit_spread"])
        for curve in curves {
            for run in curve.runs {
                for point in run.points {
                    data.append([.text(name), .text(curve.rule.label), .flag(curve.batchNorm), .integer(run.seed), .integer(point.step),
                                 .number(point.heldOutLoss), .number(point.heldOutAccuracy), .number(point.unitSpread)])
                }
            }
        }
        let alt = curves.map { curve in
            let diverged = curve.runs.filter { $0.divergedAt != nil }.count
            return "\(curve.label): final held-out accuracy \(NumberText.format(curve.final { $0.heldOutAccuracy }, digits: 2))" + (diverged > 0 ? " (\(diverged) of \(curve.runs.count) runs diverged)" : "")
        }.joined(separator: "; ")
        let chart = Figure(title: title, description: "Training curves: \(alt).", size: Size(width: 560, height: 260), columns: 2, panels: panels, legend: .shared, sharedAxes: .x)
        return FigureSpec(id: "convergence-\(name)", title: title, caption: caption, alt: "Two line charts against the training step, with bands over seeds. \(alt).", chart: chart, data: data)
    }

    /// How far the weights move while they train, relative to where they start, one panel a setup.
    func distanceFigure(_ result: Result, setups: [(setup: String, title: String)]) -> FigureSpec {
        var data = DataTable(columns: ["setup", "rule", "batch_norm", "seed", "step", "distance"])
        var panels: [Panel] = []
        var alt: [String] = []
        for (name, panelTitle) in setups {
            let curves = curves(result, setup: name)
            // The first evaluation is the start itself, at distance 0, which a log axis cannot show.
            panels.append(panel(curves, "‖W − W₀‖ / ‖W₀‖", y: Axis("‖W − W₀‖ / ‖W₀‖", scale: .log10), title: panelTitle, firstStyle: alt.count) { $0.step > 0 ? $0.distance : .nan })
            for curve in curves {
                for run in curve.runs {
                    for point in run.points {
                        data.append([.text(name), .text(curve.rule.label), .flag(curve.batchNorm), .integer(run.seed), .integer(point.step), .number(point.distance)])
                    }
                }
                alt.append("\(name), \(curve.label): \(NumberText.format(curve.final { $0.distance }, digits: 2)) after training")
            }
        }
        let title = "How far the weights travel"
        let chart = Figure(title: title, description: "Relative distance travelled: \(alt.joined(separator: "; ")).", size: Size(width: 560, height: 280), columns: setups.count, panels: panels, legend: .shared)
        return FigureSpec(
            id: "convergence-distance", title: title,
            caption: "The distance the weights have moved from their initial values, relative to the size of those values ($\\lVert W_t - W_0 \\rVert / \\lVert W_0 \\rVert$ over all layers, Frobenius norms), while training the networks of the batch-normalisation comparison (left) and of the tanh comparison (right); mean and range over seeds, log scale.",
            alt: "Line charts of the relative distance travelled against the training step, one per setup. \(alt.joined(separator: "; ")).", chart: chart, data: data)
    }

    func numbers(_ result: Result) -> [String: Double] {
        var numbers: [String: Double] = [
            "convergence_seeds": Double(parameters.seeds), "convergence_batch": Double(parameters.batch),
            "convergence_training_samples": Double(parameters.trainingSamples), "convergence_held_out_samples": Double(parameters.heldOutSamples),
            "chance_accuracy": 1.0 / 9, "chance_loss": log(9.0),
        ]
        if let deep = parameters.setups.first(where: { $0.name == "deep-relu" }) {
            // What L ReLU layers do to the standard deviation when each halves the variance
            // (LeCun, Glorot at equal widths) or divides it by 6 (the rule of the question).
            numbers["convergence_deep_relu_halving_scale"] = pow(2, -Double(deep.depth) / 2)
            numbers["convergence_deep_relu_sixth_scale"] = pow(6, -Double(deep.depth) / 2)
        }
        for setup in parameters.setups {
            let key = setup.name.replacingOccurrences(of: "-", with: "_")
            numbers["convergence_\(key)_depth"] = Double(setup.depth)
            numbers["convergence_\(key)_width"] = Double(setup.width)
            numbers["convergence_\(key)_steps"] = Double(setup.steps)
            numbers["convergence_\(key)_learning_rate"] = setup.learningRate
            for curve in curves(result, setup: setup.name) {
                let rule = "\(curve.rule.rule.rawValue)\(curve.batchNorm ? "_bn" : "")".replacingOccurrences(of: "-", with: "_")
                numbers["convergence_\(key)_\(rule)_accuracy"] = curve.final { $0.heldOutAccuracy }
                numbers["convergence_\(key)_\(rule)_loss"] = curve.final { $0.heldOutLoss }
                numbers["convergence_\(key)_\(rule)_spread"] = curve.final { $0.unitSpread }
                // A zero start has no size for the distance to be relative to.
                let distance = curve.final { $0.distance }
                if distance.isFinite { numbers["convergence_\(key)_\(rule)_distance"] = distance }
                numbers["convergence_\(key)_\(rule)_diverged"] = Double(curve.runs.filter { $0.divergedAt != nil }.count)
            }
        }
        return numbers
    }

    /// Zero weights leave the hidden units identical through training: each unit computes the
    /// same output and receives the same gradient, so the updates are the same too. Float
    /// arithmetic is the only source of difference, so the tolerance is a millionth of the
    /// spread a random start keeps.
    public func checks(_ result: Result) -> [Check] {
        let curves = curves(result, setup: "symmetry")
        guard let zeros = curves.first(where: { $0.rule.rule == .zeros }), let other = curves.first(where: { $0.rule.rule != .zeros }) else { return [] }
        let spread = zeros.runs.flatMap { $0.points.map(\.unitSpread) }.max() ?? .nan
        // An identity, nothing to perturb.
        return [Check.exact(
            id: "convergence/symmetry/zeros",
            claim: "Zero weights: after \(zeros.setup.steps) steps of training the hidden units are still identical (spread across units)",
            expected: 0, measured: spread, bound: 1e-6 * other.final { $0.unitSpread },
            basis: "identical units get identical updates; 10⁻⁶ of a random start's spread allows for the order of float operations")]
    }

    func table(_ result: Result) -> DataTable {
        var table = DataTable(columns: ["setup", "rule", "batch_norm", "seed", "epoch", "step", "train_loss", "held_out_loss", "test_accuracy", "unit_spread", "distance", "diverged"])
        for run in result.runs {
            for point in run.points {
                table.append([
                    .text(run.setup), .text(run.rule.label), .flag(run.batchNorm), .integer(run.seed),
                    .number(Double(point.step * parameters.batch) / Double(parameters.trainingSamples)), .integer(point.step),
                    .number(point.trainingLoss ?? .nan), .number(point.heldOutLoss), .number(point.heldOutAccuracy), .number(point.unitSpread),
                    .number(point.distance), .flag(run.divergedAt != nil),
                ])
            }
        }
        return table
    }
}
