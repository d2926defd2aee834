import Experiments
import Initializers
import TeXMath
import TextSupport

/// One formula of the prose, with each `{{number NAME}}` inside it replaced by the number as TeX,
/// converted to MathML. TeXMath's error offsets count characters of the substituted text; they
/// are mapped back to the prose, so an error names the line and column the author sees.
struct Formula {
    /// A `{{number …}}` directive in the source and the TeX that replaced it.
    private struct Substitution {
        let sourceStart: Int
        let sourceLength: Int
        let expandedStart: Int
        let expandedLength: Int
    }

    let expanded: String
    private let substitutions: [Substitution]

    /// `locate` turns an offset into the TeX as written (0 = first character after the opening
    /// delimiter) and a message into an error located in the prose.
    init(_ tex: String, numbers: [String: Double], locate: (Int, String, String?) -> LocatedError) throws(LocatedError) {
        let source = Array(tex)
        var expanded: [Character] = []
        var substitutions: [Substitution] = []
        var index = 0
        while index < source.count {
            guard Self.opensDirective(source, at: index),
                let close = (index..<(source.count - 1)).first(where: { source[$0] == "}" && source[$0 + 1] == "}" })
            else {
                expanded.append(source[index])
                index += 1
                continue
            }
            let words = String(source[(index + 2)..<close]).split(separator: " ").map(String.init)
            let at = index
            let (name, digits) = try ContentScanner.numberDirective(words) { locate(at, $0, nil) }
            guard let value = numbers[name] else {
                throw locate(
                    at, "the build has no number \(name)", nearestName(to: name, in: Array(numbers.keys)).map { "did you mean \($0)?" })
            }
            let replacement = Array("{" + NumberText.tex(value, digits: digits) + "}")
            substitutions.append(
                Substitution(
                    sourceStart: index, sourceLength: close + 2 - index, expandedStart: expanded.count, expandedLength: replacement.count))
            expanded += replacement
            index = close + 2
        }
        self.expanded = String(expanded)
        self.substitutions = substitutions
    }

    /// `{{` then a word and a space opens a directive (a misspelt one too, so it is reported);
    /// `{{x}}` is ordinary TeX grouping.
    private static func opensDirective(_ source: [Character], at index: Int) -> Bool {
        guard source[index...].starts(with: "{{") else { return false }
        let word = source[(index + 2)...].prefix { $0.isLetter }
        let after = index + 2 + word.count
        return !word.isEmpty && after < source.count && source[after] == " "
    }

    /// The offset in the TeX as written of an offset in the substituted TeX; inside a number,
    /// the directive's start.
    func sourceOffset(_ expandedOffset: Int) -> Int {
        var shift = 0
        for substitution in substitutions {
            if expandedOffset < substitution.expandedStart { break }
            if expandedOffset < substitution.expandedStart + substitution.expandedLength { return substitution.sourceStart }
            shift = substitution.sourceStart + substitution.sourceLength - (substitution.expandedStart + substitution.expandedLength)
        }
        return expandedOffset + shift
    }

    func convert(display: Bool, locate: (Int, String, String?) -> LocatedError) throws(LocatedError) -> TeXMath.Conversion {
        do {
            return try TeXMath.convert(expanded, display: display)
        } catch {
            throw locate(sourceOffset(error.offset), error.message, nil)
        }
    }
}
