import ArgumentParser
import Foundation
import Initializers
import Report
import TextSupport

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the initialisation rules: formula, variance, assumption, source and library equivalents.",
        discussion: """
            Formulas and variances are for gain 1: a gain multiplies every standard deviation, so \
            the variance by gain². Fans follow PyTorch: a dense weight is (fan_out, fan_in); a \
            convolution kernel (out, in, k1, k2, ...) has fan_in = in*k1*k2*... and fan_out = \
            out*k1*k2*... The options listed for a rule are those `initlab sample` accepts for it.
            """)

    @Argument(help: "Show only these rules (default: all).")
    var ids: [String] = []

    @Flag(help: "Write formulas and variances in TeX, as the report typesets them.")
    var tex = false

    /// Wide enough for a terminal, narrow enough to read.
    static let width = 100

    func run() throws {
        let selected =
            try ids.isEmpty
            ? RuleID.allCases
            : ids.map { name throws(LocatedError) in
                try LocatedError.locating("RULE") { () throws(RuleError) in try RuleID(name: name) }
            }
        print(selected.map(entry).joined(separator: "\n"), terminator: "")
    }

    func entry(_ id: RuleID) -> String {
        let citations = id.citations.isEmpty ? "" : "  [\(id.citations.joined(separator: ", "))]"
        var lines = ["\(id.rawValue): \(id.displayName)\(citations)"]
        lines += field("rule", tex ? id.formulaTeX : id.formula)
        lines += field("variance", (tex ? id.varianceTeX : id.varianceFormula) ?? "none: nothing is random")
        lines += field("assumes", id.assumption)
        lines += field("use with", id.useWith)
        // `initlab sample` also takes the gain as an activation name, except where the rule
        // already contains its activation's factor.
        let options = id.parameters.map { parameter in
            "--\(parameter.rawValue)"
                + (parameter == .gain && !id.includesActivationGain ? " or --nonlinearity" : "")
                + (id.requiredParameters.contains(parameter) ? " (required)" : "")
        }
        lines += field(
            "options",
            id.needsData
                ? "none: `initlab sample` refuses it, having no network and no data; the lsuv experiment runs it on the shipped digits"
                : options.joined(separator: ", "))
        for equivalent in id.equivalents {
            lines += field(equivalent.library.rawValue, (equivalent.name.map { "\($0): " } ?? "") + equivalent.note)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A labelled field, its text wrapped at word boundaries under a hanging indent.
    func field(_ label: String, _ text: String) -> [String] {
        let indent = String(repeating: " ", count: 12)
        var lines: [String] = []
        var line = "  " + label.padding(toLength: 10, withPad: " ", startingAt: 0)
        var lineIsEmpty = true
        for word in text.split(separator: " ") {
            if !lineIsEmpty && line.count + 1 + word.count > Self.width {
                lines.append(line)
                line = indent
                lineIsEmpty = true
            }
            line += (lineIsEmpty ? "" : " ") + word
            lineIsEmpty = false
        }
        lines.append(line)
        return lines
    }
}
