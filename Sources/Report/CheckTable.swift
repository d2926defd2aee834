import Experiments
import TextSupport

/// Theory against measurement as the `check-table` partial shows it: in place in the prose
/// (`{{checks PREFIX …}}`) and, grouped by experiment, in the verification section.
enum CheckTable {
    /// The checks whose ids start with any of `prefixes`, in the build's order.
    static func matching(_ prefixes: [String], in checks: [Check]) -> [Check] {
        checks.filter { check in prefixes.contains { check.id.hasPrefix($0) } }
    }

    /// Every id and every part of one that ends before a `/`: what a misspelt prefix may have meant.
    static func prefixes(_ checks: [Check]) -> [String] {
        let all = checks.flatMap { check in
            check.id.indices.filter { check.id[$0] == "/" }.map { String(check.id[..<$0]) } + [check.id]
        }
        return Array(Set(all)).sorted()
    }

    /// The partial's context: numbers pre-formatted, because Mustache prints Doubles in full. An
    /// agreement reads "1.000 ± 0.10"; a comparison "> 0", its difference and "margin 0.055".
    static func context(_ checks: [Check]) -> [String: Any] {
        [
            "checks": checks.map { check in
                let expected = NumberText.format(check.expected, digits: 4)
                let tolerance = NumberText.format(check.tolerance, digits: 2)
                let comparison = check.kind == .comparison
                return [
                    "id": check.id, "claim": check.claim,
                    "expected": comparison ? ">\u{00A0}" + expected : expected,
                    "measured": NumberText.format(check.measured, digits: 4),
                    "tolerance": comparison ? "margin\u{00A0}" + tolerance : "±\u{202F}" + tolerance,
                    "falseAlarmRate": NumberText.format(check.falseAlarmRate, digits: 1),
                    "basis": check.basis,
                    "passed": check.passed,
                ] as [String: Any]
            }
        ]
    }
}
