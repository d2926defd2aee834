import Charts
import Foundation
import Initializers
import Networks
import Numerics

/// What the propagation result becomes: figures, numbers, checks and the tidy tables.
extension Propagation {
    enum Pass: String {
        case forward, backward
    }

    /// One cell of the grid: every realisation of one activation, rule and normalisation.
    struct Cell {
        let activation: Activation
        let rule: InitializerChoice
        let batchNorm: Bool
        let runs: [GridRun]

        func layers(_ pass: Pass) -> [[LayerStatistics]] {
            runs.map { pass == .forward ? $0.forward : $0.backward }
        }

        /// The mean over realisations of each layer's second moment.
        func meanSecondMoments(_ pass: Pass) -> [Double] {
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

    func cells(_ result: Result) -> [Cell] {
        var cells: [Cell] = []
        for activation in parameters.grid.activations {
            for batchNorm in [false, true] {
                for rule in parameters.grid.rules {
                    let runs = result.grid.filter { $0.activation == activation && $0.rule == rule && $0.batchNorm == batchNorm }.sorted { $0.realisation < $1.realisation }
                    if !runs.isEmpty { cells.append(Cell(activation: activation, rule: rule, batchNorm: batchNorm, runs: runs)) }
                }
            }
        }
        return cells
    }

    /// σ_w² = fan_in · Var(W) of every layer of a grid network, hidden and output, by the rule.
    func weightScales(_ rule: InitializerChoice, _ activation: Activation) -> [Double] {
        let n = parameters.grid.width
        let variance = (try? rule.rule(for: activation))?.variance(for: Fans(fanIn: n, fanOut: n)) ?? 0
        return Array(repeating: Double(n) * variance, count: parameters.grid.depth + 1)
    }

    /// The mean-field theory of a cell; none with batch normalisation, which it does not model.
    func theory(_ cell: Cell, _ pass: Pass) -> [Double]? {
        // Nor for the identity, whose weights are not random and have no variance to use.
        let scales = weightScales(cell.rule, cell.activation)
        guard !cell.batchNorm, scales.allSatisfy({ $0 > 0 }) else { return nil }
        let field = MeanField(activation: cell.activation, weightScales: scales)
        return pass == .forward ? field.forward() : field.backward()
    }

    public func report(_ result: Result) -> ExperimentReport {
        let cells = cells(result)
        return ExperimentReport(
            experiment: Self.id,
            figures: [
                gridFigure(cells, .forward), gridFigure(cells, .backward), batchNormFigure(cells),
                histogramFigure(result, gradients: false), histogramFigure(result, gradients: true), scaleFigure(result),
                distributionFigure(result),
            ],
            numbers: numbers(cells, result),
            checks: checks(cells),
            tables: ["propagation": table(cells, result), "propagation-histograms": histogramTable(result)])
    }

    // MARK: Checks and numbers

    public func checks(_ result: Result) -> [Check] {
        checks(cells(result))
    }

    func cell(_ cells: [Cell], _ activation: Activation, _ rule: RuleID, batchNorm: Bool = false) -> Cell? {
        cells.first { $0.activation == activation && $0.rule.rule == rule && !$0.rule.activationGain && $0.batchNorm == batchNorm }
    }

    struct FactorClaim {
        let activation: Activation
        let rule: RuleID
        let pass: Pass
        let expected: Double
        let claim: String
        /// The theory constant the factor is proportional to, as the power test names it; nil
        /// for the identity, whose claim is exact.
        let constant: String?
        /// The first hidden layer the factor is measured from.
        var from = 0
    }

    var factorClaims: [FactorClaim] {
        // For linear units the factor per layer is σ_w² = fan_in · Var(W), whatever the rule.
        func scale(_ rule: RuleID) -> Double {
            parameters.grid.rules.first { $0.rule == rule }.map { weightScales($0, .linear)[0] } ?? .nan
        }
        return [
            FactorClaim(activation: .linear, rule: .normal, pass: .forward, expected: scale(.normal), claim: "N(0, σ²), linear units, width \(parameters.grid.width): the variance changes by n·σ² = \(NumberText.format(scale(.normal), digits: 3)) per layer", constant: "Var(W) = σ²"),
            FactorClaim(activation: .linear, rule: .sparse, pass: .forward, expected: scale(.sparse), claim: "Sparse, k N(0, 1) weights per unit, linear units: the variance grows by k = \(NumberText.format(scale(.sparse), digits: 3)) per layer, whatever the width", constant: "k"),
            FactorClaim(activation: .linear, rule: .identity, pass: .forward, expected: 1, claim: "Identity, linear units: every layer passes its input on unchanged (factor 1)", constant: nil),
            FactorClaim(activation: .relu, rule: .identity, pass: .forward, expected: 1, claim: "Identity, ReLU units: from the second layer on the inputs are non-negative and pass unchanged (factor 1)", constant: nil, from: 1),
            FactorClaim(activation: .linear, rule: .fanInUniform, pass: .forward, expected: 1.0 / 3, claim: "U(−1/√n, 1/√n), linear units: the variance of the pre-activations shrinks by n·Var(W) = 1/3 per layer", constant: "Var U(−b, b) = b²/3"),
            FactorClaim(activation: .linear, rule: .fanInUniform, pass: .backward, expected: 1.0 / 3, claim: "U(−1/√n, 1/√n), linear units: the gradient variance shrinks by 1/3 per layer going back", constant: "Var U(−b, b) = b²/3"),
            FactorClaim(activation: .linear, rule: .glorotUniform, pass: .forward, expected: 1, claim: "Glorot uniform at equal widths, linear units: the forward variance is kept (factor 1 per layer)", constant: "Glorot's Var(W) = 2/(n_in + n_out)"),
            FactorClaim(activation: .linear, rule: .glorotUniform, pass: .backward, expected: 1, claim: "Glorot uniform at equal widths, linear units: the gradient variance is kept (factor 1 per layer)", constant: "Glorot's Var(W) = 2/(n_in + n_out)"),
            FactorClaim(activation: .relu, rule: .lecunNormal, pass: .forward, expected: 0.5, claim: "LeCun normal, ReLU units: E[relu(y)²] = Var(y)/2 halves the variance at every layer", constant: "ReLU's ½"),
            FactorClaim(activation: .relu, rule: .glorotUniform, pass: .forward, expected: 0.5, claim: "Glorot uniform at equal widths, ReLU units: the variance halves at every layer", constant: "ReLU's ½"),
            FactorClaim(activation: .relu, rule: .heNormal, pass: .forward, expected: 1, claim: "He normal, ReLU units: Var(W) = 2/n keeps the forward variance (factor 1 per layer)", constant: "He's σ_w² = 2"),
            FactorClaim(activation: .relu, rule: .heNormal, pass: .backward, expected: 1, claim: "He normal, ReLU units: the gradient variance is kept going back", constant: "He's σ_w² = 2"),
        ]
    }

    /// Why the expectations are exact at the width measured. Forward, given layer l the next
    /// pre-activations a_{l+1} = W h_l have E[q_{l+1} | layer l] = n·Var(W)·E_batch[h_l²] for any
    /// zero-mean weights with uncorrelated entries (Gaussian, uniform, sparse; orthogonal
    /// exactly), so for linear units E[q_{l+1}/q_l] = n·Var(W). For ReLU, flipping the sign of
    /// W_l (whose law is symmetric) maps h_l² to the other half of a_l², so E[E_batch h_l²/q_l]
    /// = ½ exactly and E[q_{l+1}/q_l] = n·Var(W)/2. Backward through linear units,
    /// g_l = W_{l+1}ᵀ g_{l+1} with g_{l+1} made of the layers above only, so
    /// E[g_l/g_{l+1}] = fan_out·Var(W). Through ReLU units the masks make the gradient depend
    /// on the same weights, and a ratio of layers has no exact expectation; the gradient's
    /// second moment itself has one (`firstLayerGradientCheck`).
    func checks(_ cells: [Cell]) -> [Check] {
        let alpha = parameters.falseAlarmRate
        let realisations = "mean over \(parameters.grid.depth - 1) layer ratios per network"
        var checks: [Check] = []
        for claim in factorClaims {
            guard let cell = cell(cells, claim.activation, claim.rule) else { continue }
            let id = "propagation/factor/\(claim.activation.id)/\(claim.rule.rawValue)/\(claim.pass.rawValue)"
            if claim.pass == .backward && claim.activation != .linear {
                if let check = firstLayerGradientCheck(cell, id: id, claim: claim) { checks.append(check) }
            } else if let constant = claim.constant {
                checks.append(Check.studentT(
                    id: id, claim: claim.claim, samples: cell.perLayerRatios(claim.pass, from: claim.from),
                    theory: .proportional(constant, claim.expected), falseAlarmRate: alpha, note: realisations))
            } else {
                // The identity copies each value exactly in floating point, so every ratio is 1
                // to the last bit; the bound allows for the rounding of their mean in Double.
                checks.append(Check.exact(
                    id: id, claim: claim.claim, expected: claim.expected, measured: cell.perLayerFactor(claim.pass, from: claim.from),
                    bound: 8 * Double.ulpOfOne, basis: "floating-point copies are exact"))
            }
        }
        // The length map of tanh and logistic units (figures and numbers) holds at infinite
        // width only: at finite width each sample's q fluctuates by about √(2/n) through a
        // curved map, and uniform weights give pre-activations that are not Gaussian, which
        // moves Var(a) by O(1/n) with no closed form. It is shown, not checked.
        checks += batchNormChecks(cells)
        return checks
    }

    /// He's backward claim as a statement that is exact at finite width for Gaussian weights:
    /// E[Var(∂L/∂a_1)] equals the mean-field value. Given h_l and a_{l+1} = W h_l, the part of
    /// W orthogonal to h_l is independent, so E[‖g_l‖² | …] = Var(W)·(|active_l| − 1)·‖g_{l+1}‖²
    /// + ‖out‖²/‖h_l‖² (the last term because a ReLU network is positively homogeneous,
    /// a_{l+1}·g_{l+1} = out·g_out); the Jacobian above layer l depends on a_{l+1} only through
    /// its direction, so by induction both terms add up to the mean-field recursion exactly.
    func firstLayerGradientCheck(_ cell: Cell, id: String, claim: FactorClaim) -> Check? {
        guard let constant = claim.constant, let first = theory(cell, .backward)?.first else { return nil }
        let scales = weightScales(cell.rule, cell.activation)
        let activation = cell.activation
        let samples = cell.layers(.backward).compactMap { $0.first?.secondMoment }
        return Check.studentT(
            id: id, claim: claim.claim + ": E[Var(∂L/∂a₁)] = \(NumberText.format(first, digits: 3)), the mean-field value, exact for Gaussian weights",
            samples: samples,
            theory: Theory(constant) { factor in
                MeanField(activation: activation, weightScales: scales.map { $0 * factor }).backward().first ?? .nan
            },
            falseAlarmRate: parameters.falseAlarmRate, note: "Var(∂L/∂a₁) per network")
    }

    /// Batch normalisation before ReLU: whatever the rule and the depth, the last layer's
    /// pre-activations have the variance one layer gives the normalised values x̂:
    /// E[q_L | layer L−1] = n·Var(W)·E_batch[relu(x̂)²], and flipping the sign of W_{L−1} flips
    /// x̂ (batch normalisation is odd), so E[q_L / E_batch[x̂²]] = σ_w²/2 exactly, where
    /// E_batch[x̂²] = s²/(s² + ε) is recorded for each network.
    func batchNormChecks(_ cells: [Cell]) -> [Check] {
        let depth = parameters.grid.depth
        return cells.filter { $0.batchNorm && $0.activation == .relu }.compactMap { cell -> Check? in
            // The identity has no variance to state the claim with.
            guard depth >= 2, let scale = weightScales(cell.rule, cell.activation).last, scale > 0 else { return nil }
            let samples = cell.runs.compactMap { run -> Double? in
                guard run.forward.count == depth, run.normalizedSecondMoments.count == depth else { return nil }
                return run.forward[depth - 1].secondMoment / run.normalizedSecondMoments[depth - 2]
            }
            return Check.studentT(
                id: "propagation/batchnorm/relu/\(cell.rule.rule.rawValue)\(cell.rule.activationGain ? "-gain" : "")",
                claim: "\(cell.rule.label), batch normalisation before ReLU: Var(a) at layer \(depth) is σ_w²/2 = n·Var(W)/2 times the mean square s²/(s² + ε) of the normalised values, whatever the depth",
                samples: samples, theory: .proportional("ReLU's ½", scale / 2), falseAlarmRate: parameters.falseAlarmRate,
                note: "Var(a_L)/E[x̂²] per network")
        }
    }

    func numbers(_ cells: [Cell], _ result: Result) -> [String: Double] {
        var numbers: [String: Double] = [
            "propagation_depth": Double(parameters.grid.depth),
            "propagation_width": Double(parameters.grid.width),
            "propagation_batch": Double(parameters.grid.batch),
            "propagation_realisations": Double(parameters.grid.realisations),
            "glorot_width": Double(parameters.histograms.width),
            "glorot_depth": Double(parameters.histograms.depth),
            "relu_scale_width": Double(parameters.reluScale.width),
            "fan_in_uniform_shrink_over_depth": pow(1.0 / 3, Double(parameters.grid.depth - 1)),
        ]
        for claim in factorClaims {
            guard let cell = cell(cells, claim.activation, claim.rule) else { continue }
            numbers["factor_\(claim.activation.id)_\(claim.rule.rawValue.replacingOccurrences(of: "-", with: "_"))_\(claim.pass.rawValue)"] = cell.perLayerFactor(claim.pass, from: claim.from)
        }
        for cell in cells {
            let key = "\(cell.activation.id)_\(cell.rule.rule.rawValue)\(cell.rule.activationGain ? "_gain" : "")\(cell.batchNorm ? "_bn" : "")"
                .replacingOccurrences(of: "-", with: "_")
            numbers["last_forward_\(key)"] = cell.meanSecondMoments(.forward).last ?? .nan
            numbers["first_backward_\(key)"] = cell.meanSecondMoments(.backward).first ?? .nan
        }
        numbers.merge(Self.kumarSigmoidNumbers) { _, new in new }
        for run in result.reluScale {
            let key = String(format: "%.2f", run.standardDeviation).replacingOccurrences(of: ".", with: "")
            numbers["relu_scale_\(key)_last_rms"] = (run.outputSecondMoments.last ?? .nan).squareRoot()
            numbers["relu_scale_\(key)_factor"] = 0.5 * Double(parameters.reluScale.width) * run.standardDeviation * run.standardDeviation
        }
        return numbers
    }

    /// Kumar's rule for logistic units assumes a post-activation variance of 1, which a logistic
    /// unit, bounded in (0, 1), cannot have. Where its weights really take the signal: the fixed
    /// point q* of the length map at σ_w² = n·Var(W) = 12.8, reached within a few layers.
    static var kumarSigmoidNumbers: [String: Double] {
        let n = 1000
        let scale = Double(n) * ((try? Rule(.kumar))?.variance(for: Fans(fanIn: n, fanOut: n)) ?? .nan)
        let q = MeanField(activation: .sigmoid, weightScales: Array(repeating: scale, count: 101)).forward().last ?? .nan
        return [
            "kumar_sigmoid_scale": scale,
            "kumar_sigmoid_fixed_point": q,
            "kumar_sigmoid_fixed_point_std": q.squareRoot(),
            // E[σ(a)] = 1/2 by the symmetry σ(−a) = 1 − σ(a), so Var σ(a) = E[σ(a)²] − 1/4 = q*/σ_w² − 1/4.
            "kumar_sigmoid_output_variance": q / scale - 0.25,
            "kumar_sigmoid_percent_outside_four": 100 * StandardNormal.twoSidedTail(4 / q.squareRoot()),
        ]
    }

    // MARK: Tables

    func table(_ cells: [Cell], _ result: Result) -> DataTable {
        var table = DataTable(columns: [
            "activation", "rule", "batch_norm", "depth", "width", "layer", "pass", "variance_measured", "variance_theory",
            "mean", "p98_abs", "saturated_fraction", "standard_error",
        ])
        for cell in cells {
            for pass in [Pass.forward, .backward] {
                let theory = theory(cell, pass)
                let all = cell.layers(pass)
                for layer in 0..<(all.first?.count ?? 0) {
                    let values = all.map { $0[layer] }
                    let second = Moments(values.map(\.secondMoment))
                    table.append([
                        .text(cell.activation.name), .text(cell.rule.label), .flag(cell.batchNorm), .integer(parameters.grid.depth),
                        .integer(parameters.grid.width), .integer(layer + 1), .text(pass.rawValue), .number(second.mean),
                        .number(theory?[layer] ?? .nan), .number(Moments(values.map(\.mean)).mean),
                        .number(Moments(values.map(\.percentile98)).mean), .number(Moments(values.map(\.saturatedFraction)).mean),
                        .number(second.standardError),
                    ])
                }
            }
        }
        return table
    }

    func histogramTable(_ result: Result) -> DataTable {
        var table = DataTable(columns: ["activation", "rule", "layer", "pass", "bin_left", "bin_right", "density"])
        for run in result.histograms {
            for (pass, edges, densities) in [("forward", run.activationEdges, run.activationDensities), ("backward", run.gradientEdges, run.gradientDensities)] {
                for (layer, density) in densities.enumerated() {
                    for bin in density.indices {
                        table.append([.text("tanh"), .text(run.rule.label), .integer(layer + 1), .text(pass), .number(edges[bin]), .number(edges[bin + 1]), .number(density[bin])])
                    }
                }
            }
        }
        return table
    }

    // MARK: Figures

    static let activationTitles: [String: String] = ["linear": "linear", "tanh": "tanh", "sigmoid": "logistic σ", "relu": "ReLU"]

    func seriesMarks(_ cell: Cell, _ pass: Pass, color: Int) -> [Mark] {
        let measured = cell.meanSecondMoments(pass)
        let layers = measured.indices.map { Double($0 + 1) }
        var marks: [Mark] = [.line(Series(cell.rule.label, x: layers, y: measured, style: Style(color: color, marker: Self.markers[color % Self.markers.count])))]
        if let theory = theory(cell, pass) {
            marks.append(.line(Series(nil, x: layers, y: theory, style: Style(color: color, dash: .dashed, lineWidth: 1))))
        }
        return marks
    }

    static let markers: [Marker] = [.circle, .square, .triangle, .diamond, .cross, .circle]

    func gridFigure(_ cells: [Cell], _ pass: Pass) -> FigureSpec {
        let forward = pass == .forward
        let panels = parameters.grid.activations.map { activation in
            Panel(
                title: Self.activationTitles[activation.id] ?? activation.name,
                x: Axis("layer l"), y: Axis(forward ? "Var[a_l]" : "Var[∂L/∂a_l]", scale: .log10),
                marks: cells.filter { $0.activation == activation && !$0.batchNorm }.enumerated().flatMap { seriesMarks($0.element, pass, color: $0.offset) })
        }
        var data = DataTable(columns: ["activation", "rule", "layer", "variance_measured", "variance_theory"])
        for cell in cells where !cell.batchNorm {
            let theory = theory(cell, pass)
            for (layer, value) in cell.meanSecondMoments(pass).enumerated() {
                data.append([.text(cell.activation.name), .text(cell.rule.label), .integer(layer + 1), .number(value), .number(theory?[layer] ?? .nan)])
            }
        }
        let chart = Figure(
            title: forward ? "Forward: variance of the pre-activations through depth" : "Backward: variance of the gradients through depth",
            description: "Per-layer variance of the \(forward ? "pre-activations" : "gradients with respect to the pre-activations") in \(parameters.grid.depth)-layer networks of width \(parameters.grid.width), for each activation and rule, with the mean-field theory dashed.",
            size: Size(width: 560, height: 460), columns: 2, panels: panels, legend: .shared, sharedAxes: .x)
        let n = parameters.grid.width
        return FigureSpec(
            id: forward ? "propagation-forward" : "propagation-backward",
            title: forward ? "The forward signal through \(parameters.grid.depth) layers" : "The backward signal through \(parameters.grid.depth) layers",
            caption: forward
                ? "Variance of the pre-activations $a_l$ at each hidden layer $l$ of networks with \(parameters.grid.depth) hidden layers of \(n) units on standardised inputs (mean of \(parameters.grid.realisations) networks per curve; logarithmic scale), and the mean-field prediction $q_{l+1} = \\sigma_w^2\\,\\mathbb{E}[\\varphi(\\sqrt{q_l}\\,z)^2]$ (dashed)."
                : "Variance of the gradient $\\partial L/\\partial a_l$ with respect to the pre-activations, for a unit-variance gradient at the outputs, and the mean-field prediction (dashed). Read from right to left: the gradient travels from the last layer to the first.",
            alt: "Four panels, one per activation (linear, tanh, logistic, ReLU), each with one curve per rule of the variance against the layer on a logarithmic axis. " + gridAlt(cells, pass),
            chart: chart, data: data)
    }

    func gridAlt(_ cells: [Cell], _ pass: Pass) -> String {
        let lines = cells.filter { !$0.batchNorm }.map { cell -> String in
            let values = cell.meanSecondMoments(pass)
            let from = pass == .forward ? values.first : values.last
            let to = pass == .forward ? values.last : values.first
            return "\(cell.activation.name) with \(cell.rule.label): from \(NumberText.format(from ?? .nan, digits: 2)) to \(NumberText.format(to ?? .nan, digits: 2))"
        }
        return lines.joined(separator: "; ") + "."
    }

    func batchNormFigure(_ cells: [Cell]) -> FigureSpec {
        let normalised = cells.filter { $0.batchNorm }
        let activations = parameters.grid.batchNormActivations.filter { activation in normalised.contains { $0.activation == activation } }
        let panels = activations.flatMap { activation in
            [Pass.forward, .backward].map { pass in
                Panel(
                    title: "\(Self.activationTitles[activation.id] ?? activation.name) with batch norm, \(pass.rawValue)",
                    x: Axis("layer l"), y: Axis(pass == .forward ? "Var[a_l]" : "Var[∂L/∂a_l]", scale: .log10),
                    marks: normalised.filter { $0.activation == activation }.enumerated().flatMap { seriesMarks($0.element, pass, color: $0.offset) })
            }
        }
        var data = DataTable(columns: ["activation", "rule", "layer", "pass", "variance_measured"])
        for cell in normalised {
            for pass in [Pass.forward, .backward] {
                for (layer, value) in cell.meanSecondMoments(pass).enumerated() {
                    data.append([.text(cell.activation.name), .text(cell.rule.label), .integer(layer + 1), .text(pass.rawValue), .number(value)])
                }
            }
        }
        let chart = Figure(
            title: "Batch normalisation through depth",
            description: "Per-layer variances of pre-activations (before normalisation) and gradients in networks with batch normalisation before every activation, for each rule.",
            size: Size(width: 560, height: 460), columns: 2, panels: panels, legend: .shared, sharedAxes: .x)
        let alt = normalised.map { cell in
            "\(cell.activation.name) with \(cell.rule.label): gradient variance at layer 1 \(NumberText.format(cell.meanSecondMoments(.backward).first ?? .nan, digits: 2))"
        }.joined(separator: "; ")
        return FigureSpec(
            id: "propagation-batchnorm",
            title: "With batch normalisation the scale of the weights stops mattering",
            caption: "The same networks with batch normalisation before every activation. The pre-activations $a_l = W_l h_{l-1}$ are shown before they are normalised; the gradients are taken with respect to them. Each layer rescales its units to mean 0 and variance 1 over the batch, so the variance of the weights no longer compounds from layer to layer.",
            alt: "Panels of per-layer variances with batch normalisation, forward and backward, for \(activations.map(\.name).joined(separator: " and ")). " + alt + ".",
            chart: chart, data: data)
    }

    func histogramFigure(_ result: Result, gradients: Bool) -> FigureSpec {
        let runs = parameters.histograms.rules.compactMap { rule in result.histograms.first { $0.rule == rule } }
        let panels = runs.map { run in
            let edges = gradients ? run.gradientEdges : run.activationEdges
            let densities = gradients ? run.gradientDensities : run.activationDensities
            return Panel(
                title: run.rule.label,
                x: Axis(gradients ? "∂L/∂a" : "tanh(a)"), y: Axis("density"),
                marks: densities.enumerated().map { layer, density in
                    .histogram(Histogram("layer \(layer + 1)", edges: edges, values: density, normalization: .count, filled: false, style: Style(color: layer)))
                })
        }
        var data = DataTable(columns: ["rule", "layer", "bin_left", "bin_right", "density"])
        for run in runs {
            let edges = gradients ? run.gradientEdges : run.activationEdges
            for (layer, density) in (gradients ? run.gradientDensities : run.activationDensities).enumerated() {
                for bin in density.indices { data.append([.text(run.rule.label), .integer(layer + 1), .number(edges[bin]), .number(edges[bin + 1]), .number(density[bin])]) }
            }
        }
        let setup = parameters.histograms
        let chart = Figure(
            title: gradients ? "Back-propagated gradients per layer" : "Activation values per layer",
            description: "Normalised histograms of the \(gradients ? "back-propagated gradients" : "tanh activations") of each of \(setup.depth) hidden layers of \(setup.width) units, under each rule.",
            size: Size(width: 560, height: 250), columns: runs.count, panels: panels, legend: .shared, sharedAxes: .y)
        let spread = runs.map { run -> String in
            let stats = gradients ? run.gradientStatistics : run.activationStatistics
            let values = stats.map { (gradients ? $0.secondMoment : $0.percentile98) }
            return "\(run.rule.label): \(gradients ? "gradient variance" : "98th percentile of |tanh(a)|") from \(NumberText.format(values.first ?? .nan, digits: 2)) at layer 1 to \(NumberText.format(values.last ?? .nan, digits: 2)) at layer \(values.count)"
        }.joined(separator: "; ")
        return FigureSpec(
            id: gradients ? "propagation-glorot-gradients" : "propagation-glorot-activations",
            title: gradients ? "Gradients shrink towards the input under the standard rule" : "Activations shrink with depth under the standard rule",
            caption: gradients
                ? "Normalised histograms of the back-propagated gradients $\\partial L/\\partial a_l$ at initialisation, for the cross-entropy of random labels, in a tanh network of \(setup.depth) hidden layers of \(setup.width) units (the setup of Glorot and Bengio's Figure 7). Left: $U(-1/\\sqrt n, 1/\\sqrt n)$; right: Glorot's normalised rule."
                : "Normalised histograms of the activations $\\tanh(a_l)$ at initialisation in the same network (Glorot and Bengio's Figure 6). Left: $U(-1/\\sqrt n, 1/\\sqrt n)$, whose higher layers pile up at 0; right: Glorot's normalised rule, alike at every layer.",
            alt: "Two panels of step histograms, one curve per layer. " + spread + ".",
            chart: chart, data: data)
    }

    func scaleFigure(_ result: Result) -> FigureSpec {
        let setup = parameters.reluScale
        let layers = (1...setup.depth).map(Double.init)
        var marks: [Mark] = []
        var data = DataTable(columns: ["std", "layer", "rms_measured", "rms_theory", "zero_fraction"])
        for (index, run) in result.reluScale.sorted(by: { $0.standardDeviation < $1.standardDeviation }).enumerated() {
            // Inputs with E[x²] = 1: q₁ = nσ², then q_{l+1} = nσ² · q_l/2; the ReLU outputs
            // have E[h²] = q_l/2.
            let n = Double(setup.width), s2 = run.standardDeviation * run.standardDeviation
            var q = n * s2
            var theory: [Double] = []
            for _ in 0..<setup.depth {
                theory.append((q / 2).squareRoot())
                q = n * s2 * q / 2
            }
            let measured = run.outputSecondMoments.map { $0.squareRoot() }
            marks.append(.line(Series("σ = \(NumberText.format(run.standardDeviation, digits: 2))", x: layers, y: measured, style: Style(color: index, marker: Self.markers[index]))))
            marks.append(.line(Series(nil, x: layers, y: theory, style: Style(color: index, dash: .dashed, lineWidth: 1))))
            for layer in measured.indices {
                data.append([.number(run.standardDeviation), .integer(layer + 1), .number(measured[layer]), .number(theory[layer]), .number(run.zeroFractions[layer])])
            }
        }
        let chart = Figure(
            title: "ReLU outputs through five layers",
            description: "Root mean square of the ReLU outputs of each hidden layer for weights N(0, σ²) with three values of σ, with the theory dashed.",
            size: Size(width: 480, height: 300),
            panels: [Panel(x: Axis("hidden layer"), y: Axis("RMS of relu(a_l)", scale: .log10), marks: marks)],
            legend: .shared)
        let zeros = result.reluScale.flatMap(\.zeroFractions)
        return FigureSpec(
            id: "propagation-relu-scale",
            title: "Too small, right, too large",
            caption: "Root mean square of the outputs of \(setup.depth) hidden layers of \(setup.width) ReLU units for weights $N(0, \\sigma^2)$ on standardised inputs, with the prediction (dashed): each layer multiplies $\\mathbb{E}[h^2]$ by $n\\sigma^2/2$. The middle value $\\sigma = 0.14 \\approx \\sqrt{2/100}$ is He's.",
            alt: "Line chart on a logarithmic axis: with σ = 0.10 the RMS falls layer after layer, with σ = 0.14 it stays level, with σ = 0.28 it roughly doubles per layer. Between \(NumberText.format((zeros.min() ?? .nan) * 100, digits: 2)) and \(NumberText.format((zeros.max() ?? .nan) * 100, digits: 2)) per cent of the outputs are exactly zero.",
            chart: chart, data: data)
    }

    /// The per-layer distributions of the ReLU outputs, as violins, one panel per σ.
    func distributionFigure(_ result: Result) -> FigureSpec {
        let runs = result.reluScale.sorted { $0.standardDeviation < $1.standardDeviation }
        let setup = parameters.reluScale
        let panels = runs.enumerated().map { index, run in
            Panel(
                title: "σ = \(NumberText.format(run.standardDeviation, digits: 2))",
                x: Axis("hidden layer"), y: Axis("relu(a_l)"),
                marks: [.violins(Violins(
                    nil, categories: .named((1...run.samples.count).map(String.init)), samples: run.samples, pointMass: 0,
                    pointMassName: index == 0 ? "share exactly 0" : nil, style: Style(color: index)))])
        }
        var data = DataTable(columns: ["std", "layer", "value"])
        for run in runs {
            for (layer, values) in run.samples.enumerated() {
                for value in values { data.append([.number(run.standardDeviation), .integer(layer + 1), .number(value)]) }
            }
        }
        let zeros = runs.flatMap(\.zeroFractions)
        let spread = runs.map { run in
            "σ = \(NumberText.format(run.standardDeviation, digits: 2)): upper quartile of the outputs from \(NumberText.format(Quantile.of(run.samples.first ?? [], 0.75), digits: 2)) at layer 1 to \(NumberText.format(Quantile.of(run.samples.last ?? [], 0.75), digits: 2)) at layer \(run.samples.count)"
        }.joined(separator: "; ")
        return FigureSpec(
            id: "propagation-relu-distributions",
            title: "The distributions behind the three scales",
            caption: "The ReLU outputs of each of \(setup.depth) hidden layers of \(setup.width) units, for weights $N(0, \\sigma^2)$ (every 20th value of a batch of \(setup.batch) standardised inputs). Each violin is the density of the positive outputs; the disc inside the ring on its foot is the share of outputs exactly 0 (a full disc would be all of them); here between \(NumberText.format((zeros.min() ?? .nan) * 100, digits: 2)) and \(NumberText.format((zeros.max() ?? .nan) * 100, digits: 2)) per cent. Note the different vertical scales.",
            alt: "Three panels of violins, one per layer. \(spread).",
            chart: Figure(
                title: "ReLU output distributions per layer",
                description: "Violins of the ReLU outputs per hidden layer for three weight scales. \(spread).",
                size: Size(width: 560, height: 230), columns: 3, panels: panels, legend: .shared),
            data: data)
    }
}
