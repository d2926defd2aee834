import ArgumentParser
import Experiments
import Foundation
import Initializers
import Numerics
import Report
import TextSupport

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw one weight tensor by an initialisation rule and write it as .npy or .csv.",
        discussion: """
            RULE is one of the ids that `initlab rules` lists, except lsuv, which rescales a \
            network's layers on data and so has no weights to draw from a shape alone. The shape follows PyTorch: \
            (fan_out, fan_in) for a dense layer, (out, in, k1, k2, ...) for a convolution, whose \
            fan_in is in*k1*k2*... Options a rule does not take are errors, not silently ignored. \
            The random stream derives from the seed and the rule's id, so the same command \
            writes the same bytes.

            .npy is NumPy's format 1.0 (little-endian float32, C order, the given shape), which \
            numpy.load reads. .csv has one line per unit (the first dimension) with its incoming \
            weights across, and no header. A summary with the predicted and the sample variance \
            goes to standard error.

            Options that would make weights overflow or vanish in float32 are refused, with the \
            limit on the option. An orthogonal matrix estimated to take more than 10 s needs \
            --allow-slow.
            """)

    /// The most weights one command writes: 1 GiB of float32.
    static let maximumCount = 1 << 28

    @Argument(help: "The rule's id, such as he-normal (see `initlab rules`).")
    var rule: String

    @Option(
        help:
            "The weight shape, comma-separated: 256,784 for 256 units with 784 inputs each; 64,3,3,3 for a 3x3 convolution from 3 to 64 channels."
    )
    var shape: String

    @Option(help: "Multiplies the standard deviation (Keras and JAX's scale is gain²). Default 1.")
    var gain: Double?

    @Option(
        help:
            "An activation whose torch.nn.init.calculate_gain is the gain: linear, sigmoid, tanh, relu, leaky_relu, selu. For kumar, the activation the rule is derived for (default sigmoid)."
    )
    var nonlinearity: String?

    @Option(help: "he-normal, he-uniform: fan_in (keeps the forward signal; default) or fan_out (keeps the backward gradient).")
    var mode: FanMode?

    @Option(help: "he-normal, he-uniform, or with --nonlinearity leaky_relu: the negative slope a of a leaky ReLU or PReLU.")
    var slope: Double?

    @Option(help: "normal: the standard deviation (default 0.01); sparse: that of the nonzero weights (default 1).")
    var std: Double?

    @Option(help: "uniform (required): the half-width b of U(-b, b).")
    var bound: Double?

    @Option(help: "constant (required): the value of every weight.")
    var value: Double?

    @Option(help: "sparse: the number of nonzero incoming weights of each unit (default 15, as Martens).")
    var k: Int?

    @Option(help: "sparse: the fraction of nonzero incoming weights of each unit, instead of --k.")
    var fraction: Double?

    @Option(
        help:
            "Normal-based rules: normal (untruncated, as PyTorch, Flux and Lasagne; default) or truncated-normal (cut at 2 sd and widened to keep the variance, as Keras and JAX)."
    )
    var distribution: NormalKind?

    @Option(help: "The seed of the random stream.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "The file to write, ending in .npy or .csv.")
    var output: String

    @Flag(
        help: """
            Draw an orthogonal matrix even when it is estimated to take more than \(Int(Self.slowSeconds)) s; \
            progress goes to a terminal's standard error.
            """)
    var allowSlow = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let id = try LocatedError.locating("RULE") { () throws(RuleError) in try RuleID(name: self.rule) }
        // First, so that a rule needing data is refused before anything about the shape or file.
        let rule = try resolvedRule(id)
        let shape = try parsedShape()
        let (format, target) = try outputTarget()
        try checkFloatRange(of: rule, shape: shape)
        let slow = try checkDuration(of: rule, shape: shape)
        var random = RandomSource(seed: seed).derived("sample/\(id.rawValue)")
        // A slow draw shows its progress, counted in thousandths.
        let display = ProgressDisplay(quiet: quiet || !slow)
        let progress = RunProgress()
        progress.expect(1000)
        display.watch(id.rawValue, progress)
        var shown = 0
        let tensor = try LocatedError.locating("--shape") { () throws(ShapeError) in
            try rule.sample(shape: shape, using: &random) { fraction in
                let done = Int(fraction * 1000)
                if done > shown { progress.advance(by: done - shown); shown = done }
            }
        }
        display.finish()
        let bytes: [UInt8] =
            switch format {
            case .npy: try LocatedError.locating("--shape") { () throws(ShapeError) in try NumpyArray.encode(tensor) }
            case .csv: Array(CSVMatrix.text(of: tensor).utf8)
            }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw LocatedError(
                "--output", "cannot write \(target): \(Self.reason(error))",
                hint: "check that the folder is writable and has room")
        }
        if !quiet { FileHandle.standardError.write(Data("initlab: \(summary(of: tensor, rule: rule))\n".utf8)) }
    }

    enum Format { case npy, csv }

    /// The format and the file to write: through a symbolic link its target, as `cp` writes,
    /// so that a link into a shared folder stays a link. Checked before sampling, which can take
    /// a while for a large orthogonal matrix.
    func outputTarget() throws(LocatedError) -> (Format, String) {
        let format: Format
        switch URL(fileURLWithPath: output).pathExtension.lowercased() {
        case "npy": format = .npy
        case "csv": format = .csv
        default: throw LocatedError("--output", "\(output) does not end in .npy or .csv", hint: "the extension chooses the format")
        }
        var target = output
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: output)) != nil {
            guard let resolved = realpath(output, nil) else {
                throw LocatedError(
                    "--output", "\(output) is a symbolic link to nothing",
                    hint: "like cp, initlab does not write through a dangling link")
            }
            target = String(cString: resolved)
            free(resolved)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
            throw LocatedError("--output", "\(output) is a folder", hint: "give the name of a file in it, ending in .npy or .csv")
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw LocatedError("--output", "the folder \(folder) does not exist", hint: "create it first")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw LocatedError("--output", "the folder \(folder) is not writable")
        }
        return (format, target)
    }

    /// The system's words for a failed write, rather than Foundation's error number.
    static func reason(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }

    /// Refuses options that would write inf or zeros: float32 is the format of the file.
    func checkFloatRange(of rule: Rule, shape: [Int]) throws(LocatedError) {
        let fans = try LocatedError.locating("--shape") { () throws(ShapeError) in try Fans(shape: shape) }
        do {
            try rule.checkFloatRange(for: fans)
        } catch {
            throw usageError(error)
        }
    }

    /// Estimates above this many seconds need --allow-slow.
    static let slowSeconds = 10.0

    /// Floating-point operations a second of the QR decomposition (counted as
    /// `Rule.operations(shape:)` counts them), at the slow end of what this 2-core machine
    /// measured with a load average of 7 to 9 from other builds: a release build timed with
    /// `/usr/bin/time initlab sample orthogonal --allow-slow` ran 1000² at 2.1e9 a second, 2000²
    /// at 1.2e9, 3000² at 1.3e9, 20000 × 500 at 1.7e9 (large matrices leave the cache); a
    /// debug build, which runs the same loops unoptimised, ran 400² at 1.1e8, 600² at 1.8e8 and
    /// 800² at 2.2e8. A slow estimate errs towards asking for --allow-slow.
    #if DEBUG
        static let operationsPerSecond = 1e8
    #else
        static let operationsPerSecond = 1e9
    #endif

    /// Whether the draw is estimated to take longer than ``slowSeconds``, which is refused
    /// unless --allow-slow.
    func checkDuration(of rule: Rule, shape: [Int]) throws(LocatedError) -> Bool {
        let operations = try LocatedError.locating("--shape") { () throws(ShapeError) in try rule.operations(shape: shape) }
        guard let operations else { return false }
        let seconds = operations / Self.operationsPerSecond
        guard seconds > Self.slowSeconds else { return false }
        if allowSlow { return true }
        let dimensions = shape.map(String.init).joined(separator: ", ")
        throw LocatedError(
            "--shape",
            "an orthogonal matrix of shape (\(dimensions)) takes about \(Self.duration(seconds)) here "
                + String(format: "(%.2g floating-point operations at %.2g a second)", operations, Self.operationsPerSecond),
            hint: "add --allow-slow to wait for it, or choose a smaller shape")
    }

    static func duration(_ seconds: Double) -> String {
        switch seconds {
        case ..<120: String(format: "%.0f s", seconds)
        case ..<7200: String(format: "%.0f min", seconds / 60)
        default: String(format: "%.1f h", seconds / 3600)
        }
    }

    func parsedShape() throws(LocatedError) -> [Int] {
        let dimensions = shape.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !dimensions.isEmpty, dimensions.allSatisfy({ ($0 ?? 0) >= 1 }) else {
            throw LocatedError(
                "--shape", "'\(shape)' is not a list of positive whole numbers",
                hint: "such as 256,784 for a dense layer or 64,3,3,3 for a convolution")
        }
        let sizes = dimensions.compactMap { $0 }
        let fans = try LocatedError.locating("--shape") { () throws(ShapeError) in try Fans(shape: sizes) }
        guard sizes[0] <= Self.maximumCount / fans.fanIn else {
            throw LocatedError(
                "--shape", "'\(shape)' has more than \(Self.maximumCount) weights", hint: "initlab sample writes at most 1 GiB")
        }
        return sizes
    }

    /// The rule with the options given. `--nonlinearity` names Kumar's activation; for the other
    /// rules it is a way of giving the gain, refused where the rule already contains its
    /// activation's factor (He's 2, the sigmoid variant's 16), which would count it twice.
    func resolvedRule(_ id: RuleID) throws(LocatedError) -> Rule {
        let takesActivation = id.parameters.contains(.nonlinearity)
        let takesSlope = id.parameters.contains(.slope)
        var gain = gain
        var activation: Nonlinearity?
        if let nonlinearity {
            if !takesActivation && id.includesActivationGain {
                throw LocatedError(
                    "--nonlinearity", "\(id.rawValue) already contains its activation's factor",
                    hint: takesSlope ? "use --slope for a leaky ReLU, or --gain to scale further" : "use --gain to scale further")
            }
            if !takesActivation && gain != nil {
                throw LocatedError("--nonlinearity", "--gain and --nonlinearity both set the gain", hint: "give one of them")
            }
            let named = try LocatedError.locating("--nonlinearity") { () throws(RuleError) in
                try Nonlinearity(name: nonlinearity, slope: takesSlope ? nil : slope)
            }
            if takesActivation { activation = named } else { gain = named.gain }
        }
        if k != nil && fraction != nil {
            throw LocatedError("--fraction", "--k and --fraction both set the number of nonzero weights", hint: "give one of them")
        }
        let sparsity = k.map(Sparsity.count) ?? fraction.map(Sparsity.fraction)
        let slopeOfRule = takesSlope || nonlinearity == nil ? slope : nil
        do {
            return try Rule(
                id, gain: gain, normalKind: distribution, mode: mode, slope: slopeOfRule, std: std,
                bound: bound, value: value, sparsity: sparsity, activation: activation)
        } catch {
            throw usageError(error)
        }
    }

    /// A rule's error, located at the option the user gave: a gain set through --nonlinearity
    /// (and its --slope) is blamed on those.
    func usageError(_ error: RuleError) -> LocatedError {
        guard error.parameter == .gain, gain == nil, let nonlinearity else {
            return LocatedError(error.parameter.map { "--\($0.rawValue)" } ?? "RULE", error.description)
        }
        let source = nonlinearity + (slope.map { " with slope \($0)" } ?? "")
        return LocatedError(slope == nil ? "--nonlinearity" : "--slope", error.description, hint: "the gain is that of \(source)")
    }

    func summary(of tensor: WeightTensor, rule: Rule) -> String {
        let shape = tensor.shape.map(String.init).joined(separator: ", ")
        let sample = tensor.elements.withUnsafeBufferPointer { elements in
            var moments = Moments()
            moments.add(elements)
            return moments
        }
        let predicted = rule.variance(for: tensor.fans).map { String(format: "Var(w) %.6g predicted, ", $0) } ?? ""
        return "wrote \(output): \(rule.id.rawValue), shape (\(shape)), fan_in \(tensor.fans.fanIn), fan_out \(tensor.fans.fanOut), "
            + predicted + String(format: "%.6g in the sample (mean %.3g)", sample.variance, sample.mean)
    }
}

extension FanMode: ExpressibleByArgument {}
extension NormalKind: ExpressibleByArgument {}

extension LocatedError {
    /// Runs `body` and turns the library error it may throw into a usage error that names the
    /// option or argument at fault.
    static func locating<Failure: Error & CustomStringConvertible, Value>(
        _ option: String, _ body: () throws(Failure) -> Value
    ) throws(LocatedError) -> Value {
        do {
            return try body()
        } catch {
            throw LocatedError(option, error.description)
        }
    }
}
