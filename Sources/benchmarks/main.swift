// Benchmarks: speed is measured here, never in timed tests. `make benchmark` runs them in
// release mode; README.md quotes the figures.
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

// GEMM through the BLAS, at the shapes the experiments use.
for (m, n, k) in [(2048, 2048, 2048), (1000, 1000, 1000), (128, 256, 256), (64, 64, 1024)] {
    var random = RandomSource(seed: 1)
    var a = Matrix(rows: m, columns: k), b = Matrix(rows: k, columns: n)
    a.elements.withUnsafeMutableBufferPointer { random.fillUniform($0, low: -1, high: 1) }
    b.elements.withUnsafeMutableBufferPointer { random.fillUniform($0, low: -1, high: 1) }
    var c = Matrix(rows: m, columns: n)
    let flops = 2.0 * Double(m * n * k)
    let repeats = max(3, Int(2e10 / flops))
    let seconds = median(repeats: 5) { for _ in 0..<repeats { Matrix.multiply(a, .none, b, .none, into: &c) } } / Double(repeats)
    report("sgemm \(m)×\(n)×\(k), one thread", String(format: "%.1f GFLOP/s", flops / seconds / 1e9))
}

// Sampling.
do {
    var random = RandomSource(seed: 1)
    var buffer = [Float](repeating: 0, count: 1 << 22)
    let normal = median(repeats: 5) { buffer.withUnsafeMutableBufferPointer { random.fillNormal($0) } }
    let uniform = median(repeats: 5) { buffer.withUnsafeMutableBufferPointer { random.fillUniform($0, low: -1, high: 1) } }
    report("normal draws", String(format: "%.0f M/s", Double(buffer.count) / normal / 1e6))
    report("uniform draws", String(format: "%.0f M/s", Double(buffer.count) / uniform / 1e6))
}

// A four-panel figure with ten series of 500 points each, in all three formats.
do {
    let xs = (0..<500).map { Double($0) / 50 }
    let panels = (0..<4).map { p in
        Panel(
            title: "Panel \(p + 1)", x: Axis("x"), y: Axis("y"),
            marks: (0..<10).map { s in
                .line(Series("series \(s + 1)", x: xs, y: xs.map { sin($0 + Double(s) / 3) * Double(s + 1) + Double(p) }, style: Style(color: s)))
            })
    }
    let figure = Figure(title: "Benchmark", description: "Four panels of ten series.", size: Size(width: 640, height: 480), columns: 2, panels: panels)
    for format in Format.allCases {
        let seconds = median(repeats: 9) { _ = try? ChartRenderer.render(figure, as: format) }
        report("figure 4 panels × 10 series × 500 points, \(format.rawValue)", String(format: "%.1f ms", seconds * 1e3))
    }
    let all = median(repeats: 9) { _ = try? ChartRenderer.render(figure, as: Set(Format.allCases)) }
    report("the same figure, SVG + PNG + PDF from one layout", String(format: "%.1f ms", all * 1e3))
}

// Glorot & Bengio's Figure 6/7 workload: tanh, 5 hidden layers of 1000, batch 1000, forward
// and backward with weight gradients, per-layer variances and 50-bin histograms, both rules.
do {
    let propagation = Propagation(profile: .handout)
    let seconds = median(repeats: 5) { _ = propagation.histogramRuns(random: RandomSource(seed: 1)) }
    report("Glorot–Bengio workload, tanh 5×1000, batch 1000, 2 rules", String(format: "%.2f s", seconds))
}

// Experiments, whole, as the build runs them (both cores).
for profile in Profile.allCases {
    let seconds = median(repeats: 3) { _ = Saturation(profile: profile).execute(seed: 1) }
    report("saturation experiment, profile \(profile.rawValue)", String(format: "%.2f s", seconds))
}

// Training throughput: 30 hidden ReLU layers of 256, 1024 inputs, 9 classes, batch 128, SGD
// with momentum; two independent runs side by side on the two cores.
do {
    let training = try TrainingBenchmark.measure()
    report("MLP 30×256 ReLU, batch 128, 2 runs side by side",
           String(format: "%.1f steps/s, %.0f GFLOP/s", training.stepsPerSecond, training.gigaflopsPerSecond))
} catch {
    report("MLP 30×256 ReLU training", "failed: \(error)")
}
