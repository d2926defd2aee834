// Benchmarks: speed is measured here, never in timed tests. `make benchmark` runs them in
// release mode, each workload side by side with its NumPy peer (scripts/numpy-peer.py) when
// python3 has NumPy; README.md quotes the figures. Arguments pick sections (`benchmarks training`
// for a profiler); `benchmarks --blas` only names the BLAS and its kernel, which the tests read.
import Charts
import Dispatch
import Experiments
import Foundation
import Networks
import Numerics

/// The median of `repeats` timed runs, in seconds, after one warm-up run.
func median(repeats: Int, _ work: () -> Void) -> Double {
    work()
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

func report(_ name: String, _ value: String) {
    print(name.padding(toLength: 58, withPad: " ", startingAt: 0) + value)
}

/// initlab's figure, NumPy's, and initlab's over NumPy's; "higher" says which way is better.
func compare(_ name: String, _ ours: Double, _ theirs: Double?, unit: String, format: String) {
    var line = String(format: format, ours) + " " + unit
    if let theirs {
        line = line.padding(toLength: 22, withPad: " ", startingAt: 0) + "NumPy " + String(format: format, theirs)
        line = line.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "ratio %.2f", ours / theirs)
    }
    report(name, line)
}

/// What else ran on the machine meanwhile: the benchmark shares it with whatever does.
func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
}

if CommandLine.arguments.dropFirst().first == "--blas" {
    print("identity: \(BLAS.identity)")
    print("kernel: \(BLAS.kernel)")
    print("OPENBLAS_CORETYPE: \(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "unset")")
    exit(0)
}

/// Whether to run the section `name`: every section when no argument names one.
func section(_ name: String) -> Bool {
    let chosen = CommandLine.arguments.dropFirst()
    return chosen.isEmpty || chosen.contains(name)
}

let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let peer = section("numpy") ? NumPyPeer(project: project) : nil
report("processor", Machine.processor)
report("load average (1, 5, 15 min) at the start", loadAverage())
report("initlab's BLAS", "\(BLAS.identity), kernel \(BLAS.kernel)")
report("NumPy", (try? peer?.measure(["config"], threads: 1)) ?? "not measured: python3 cannot import numpy")

/// Runs a NumPy peer, nil (and a note) when it fails.
func numpy(_ arguments: [String], threads: Int) -> Double? {
    guard let peer else { return nil }
    do {
        return try peer.number(arguments, threads: threads)
    } catch {
        report("  NumPy peer failed", "\(error)")
        return nil
    }
}

// GEMM through the BLAS, one thread, at the shapes the experiments use: ratio ≥ 0.9 is the goal.
for (m, n, k) in [(2048, 2048, 2048), (1000, 1000, 1000), (128, 256, 256), (64, 64, 1024)] where section("sgemm") {
    var random = RandomSource(seed: 1)
    var a = Matrix(rows: m, columns: k), b = Matrix(rows: k, columns: n)
    a.elements.withUnsafeMutableBufferPointer { random.fillUniform($0, low: -1, high: 1) }
    b.elements.withUnsafeMutableBufferPointer { random.fillUniform($0, low: -1, high: 1) }
    var c = Matrix(rows: m, columns: n)
    let flops = 2.0 * Double(m * n * k)
    let repeats = max(3, Int(2e10 / flops))
    let seconds = median(repeats: 5) { for _ in 0..<repeats { Matrix.multiply(a, .none, b, .none, into: &c) } } / Double(repeats)
    compare(
        "sgemm \(m)×\(n)×\(k), one thread", flops / seconds / 1e9, numpy(["sgemm", "\(m)", "\(n)", "\(k)"], threads: 1),
        unit: "GFLOP/s", format: "%.1f")
}

// Glorot & Bengio's Figure 6/7 workload: tanh, 5 hidden layers of 1000, batch 1000, forward
// and backward with weight gradients, per-layer variances and 50-bin histograms, both rules;
// initlab on both cores (a rule each), NumPy with two BLAS threads. Ratio ≤ 0.6 is the goal.
if section("glorot-bengio") {
    let propagation = Propagation(profile: .handout)
    let seconds = median(repeats: 5) { _ = propagation.histogramRuns(random: RandomSource(seed: 1)) }
    compare(
        "Glorot–Bengio workload, tanh 5×1000, batch 1000, 2 rules", seconds,
        numpy(["glorot-bengio"], threads: ProcessInfo.processInfo.activeProcessorCount), unit: "s", format: "%.3f")
}

// Training throughput: 30 hidden ReLU layers of 256, 1024 inputs, 9 classes, batch 128, SGD
// with momentum; initlab runs one training per core side by side. NumPy's best of one run on
// every core and one single-thread run per core side by side. Ratio ≥ 1.25 is the goal. The
// three take turns, three times, and each keeps its best: a shared machine's other work
// then weighs on all three alike.
if section("training") {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var ours: [TrainingBenchmark.Measurement] = [], oneRun: [Double] = [], sideBySide: [Double] = []
    for _ in 0..<3 {
        do {
            ours.append(try TrainingBenchmark.measure(runs: cores))
        } catch {
            report("MLP 30×256 ReLU training", "failed: \(error)")
        }
        guard let peer else { continue }
        if let rate = numpy(["training", "200"], threads: cores) { oneRun.append(rate) }
        if let rates = try? peer.numbersSideBySide(["training", "200"], copies: cores, threads: 1) {
            sideBySide.append(rates.reduce(0, +))
        }
    }
    if let best = ours.max(by: { $0.stepsPerSecond < $1.stepsPerSecond }) {
        if peer != nil {
            let rates = [oneRun.max(), sideBySide.max()].map { $0.map { String(format: "%.1f steps/s", $0) } ?? "failed" }
            report("  NumPy: one run, \(cores) threads / \(cores) runs, 1 thread each", rates.joined(separator: " / "))
        }
        compare(
            "MLP 30×256 ReLU, batch 128, \(cores) runs side by side", best.stepsPerSecond, (oneRun + sideBySide).max(),
            unit: "steps/s", format: "%.1f")
        report("  initlab's rate of GEMM in training", String(format: "%.0f GFLOP/s", best.gigaflopsPerSecond))
    }
}

// Sampling.
if section("sampling") {
    var random = RandomSource(seed: 1)
    var buffer = [Float](repeating: 0, count: 1 << 22)
    let normal = median(repeats: 5) { buffer.withUnsafeMutableBufferPointer { random.fillNormal($0) } }
    let uniform = median(repeats: 5) { buffer.withUnsafeMutableBufferPointer { random.fillUniform($0, low: -1, high: 1) } }
    report("normal draws", String(format: "%.0f M/s", Double(buffer.count) / normal / 1e6))
    report("uniform draws", String(format: "%.0f M/s", Double(buffer.count) / uniform / 1e6))
}

// A four-panel figure with ten series of 500 points each, in all three formats.
if section("figures") {
    let xs = (0..<500).map { Double($0) / 50 }
    let panels = (0..<4).map { p in
        Panel(
            title: "Panel \(p + 1)", x: Axis("x"), y: Axis("y"),
            marks: (0..<10).map { s in
                .line(
                    Series(
                        "series \(s + 1)", x: xs, y: xs.map { sin($0 + Double(s) / 3) * Double(s + 1) + Double(p) }, style: Style(color: s))
                )
            })
    }
    let figure = Figure(
        title: "Benchmark", description: "Four panels of ten series.", size: Size(width: 640, height: 480), columns: 2, panels: panels)
    for format in Format.allCases {
        let seconds = median(repeats: 9) { _ = try? ChartRenderer.render(figure, as: format) }
        report("figure 4 panels × 10 series × 500 points, \(format.rawValue)", String(format: "%.1f ms", seconds * 1e3))
    }
    let all = median(repeats: 9) { _ = try? ChartRenderer.render(figure, as: Set(Format.allCases)) }
    report("the same figure, SVG + PNG + PDF from one layout", String(format: "%.1f ms", all * 1e3))
}

// The saturation experiment, whole, as the build runs it (both cores); the paper profile takes
// minutes and is left to `initlab build --profile paper`.
for profile in [Profile.quick, .handout] where section("saturation") {
    let seconds = median(repeats: 3) { _ = Saturation(profile: profile).execute(seed: 1) }
    report("saturation experiment, profile \(profile.rawValue)", String(format: "%.2f s", seconds))
}
report("load average (1, 5, 15 min) at the end", loadAverage())
