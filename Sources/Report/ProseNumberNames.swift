import TextSupport

extension TemplateFolder {
    /// Checks that every `{{number NAME}}` of the prose, in the text and inside math, is one of
    /// the `declared` names. The build calls it before any experiment runs, so a misspelt name
    /// costs a second instead of a run; the values are known only later.
    public func checkNumberNames(_ declared: Set<String>) throws(LocatedError) {
        let placeholders = Dictionary(uniqueKeysWithValues: declared.map { ($0, 0.0) })
        for section in sections {
            let scanner = section.scanner
            for located in scanner.pieces {
                switch located.piece {
                case .number(let name, _) where !declared.contains(name):
                    let hint = nearestName(to: name, in: Array(declared)).map { "did you mean \($0)?" }
                    throw scanner.error(at: located.offset, "the build has no number \(name)", hint: hint)
                case .inlineMath(let tex), .displayMath(let tex):
                    let start = located.offset + located.piece.delimiterLength
                    _ = try Formula(tex, numbers: placeholders) { offset, message, hint in
                        scanner.error(at: start + offset, message, hint: hint)
                    }
                default:
                    continue
                }
            }
        }
    }
}
