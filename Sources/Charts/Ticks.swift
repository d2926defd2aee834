import Foundation

/// An arithmetic run of round numbers held exactly: tick `i` is
/// `(first + i * stride) × 10^exponent`, so labels never show binary rounding noise.
struct DecimalTicks: Sendable, Hashable {
    var first: Int
    var stride: Int
    var count: Int
    var exponent: Int

    func mantissa(_ i: Int) -> Int { first + i * stride }

    var mantissas: [Int] { (0..<count).map(mantissa) }

    var values: [Double] { mantissas.map { DecimalFormat.value($0, exponent) } }
}

/// Exact decimal arithmetic and formatting for tick values.
enum DecimalFormat {
    /// `mantissa × 10^exponent` with one rounding: dividing by an exact power of ten is more
    /// accurate than multiplying by an inexact negative one (0.1 is not representable).
    static func value(_ mantissa: Int, _ exponent: Int) -> Double {
        exponent >= 0
            ? Double(mantissa) * pow(10, Double(exponent))
            : Double(mantissa) / pow(10, Double(-exponent))
    }

    static let minus = "\u{2212}"

    /// `m × 10^e` as a decimal numeral, with as many decimals as a negative exponent asks
    /// for and a true minus sign.
    static func format(_ mantissa: Int, _ exponent: Int) -> String {
        var digits = String(mantissa.magnitude)
        if exponent > 0 { digits += String(repeating: "0", count: exponent) }
        if exponent < 0 {
            let decimals = -exponent
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return mantissa < 0 ? minus + digits : digits
    }

    /// Labels for a run of ticks, all with the same number of decimals. Values of magnitude
    /// 10⁵ and above or below 10⁻³ are divided by a common power of ten, returned as
    /// `factor` (to be shown once, next to the axis title, as "×10⁻⁹").
    static func labels(_ ticks: DecimalTicks) -> (labels: [String], factor: Int?) {
        var mantissas = ticks.mantissas
        var exponent = ticks.exponent
        let largest = mantissas.map(\.magnitude).max() ?? 0
        guard largest > 0 else { return (mantissas.map { _ in "0" }, nil) }
        let order = String(largest).count - 1 + exponent
        let factor = order >= 5 || order < -3 ? order : nil
        exponent -= factor ?? 0
        while exponent < 0, mantissas.allSatisfy({ $0 % 10 == 0 }) {
            mantissas = mantissas.map { $0 / 10 }
            exponent += 1
        }
        return (mantissas.map { $0 == 0 ? "0" : format($0, exponent) }, factor)
    }

    private static let superscriptDigits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

    /// An integer in Unicode superscript digits, with the superscript minus.
    static func superscript(_ n: Int) -> String {
        let digits = String(n.magnitude).unicodeScalars.map { superscriptDigits[Int($0.value) - 48] }
        return (n < 0 ? "⁻" : "") + String(digits)
    }

    /// "10⁻⁴".
    static func powerOfTen(_ exponent: Int) -> String { "10" + superscript(exponent) }
}

/// Round-number tick placement by the extended Wilkinson algorithm (Talbot, Lin & Hanrahan,
/// "An Extension of Wilkinson's Algorithm for Positioning Tick Labels on Axes", InfoVis 2010):
/// a search over steps q·10^z (q from a preference list), skips j and tick counts k, scoring
/// simplicity, coverage of the data and closeness to the wanted density, with upper bounds
/// that prune the search.
enum ExtendedWilkinson {
    /// Preferred step mantissas, best first, in tenths (1, 5, 2, 2.5, 4, 3).
    private static let steps = [10, 50, 20, 25, 40, 30]
    private static let wSimplicity = 0.25, wCoverage = 0.2, wDensity = 0.5, wLegibility = 0.05

    /// About `target` ticks for data in `low...high` (`low < high`), all inside `bounds` when
    /// given, or `nil` when no run of round numbers qualifies.
    static func ticks(_ low: Double, _ high: Double, target: Int, bounds: ClosedRange<Double>? = nil) -> DecimalTicks? {
        guard low < high, low.isFinite, high.isFinite else { return nil }
        let range = high - low
        let m = Double(max(target, 2))
        var bestScore = -Double.infinity
        var best: DecimalTicks?

        for j in 1...12 {
            for (qIndex, q10) in steps.enumerated() {
                let q = Double(q10) / 10
                let sm = simplicityMax(qIndex, j)
                if wSimplicity * sm + wCoverage + wDensity + wLegibility < bestScore { return best }
                for k in 2...40 {
                    let dm = densityMax(k, m)
                    if wSimplicity * sm + wCoverage + wDensity * dm + wLegibility < bestScore { break }
                    let delta = range / Double(k + 1) / Double(j) / q
                    let z0 = Int(ceil(log10(delta)))
                    for z in z0...(z0 + 8) {
                        let step = Double(j) * q * pow(10, Double(z))
                        let cm = coverageMax(low, high, span: step * Double(k - 1))
                        if wSimplicity * sm + wCoverage * cm + wDensity * dm + wLegibility < bestScore { break }
                        // Start indices must stay exact integers.
                        guard abs(high / step) < 1e14, abs(low / step) < 1e14 else { continue }
                        let minStart = Int(floor(high / step)) * j - (k - 1) * j
                        let maxStart = Int(ceil(low / step)) * j
                        guard minStart <= maxStart else { continue }
                        for start in minStart...maxStart {
                            let lmin = Double(start) * (step / Double(j))
                            let lmax = lmin + step * Double(k - 1)
                            if let bounds, lmin < bounds.lowerBound || lmax > bounds.upperBound { continue }
                            let hasZero = start <= 0 && start + (k - 1) * j >= 0 && start % j == 0
                            let score =
                                wSimplicity * simplicity(qIndex, j, hasZero: hasZero)
                                + wCoverage * coverage(low, high, lmin, lmax)
                                + wDensity * density(k, m, low, high, lmin, lmax)
                                + wLegibility
                            if score > bestScore {
                                bestScore = score
                                best = DecimalTicks(first: start * q10, stride: j * q10, count: k, exponent: z - 1)
                            }
                        }
                    }
                }
            }
        }
        return best
    }

    private static func simplicity(_ qIndex: Int, _ j: Int, hasZero: Bool) -> Double {
        1 - Double(qIndex) / Double(steps.count - 1) - Double(j) + (hasZero ? 1 : 0)
    }

    private static func simplicityMax(_ qIndex: Int, _ j: Int) -> Double {
        simplicity(qIndex, j, hasZero: true)
    }

    private static func coverage(_ low: Double, _ high: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let tolerance = 0.1 * (high - low)
        return 1 - 0.5 * ((high - lmax) * (high - lmax) + (low - lmin) * (low - lmin)) / (tolerance * tolerance)
    }

    private static func coverageMax(_ low: Double, _ high: Double, span: Double) -> Double {
        let range = high - low
        guard span > range else { return 1 }
        let half = (span - range) / 2
        let tolerance = 0.1 * range
        return 1 - half * half / (tolerance * tolerance)
    }

    private static func density(_ k: Int, _ m: Double, _ low: Double, _ high: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let r = Double(k - 1) / (lmax - lmin)
        let rt = (m - 1) / (max(lmax, high) - min(low, lmin))
        return 2 - max(r / rt, rt / r)
    }

    private static func densityMax(_ k: Int, _ m: Double) -> Double {
        Double(k) >= m ? 2 - Double(k - 1) / (m - 1) : 1
    }
}
