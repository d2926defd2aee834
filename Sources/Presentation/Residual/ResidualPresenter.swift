import Charts
import Experiments
import Numerics
import TextSupport

/// The residual experiment in the handout: the second moment of the signal and of the gradient
/// block by block through a deep residual stack, and the gradient each block's parameters
/// receive, for each way of starting the blocks, against the theory's curves.
struct ResidualPresenter: Presenter {
    static let title = "Residual stacks at initialisation: He branches, 1/√L, GPT-2, Fixup, SkipInit, zero γ"

    let experiment: Residual
    let result: Residual.Result

    var figures: [FigureSpec] { [depthFigure, gradientFigure] }

    var tables: [String: DataTable] {
        var table = DataTable(columns: [
            "scheme", "realisation", "block", "forward_second_moment", "backward_second_moment", "branch_ratio", "parameter_gradient",
        ])
        for run in result.runs {
            for l in 0...parameters.depth {
                let inBlock = l < parameters.depth
                table.append([
                    .text(run.scheme.rawValue), .integer(run.realisation), .integer(l), .number(run.forward[l]), .number(run.backward[l]),
                    .number(inBlock ? run.branch[l] : .nan), .number(inBlock ? run.gradient[l] : .nan),
                ])
            }
        }
        return ["residual": table]
    }

    /// The schemes whose branches are open at initialisation, and those that start as the identity.
    var openSchemes: [ResidualScheme] { experiment.schemes.filter { !$0.closed } }
    var closedSchemes: [ResidualScheme] { experiment.schemes.filter(\.closed) }

    /// The mean over the stacks of a scheme of a per-block quantity, with its 95 % interval.
    func intervals(_ scheme: ResidualScheme, _ values: (Residual.Run) -> [Double]) -> [MeanInterval] {
        let runs = experiment.runs(result, scheme).map(values)
        let count = runs.map(\.count).min() ?? 0
        return (0..<count).map { l in MeanInterval(runs.map { $0[l] }) }
    }

    /// One scheme's measured mean with its band and its theory, in a colour of its own.
    func marks(
        _ scheme: ResidualScheme, blocks: [Double], _ intervals: [MeanInterval], theory: [Double], name: String? = nil
    ) -> [Mark] {
        let index = experiment.schemes.firstIndex(of: scheme) ?? 0
        var style = Style.cycled(index)
        style.lineWidth = 2
        // On a logarithmic axis a band reaching 0 or below is drawn only where it stays positive.
        let lower = intervals.map { $0.low > 0 ? $0.low : Double.nan }
        return [
            .band(Band(nil, x: blocks, lower: lower, upper: intervals.map(\.high), style: style)),
            .line(Series(name ?? Residual.name(scheme), x: blocks, y: intervals.map(\.mean), style: style)),
            .line(Series(RuleStyle.theoryName, x: blocks, y: theory, style: RuleStyle.theory)),
        ]
    }

    var depthFigure: FigureSpec {
        let blocks = (0...parameters.depth).map(Double.init)
        var data = DataTable(columns: ["scheme", "pass", "block", "mean", "low", "high", "theory"])
        var summary: [String] = []
        let panels = [true, false].map { forward -> Panel in
            var marks: [Mark] = []
            // The closed schemes coincide at 1 exactly; one of them stands for all three.
            for scheme in openSchemes + [.fixup] {
                // Each stack relative to where its pass starts, whose expectation is the theory's.
                let means = intervals(scheme) { run in
                    forward ? run.forward.map { $0 / run.forward[0] } : run.backward.map { $0 / run.backward[run.backward.count - 1] }
                }
                let theory = forward ? experiment.theory(scheme).forward : experiment.theory(scheme).backward
                let name = scheme.closed ? closedSchemes.map(Residual.name).joined(separator: "; ") : nil
                marks += self.marks(scheme, blocks: blocks, means, theory: theory, name: name)
                for (l, interval) in means.enumerated() {
                    data.append([
                        .text(scheme.rawValue), .text(forward ? "forward" : "backward"), .integer(l), .number(interval.mean),
                        .number(interval.low), .number(interval.high), .number(theory[l]),
                    ])
                }
                if forward, let last = means.last {
                    summary.append("\(Residual.name(scheme)): \(NumberText.format(last.mean, digits: 3)) at block \(parameters.depth)")
                }
            }
            let y = Axis(forward ? "E[|x_l|²/|x₀|²]" : "E[|∂ℓ/∂x_l|²/|∂ℓ/∂x_L|²]", scale: .log10)
            return Panel(title: forward ? "forward" : "backward", x: Axis("block l"), y: y, marks: marks)
        }
        let title = "The second moment through \(parameters.depth) residual blocks"
        let text = summary.joined(separator: "; ")
        return FigureSpec(
            id: "residual-depth", title: title,
            alt: "Two line charts on logarithmic axes against the block, forward and backward, one curve per scheme with its band "
                + "and its theory: \(text); Fixup, SkipInit and zero γ stay at 1.",
            chart: Figure(
                title: title, description: "Forward and backward second moments through a residual stack: \(text).",
                size: Size(width: 540, height: 300), columns: 2, panels: panels, legend: .shared, sharedAxes: .x),
            data: data)
    }

    var gradientFigure: FigureSpec {
        let blocks = (1...parameters.depth).map(Double.init)
        var data = DataTable(columns: ["scheme", "block", "mean", "low", "high", "theory"])
        var summary: [String] = []
        let panels = [openSchemes, closedSchemes].map { schemes -> Panel in
            var marks: [Mark] = []
            for scheme in schemes {
                let means = intervals(scheme, \.gradient)
                let theory = experiment.theory(scheme).gradient
                marks += self.marks(scheme, blocks: blocks, means, theory: theory)
                for (l, interval) in means.enumerated() {
                    data.append([
                        .text(scheme.rawValue), .integer(l + 1), .number(interval.mean), .number(interval.low), .number(interval.high),
                        .number(theory[l]),
                    ])
                }
                summary.append("\(Residual.name(scheme)): \(NumberText.format(Moments(means.map(\.mean)).mean, digits: 3))")
            }
            let closed = schemes.first?.closed ?? false
            return Panel(
                title: closed ? "blocks that start as the identity" : "open branches", x: Axis("block l"),
                y: Axis("|∂ℓ/∂θ_l|² per sample", scale: .log10), marks: marks)
        }
        let title = "The gradient of each block's parameters"
        let text = summary.joined(separator: "; ")
        return FigureSpec(
            id: "residual-gradients", title: title,
            alt: "Two line charts on logarithmic axes against the block, open branches and branches closed at the start, one "
                + "curve per scheme with its band and its theory, each flat in the block; the mean over the blocks: \(text).",
            chart: Figure(
                title: title, description: "The squared gradient norm of each block's parameters: \(text).",
                size: Size(width: 540, height: 300), columns: 2, panels: panels, legend: .shared, sharedAxes: [.x, .y]),
            data: data)
    }
}
